import type { CanvasModel } from './canvas-model.js';

/** The part of an ELK graph the tidy-up builds and reads back (elkjs's `ElkNode`, structurally). */
export interface LayoutGraph {
  readonly id: string;
  readonly layoutOptions?: Readonly<Record<string, string>>;
  readonly children?: readonly LayoutGraph[];
  readonly edges?: readonly { readonly id: string; readonly sources: readonly string[]; readonly targets: readonly string[] }[];
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
}

/** What lays a graph out: an ELK instance (in the browser, one backed by a web worker). */
export interface LayoutEngine {
  layout(graph: LayoutGraph): Promise<LayoutGraph>;
}

const nodeSize = { width: 210, height: 80 };

/**
 * Tidies up the canvas with ELK's layered algorithm: one compound node per practice step, laid
 * out top to bottom by the transitions inside it. It returns
 * positions only for the nodes asked (the selection, or every node), so a tidy-up of a selection
 * never moves what the user placed elsewhere; the caller records them as one undoable step.
 */
export async function tidyUp(model: CanvasModel, engine: LayoutEngine, only?: ReadonlySet<string>): Promise<Record<string, { x: number; y: number }>> {
  const lanes = model.lanes.map((lane) => ({
    id: `lane:${lane.step}`,
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '40' },
    children: model.nodes.filter((node) => node.stage === lane.step).map((node) => ({ id: node.id, ...nodeSize })),
  }));
  // Each lane is laid out on its own (only the transitions inside it order its nodes): the lanes
  // keep their columns anyway, and six small layouts cost far less than one across the hierarchy.
  const stageOf = new Map(model.nodes.map((node) => [node.id, node.stage]));
  const laneEdges = (step: string) =>
    model.edges
      .filter((edge) => edge.kind === 'transition' && edge.from !== edge.to && stageOf.get(edge.from) === step && stageOf.get(edge.to) === step)
      .map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to] }));
  const laid = await engine.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '60' },
    children: lanes.map((lane) => ({ ...lane, edges: laneEdges(lane.id.slice('lane:'.length)) })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const lane of laid.children ?? []) {
    const column = model.lanes.find((l) => `lane:${l.step}` === lane.id);
    if (!column) continue;
    // Each step keeps its own swimlane, one column wide: ELK decides the order (by layer, then
    // across), the lane keeps its column and the spacing keeps labels apart.
    const ordered = [...(lane.children ?? [])].sort((a, b) => (a.y ?? 0) - (b.y ?? 0) || (a.x ?? 0) - (b.x ?? 0));
    ordered.forEach((child, row) => {
      if (only && !only.has(child.id)) return;
      positions[child.id] = { x: column.x + 40, y: 80 + row * (nodeSize.height + 40) };
    });
  }
  return positions;
}
