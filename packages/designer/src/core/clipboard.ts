import type { PathwayTemplateData } from '@pathways/core';
import type { DesignDocument, JsonObject } from './design-document.js';
import { addFragmentChange, judgeEdit, type EditResult } from './edits.js';

type Obj = Record<string, unknown>;

/** Copied steps: the nodes, the transitions among them, the events those need, and their positions. */
export interface Fragment {
  readonly nodes: readonly Obj[];
  readonly transitions: readonly Obj[];
  readonly events: readonly Obj[];
  /** The event the last copied step left on (its way out of the selection), if any. */
  readonly exitOn?: string;
  readonly positions: Readonly<Record<string, { x: number; y: number }>>;
}

/**
 * Copies activities of the drawn pathway (what the canvas shows, so national steps can be copied
 * into a local fragment too): the nodes, the transitions among them and the declarations of the
 * events those transitions and the way out need. Returns undefined when nothing is selected.
 */
export function copyFragment(template: PathwayTemplateData, ids: readonly string[], positions: Readonly<Record<string, { x: number; y: number }>> = {}): Fragment | undefined {
  const chosen = new Set(ids);
  const nodes = template.nodes.filter((node) => chosen.has(node.id)).map((node) => ({ ...node }) as Obj);
  if (nodes.length === 0) return undefined;
  const transitions = template.transitions.filter((t) => chosen.has(t.from) && chosen.has(t.to)).map((t) => ({ ...t }) as Obj);
  const leaving = template.transitions.find((t) => chosen.has(t.from) && !chosen.has(t.to) && t.on !== undefined);
  const used = new Set([...transitions.map((t) => t.on), leaving?.on].filter((on): on is string => typeof on === 'string'));
  const events = template.events.filter((event) => used.has(event.type)).map((event) => ({ ...event }) as Obj);
  return { nodes, transitions, events, ...(leaving?.on ? { exitOn: leaving.on } : {}), positions: Object.fromEntries(Object.entries(positions).filter(([id]) => chosen.has(id))) };
}

const lastPart = (id: string) => id.split('/').pop()!;
const eventRest = (type: string) => type.split('.').slice(type.includes('/') || type.split('.').length > 2 ? 1 : 0).join('.');

/**
 * Pastes copied steps. In a variant they become a new fragment at an adjustment point, renamed
 * into the locality's namespace (`chc/…` → `fr/…`, events `chc.….done` → `fr.….done`), entered at
 * the first step and left from the last on the event it left on; the check judges the result. In
 * a baseline they are added beside the originals (`…-copy`), with their transitions.
 */
export function pasteFragment(document: DesignDocument, fragment: Fragment, where: { readonly point?: string; readonly dx?: number; readonly dy?: number } = {}): EditResult {
  const taken = new Set<string>([...(document.parent?.template.nodes.map((n) => n.id) ?? []), ...listIds(document.json.nodes), ...changeNodeIds(document.json)]);
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${id}-${n}`;
    taken.add(candidate);
    return candidate;
  };
  const locality = String((document.json.locality as Obj | undefined)?.id ?? '');
  const renameNode = new Map(fragment.nodes.map((node) => [String(node.id), unique(document.kind === 'variant' ? `${locality}/${lastPart(String(node.id))}` : `${String(node.id)}-copy`)]));
  const renameEvent = (type: string) => (document.kind === 'variant' && !type.startsWith(`${locality}.`) && fragment.events.some((e) => e.type === type) ? `${locality}.${eventRest(type)}` : type);
  const nodes = fragment.nodes.map((node) => ({ ...node, id: renameNode.get(String(node.id))! }));
  const transitions = fragment.transitions.map((t) => ({ ...t, id: unique(document.kind === 'variant' ? `${locality}/${lastPart(String(t.id))}` : `${String(t.id)}-copy`), from: renameNode.get(String(t.from))!, to: renameNode.get(String(t.to))!, ...(typeof t.on === 'string' ? { on: renameEvent(t.on) } : {}) }));
  const events = fragment.events.map((event) => ({ ...event, type: renameEvent(String(event.type)) }));
  const layout = { ...document.layout, nodes: { ...document.layout.nodes, ...Object.fromEntries(Object.entries(fragment.positions).map(([id, p]) => [renameNode.get(id)!, { x: p.x + (where.dx ?? 40), y: p.y + (where.dy ?? 40) }])) } };
  if (document.kind === 'variant') {
    const incoming = new Set(transitions.map((t) => t.to));
    const outgoing = new Set(transitions.map((t) => t.from));
    const entry = nodes.find((n) => !incoming.has(n.id)) ?? nodes[0]!;
    const exit = [...nodes].reverse().find((n) => !outgoing.has(n.id)) ?? nodes.at(-1)!;
    const change = addFragmentChange(document, where.point, nodes, transitions, events, entry.id, exit, fragment.exitOn ? renameEvent(fragment.exitOn) : undefined);
    if (!change.ok) return change;
    return judgeEdit(document, { ...document.json, changes: [...(Array.isArray(document.json.changes) ? document.json.changes : []), change.change] } as JsonObject, layout);
  }
  const json = document.json as Obj;
  const known = new Set(Array.isArray(json.events) ? (json.events as Obj[]).map((e) => e.type) : []);
  return judgeEdit(
    document,
    { ...json, nodes: [...(json.nodes as Obj[]), ...nodes], transitions: [...(json.transitions as Obj[]), ...transitions], events: [...((json.events as Obj[] | undefined) ?? []), ...events.filter((e) => !known.has(e.type))] },
    layout,
  );
}

function listIds(value: unknown): string[] {
  return Array.isArray(value) ? (value as Obj[]).map((element) => String(element.id)) : [];
}

function changeNodeIds(json: JsonObject): string[] {
  return Array.isArray(json.changes) ? (json.changes as Obj[]).flatMap((change) => listIds(change.nodes)) : [];
}
