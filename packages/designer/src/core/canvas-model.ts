import { practiceSteps, type PathwayTemplateData, type ProvenanceMap } from '@pathways/core';
import type { DesignCheck } from './check-document.js';
import type { DesignDocument, Layout } from './design-document.js';
import type { DesignDiff } from './diff-view.js';

/** Where an element comes from: the national baseline, the regional level, or the local one. */
export type ProvenanceLevel = 'national' | 'regional' | 'local';

export interface CanvasNode {
  readonly id: string;
  readonly type: string;
  readonly stage: string;
  readonly label: Readonly<Record<string, string>>;
  readonly x: number;
  readonly y: number;
  /** True when the position was saved (the user placed it); tidying up never moves those unless asked. */
  readonly placed: boolean;
  readonly governance: 'locked' | 'tailorable' | 'free';
  /** Why it is locked or what may be tailored, in the baseline's words. */
  readonly governanceReason?: string;
  readonly provenance: ProvenanceLevel;
  /** The variant can edit it: it is the variant's own (the level above is never edited). */
  readonly editable: boolean;
  readonly problems: number;
  readonly inWitness: boolean;
  /** The case being simulated is at this node. */
  readonly active: boolean;
  /** Against what the document builds on, when differences are shown. */
  readonly change?: 'added' | 'changed' | 'removed';
}

export interface CanvasEdge {
  readonly id: string;
  readonly kind: 'transition' | 'escalation';
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly locked: boolean;
  readonly provenance: ProvenanceLevel;
  readonly inWitness: boolean;
  readonly change?: 'added' | 'changed' | 'removed';
}

/** An adjustment point drawn as a slot: local fragments are dropped only there. */
export interface CanvasSlot {
  readonly id: string;
  readonly kind: 'fragment' | 'entryPoint';
  readonly label: Readonly<Record<string, string>>;
  readonly stage: string;
  readonly x: number;
  readonly y: number;
}

export interface CanvasLane {
  readonly step: string;
  readonly label: Readonly<Record<string, string>>;
  readonly x: number;
  readonly width: number;
}

export interface CanvasModel {
  readonly lanes: readonly CanvasLane[];
  readonly nodes: readonly CanvasNode[];
  readonly edges: readonly CanvasEdge[];
  readonly slots: readonly CanvasSlot[];
  readonly notes: Layout['notes'];
}

export const laneWidth = 300;
const rowHeight = 120;
const laneTop = 80;

type Governed = { readonly governance?: { readonly mode: 'locked' | 'tailorable' | 'free'; readonly reason?: string } };

function provenanceOf(provenance: ProvenanceMap | undefined, key: string, document: DesignDocument): ProvenanceLevel {
  const level = provenance?.[key]?.level;
  if (level) return level;
  // Without a provenance map (baseline mode) everything is the document's own level.
  const own = (document.json.locality as { level?: string } | undefined)?.level;
  return own === 'regional' || own === 'local' ? own : 'national';
}

/**
 * Default positions, deterministic: one lane per practice step, left to right; within a lane,
 * nodes in the order the flow first reaches them. Saved positions always win, so an edit never
 * reshuffles what the user placed.
 */
function defaultPositions(template: PathwayTemplateData): Map<string, { x: number; y: number }> {
  const order = new Map<string, number>();
  const starts = template.nodes.filter((n) => n.type === 'start').map((n) => n.id);
  const queue = [...(starts.length > 0 ? starts : template.nodes.slice(0, 1).map((n) => n.id))];
  queue.forEach((id, i) => order.set(id, i));
  for (let head = 0; head < queue.length; head += 1) {
    for (const t of template.transitions) {
      if (t.from === queue[head] && !order.has(t.to)) {
        order.set(t.to, order.size);
        queue.push(t.to);
      }
    }
  }
  const rows = new Map<string, number>();
  const positions = new Map<string, { x: number; y: number }>();
  const nodes = [...template.nodes].sort((a, b) => (order.get(a.id) ?? 1e6) - (order.get(b.id) ?? 1e6));
  for (const node of nodes) {
    const lane = Math.max(0, practiceSteps.indexOf(node.stage as (typeof practiceSteps)[number]));
    const row = rows.get(node.stage) ?? 0;
    rows.set(node.stage, row + 1);
    positions.set(node.id, { x: lane * laneWidth + 40, y: laneTop + row * rowHeight });
  }
  return positions;
}

