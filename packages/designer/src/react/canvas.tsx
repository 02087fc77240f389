import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type Edge, type Node, type NodeChange, type OnConnect, type OnNodeDrag, type OnSelectionChangeFunc, type Viewport, applyNodeChanges } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MutableRefObject } from 'react';
import type { LayoutNote } from '@pathways/core';
import type { CanvasModel } from '../core/canvas-model.js';
import { labelOf } from './i18n.js';
import { nodeTypes } from './node-views.js';
import { paletteMime } from './palette.js';
import { pathwayPng, pathwaySvg } from './picture-export.js';
import type { InterfaceLanguage } from './pathway-designer-props.js';

export interface CanvasProps {
  readonly model: CanvasModel;
  readonly language: InterfaceLanguage;
  readonly markers: boolean;
  readonly armed: boolean;
  readonly focus?: string;
  readonly onSelect: (ids: readonly string[]) => void;
  /** The selected activities, kept selected when the model changes (an edit never drops the selection). */
  readonly selection?: readonly string[];
  /** The selected transition, when an edge (and no activity) is selected. */
  readonly onSelectEdge?: (id: string | undefined) => void;
  readonly onMove: (id: string, position: { x: number; y: number }) => void;
  readonly onConnect: (from: string, to: string) => void;
  readonly onAddAt: (point: string, position?: { x: number; y: number }) => void;
  readonly onDropItem: (item: string, position: { x: number; y: number }) => void;
  readonly onNote: (note: LayoutNote) => void;
  /** Filled with what exports the whole pathway as a picture (PNG or SVG data URL). */
  readonly pictures?: MutableRefObject<CanvasPictures | undefined>;
  /** Shown, not edited (the version compared with, side by side): nothing can be moved, connected, selected or dropped. */
  readonly readOnly?: boolean;
  /** The canvas's test id (`canvas` by default). */
  readonly testId?: string;
  /** Told where the view is after each pan or zoom (side by side, the other canvas follows). */
  readonly onViewport?: (viewport: Viewport) => void;
  /** A view to follow: set whenever it changes. */
  readonly followViewport?: Viewport;
}

export interface CanvasPictures {
  png(): Promise<string>;
  svg(): Promise<string>;
}

const laneHeight = (model: CanvasModel) => Math.max(800, ...model.nodes.map((n) => n.y + 200));

/**
 * The model as React Flow nodes: lanes behind everything, then slots (on top of other nodes and
 * taking pointer events, which React Flow turns off for nodes that cannot be selected or dragged,
 * so their "Add here" stays reachable), activities, escalation rules and notes.
 */
function flowNodes(model: CanvasModel, props: Pick<CanvasProps, 'language' | 'markers' | 'armed' | 'onAddAt' | 'onNote' | 'selection'>): Node[] {
  const selected = new Set(props.selection ?? []);
  const height = laneHeight(model);
  return [
    ...model.lanes.map((lane): Node => ({ id: `lane:${lane.step}`, type: 'lane', position: { x: lane.x, y: 0 }, data: { label: labelOf(lane.label, props.language, lane.step), height }, draggable: false, selectable: false, zIndex: -1, style: { width: lane.width } })),
    ...model.slots.map((slot): Node => ({ id: `slot:${slot.id}`, type: 'slot', position: { x: slot.x, y: slot.y }, data: { slot, language: props.language, armed: props.armed, onAdd: props.onAddAt }, draggable: false, selectable: false, zIndex: 1000, style: { pointerEvents: 'all' } })),
    ...model.nodes.map((node): Node => ({ id: node.id, type: 'pathway', position: { x: node.x, y: node.y }, selected: selected.has(node.id), data: { node, language: props.language, markers: props.markers } })),
    ...model.edges.filter((e) => e.kind === 'escalation').map((edge, i): Node => ({ id: edge.from, type: 'escalation', position: { x: 20 + i * 210, y: -110 }, data: { rule: edge.label ?? edge.from }, draggable: false })),
    ...model.notes.map((note): Node => ({ id: `note:${note.id}`, type: 'note', position: { x: note.x, y: note.y }, data: { note, onChange: props.onNote } })),
  ];
}

function flowEdges(model: CanvasModel): Edge[] {
  return model.edges.map((edge): Edge => ({
    id: edge.id,
    source: edge.from,
    target: edge.to,
    ...(edge.label && edge.kind === 'transition' ? { label: edge.label } : {}),
    className: ['pw-edge', `pw-edge--${edge.kind}`, `pw-edge--${edge.provenance}`, edge.inWitness ? 'pw-edge--witness' : '', edge.change ? `pw-edge--${edge.change}` : ''].filter(Boolean).join(' '),
    markerEnd: { type: MarkerType.ArrowClosed },
    // Edges stay under every node, and their invisible hit area stays narrow, so a slot's
    // "Add here" is never covered by a line passing by.
    zIndex: 0,
    interactionWidth: 6,
    ...(edge.kind === 'escalation' ? { animated: true, style: { strokeDasharray: '6 4' } } : {}),
    data: { kind: edge.kind },
  }));
}

/**
 * Reuses the object kept for an element whose key is unchanged (its data, position and selection
 * serialised), and forgets elements that are gone. Callbacks in node data are stable per render
 * of the designer, so they do not enter the key.
 */