/** What the canvas draws for a document after its check: lanes, nodes, edges, slots and notes. */
export function canvasModel(document: DesignDocument, check: DesignCheck, activeNodes: ReadonlySet<string> = new Set(), differences?: DesignDiff): CanvasModel {
  const template = check.resolved;
  const lanes = practiceSteps.map((step, i): CanvasLane => {
    const stage = template?.stages?.find((s) => s.step === step);
    return { step, label: (stage?.label as Record<string, string> | undefined) ?? { en: step }, x: i * laneWidth, width: laneWidth };
  });
  if (!template || !Array.isArray(template.nodes)) return { lanes, nodes: [], edges: [], slots: [], notes: document.layout.notes };
  const defaults = defaultPositions(template);
  const witness = new Set(check.problems.flatMap((p) => p.witness ?? []));
  const witnessSteps = check.problems.flatMap((p) => (p.witness ? p.witness.slice(1).map((node, i) => `${p.witness![i]}→${node}`) : []));
  const problemCount = new Map<string, number>();
  for (const p of check.problems) if (p.element?.collection === 'nodes') problemCount.set(p.element.id, (problemCount.get(p.element.id) ?? 0) + 1);
  const mine = (key: string) => document.kind === 'baseline' || (check.provenance?.[key]?.source === document.json.id);
  const nodes = template.nodes.map((node): CanvasNode => {
    const saved = document.layout.nodes[node.id] ?? document.parent?.template.layout?.nodes?.[node.id];
    const position = saved ?? defaults.get(node.id) ?? { x: 0, y: 0 };
    const governance = (node as Governed).governance;
    return {
      id: node.id,
      type: node.type,
      stage: node.stage,
      label: node.label as Record<string, string>,
      x: position.x,
      y: position.y,
      placed: saved !== undefined,
      governance: governance?.mode ?? 'free',
      ...(governance?.reason ? { governanceReason: governance.reason } : {}),
      provenance: provenanceOf(check.provenance, `nodes:${node.id}`, document),
      editable: mine(`nodes:${node.id}`),
      problems: problemCount.get(node.id) ?? 0,
      inWitness: witness.has(node.id),
      active: activeNodes.has(node.id),
      ...(differences?.nodes.has(node.id) ? { change: differences.nodes.get(node.id)! } : {}),
    };
  });
  // Removed nodes are drawn where they were, as ghosts: the diff overlaid on the canvas.
  if (differences && differences.removedNodes.length > 0) {
    const before = defaultPositions(differences.before);
    for (const node of differences.removedNodes) {
      const at = differences.before.layout?.nodes?.[node.id] ?? before.get(node.id) ?? { x: 0, y: 0 };
      nodes.push({ id: `removed:${node.id}`, type: node.type, stage: node.stage, label: node.label as Record<string, string>, x: at.x, y: at.y, placed: false, governance: 'free', provenance: 'national', editable: false, problems: 0, inWitness: false, active: false, change: 'removed' });
    }
  }
  const transitions = template.transitions.map((t): CanvasEdge => {
    const from = template.nodes.find((n) => n.id === t.from) as Governed | undefined;
    return {
      id: t.id,
      kind: 'transition',
      from: t.from,
      to: t.to,
      ...(t.on ? { label: t.on } : {}),
      locked: from?.governance?.mode === 'locked' || (t as Governed).governance?.mode === 'locked',
      provenance: provenanceOf(check.provenance, `transitions:${t.id}`, document),
      inWitness: witnessSteps.includes(`${t.from}→${t.to}`),
      ...(differences?.transitions.has(t.id) ? { change: differences.transitions.get(t.id)! } : {}),
    };
  });
  // Escalation rules that route the case are drawn as their own kind of edge, from the rule to its target.
  const escalations = template.escalations.flatMap((rule) =>
    rule.response.flatMap((response): CanvasEdge[] =>
      response.kind === 'route'
        ? [{ id: `escalation:${rule.id}`, kind: 'escalation', from: `escalation:${rule.id}`, to: response.to, label: rule.id, locked: (rule as Governed).governance?.mode === 'locked', provenance: provenanceOf(check.provenance, `escalations:${rule.id}`, document), inWitness: false }]
        : [],
    ),
  );
  const slots = template.adjustmentPoints.map((point): CanvasSlot => {
    const anchor =
      point.kind === 'fragment'
        ? template.transitions.find((t) => t.id === point.transition)
        : undefined;
    const a = anchor ? nodes.find((n) => n.id === anchor.from) : nodes.find((n) => point.kind === 'entryPoint' && n.id === point.target);
    const b = anchor ? nodes.find((n) => n.id === anchor.to) : undefined;
    const x = a && b ? (a.x + b.x) / 2 + 90 : (a?.x ?? 0) - 40;
    const y = a && b ? (a.y + b.y) / 2 + 40 : (a?.y ?? 0) - 60;
    return { id: point.id, kind: point.kind, label: point.label as Record<string, string>, stage: point.kind === 'fragment' ? point.stage : (a?.stage ?? 'recognition'), x, y };
  });
  return { lanes, nodes, edges: [...transitions, ...escalations], slots, notes: document.layout.notes };
}