function stable<T>(items: readonly T[], cache: Map<string, { key: string; item: T }>, idOf: (item: T) => string, keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const result = items.map((item) => {
    const id = idOf(item);
    seen.add(id);
    const key = keyOf(item);
    const cached = cache.get(id);
    if (cached && cached.key === key) return cached.item;
    cache.set(id, { key, item });
    return item;
  });
  for (const id of [...cache.keys()]) if (!seen.has(id)) cache.delete(id);
  return result;
}

/** The canvas: swimlanes by practice step, activities, transitions, escalation edges, slots and notes. */
export function Canvas(props: CanvasProps) {
  const { model, onSelect, onMove, onConnect, onDropItem, focus, language, markers, armed, onAddAt, onNote, selection } = props;
  const flow = useReactFlow();
  // The selection is read when the model changes, not followed: selecting re-renders nothing here.
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  // Unchanged nodes and edges keep their objects from the last render, so React Flow redraws only
  // what an edit changed (at 500 nodes, redrawing everything is most of an edit's cost).
  const nodeCache = useRef(new Map<string, { key: string; item: Node }>());
  const edgeCache = useRef(new Map<string, { key: string; item: Edge }>());
  const derived = useMemo(
    () => stable(flowNodes(model, { language, markers, armed, onAddAt, onNote, selection: selectionRef.current ?? [] }), nodeCache.current, (node) => node.id, (node) => `${JSON.stringify(node.data)}|${node.position.x},${node.position.y}|${node.selected === true}`),
    [model, language, markers, armed, onAddAt, onNote],
  );
  const [nodes, setNodes] = useState<Node[]>(derived);
  // A node keeps the size React Flow measured (otherwise it is hidden and measured again), and
  // the cached object takes it too, so the next render can reuse it as it is.
  useEffect(
    () =>
      setNodes((current) => {
        const measured = new Map(current.map((node) => [node.id, node.measured]));
        return derived.map((node) => {
          const size = measured.get(node.id);
          if (!size || node.measured) return node;
          const sized = { ...node, measured: size };
          const entry = nodeCache.current.get(node.id);
          if (entry?.item === node) entry.item = sized;
          return sized;
        });
      }),
    [derived],
  );
  const edges = useMemo(() => stable(flowEdges(model), edgeCache.current, (edge) => edge.id, (edge) => `${edge.source}>${edge.target}|${String(edge.label ?? '')}|${edge.className ?? ''}`), [model]);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  // React Flow copies these handlers into its store whenever they are new objects, and each store
  // update runs the selector of every drawn node and edge: handlers made anew on each render cost
  // a pass over the whole canvas per render (most of showing a 500-node diff). They stay the same
  // objects and call the latest props.
  const latest = useRef({ onMove, onNote, onConnect, onSelect, onSelectEdge: props.onSelectEdge, onViewport: props.onViewport });
  latest.current = { onMove, onNote, onConnect, onSelect, onSelectEdge: props.onSelectEdge, onViewport: props.onViewport };
  const onNodeDragStop = useCallback<OnNodeDrag>((_event, node) => {
    if (node.type === 'pathway') latest.current.onMove(node.id, node.position);
    if (node.type === 'note') latest.current.onNote({ ...(node.data as { note: LayoutNote }).note, x: Math.round(node.position.x), y: Math.round(node.position.y) });
  }, []);
  const onFlowConnect = useCallback<OnConnect>((connection) => {
    if (connection.source && connection.target) latest.current.onConnect(connection.source, connection.target);
  }, []);
  // Reported only when React Flow's selection changes (the handler stays the same object): a handler
  // made anew on each render was called after every render, so a selection the designer made itself
  // (find, a problem, a difference) was replaced at once by React Flow's own, and the report, a new
  // array each time, rendered the canvas again without end.
  const onSelectionChange = useCallback<OnSelectionChangeFunc>(({ nodes: selected, edges: selectedEdges }) => {
    latest.current.onSelect(selected.filter((n) => n.type === 'pathway').map((n) => n.id));
    latest.current.onSelectEdge?.(selectedEdges.find((e) => (e.data as { kind?: string } | undefined)?.kind === 'transition')?.id);
  }, []);
  const container = useRef<HTMLDivElement>(null);
  const { pictures } = props;
  useEffect(() => {
    if (!pictures) return;
    const options = () => ({ nodes: flow.getNodes().filter((node) => node.type !== 'lane'), canvas: container.current! });
    pictures.current = { png: () => pathwayPng(options()), svg: () => pathwaySvg(options()) };
  }, [pictures, flow]);

  useEffect(() => {
    if (focus) void flow.fitView({ nodes: [{ id: focus }], duration: 300, maxZoom: 1.2 });
  }, [focus, flow]);

  const { followViewport } = props;
  useEffect(() => {
    if (followViewport) void flow.setViewport(followViewport);
  }, [followViewport, flow]);
  const onMoveEnd = useCallback((_event: unknown, viewport: Viewport) => latest.current.onViewport?.(viewport), []);

  const onDrop = (event: DragEvent) => {
    const item = event.dataTransfer.getData(paletteMime);
    if (!item) return;
    event.preventDefault();
    onDropItem(item, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <div className="pw-canvas" data-testid={props.testId ?? 'canvas'} ref={container} onDragOver={(event) => event.preventDefault()} onDrop={props.readOnly ? undefined : onDrop}>
      <ReactFlow
        {...(props.readOnly ? { nodesDraggable: false, nodesConnectable: false, elementsSelectable: false } : {})}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onMoveEnd={onMoveEnd}
        onConnect={onFlowConnect}
        deleteKeyCode={null}
        multiSelectionKeyCode="Shift"
        fitView
        minZoom={0.1}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
