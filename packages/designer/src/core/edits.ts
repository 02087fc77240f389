import type { DesignDocument, JsonObject, Layout } from './design-document.js';
import { refusalOf, type Refusal } from './refusals.js';

/** The outcome of an edit: the new document, or why it was refused (the document unchanged). */
export type EditResult = { readonly ok: true; readonly document: DesignDocument } | { readonly ok: false; readonly refusal: Refusal };

/** Labels in each language, e.g. `{ en: 'Offer the kaupapa Māori service', mi: '…' }`. */
export type Labels = Readonly<Record<string, string>>;

/** A node the palette adds: a core type (with its own fields) or a plugin node type with its config. */
export interface NewNode {
  /** The id's last part, e.g. `kaupapa-maori-service` (namespaced with the locality in a variant). */
  readonly name: string;
  readonly type: string;
  readonly label: Labels;
  readonly stage?: string;
  /** Other fields of the node (ownerRole, due, typeVersion, config …). */
  readonly fields?: JsonObject;
}

type Obj = Record<string, unknown>;
const list = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'step';

/** Applies a change to the document and asks the check whether a national rule refuses it. */
export function judgeEdit(before: DesignDocument, json: JsonObject, layout: Layout = before.layout): EditResult {
  return judged(before, json, layout);
}

function judged(before: DesignDocument, json: JsonObject, layout: Layout = before.layout): EditResult {
  const after: DesignDocument = { ...before, json, layout };
  const refusal = refusalOf(before, after);
  return refusal ? { ok: false, refusal } : { ok: true, document: after };
}

const changesOf = (document: DesignDocument): Obj[] => list(document.json.changes);
const withChanges = (document: DesignDocument, changes: readonly Obj[]): JsonObject => ({ ...document.json, changes });
const localityId = (document: DesignDocument) => String((document.json.locality as Obj | undefined)?.id ?? 'local');

/** Sets a parameter: in a variant, the change `setParameter` (one per parameter, the last wins); in a baseline, its value. */
export function setParameter(document: DesignDocument, name: string, value: unknown, reason?: string): EditResult {
  if (document.kind === 'variant') {
    const others = changesOf(document).filter((c) => !(c.op === 'setParameter' && c.name === name));
    return judged(document, withChanges(document, [...others, { op: 'setParameter', name, value, ...(reason ? { reason } : {}) }]));
  }
  const parameters = (document.json.parameters ?? {}) as Obj;
  const current = parameters[name] as Obj | undefined;
  if (!current) return { ok: false, refusal: { code: 'PWY_REFERENCE_DANGLING', message: `No parameter "${name}" is declared.`, hint: 'Declare the parameter first.' } };
  return judged(document, { ...document.json, parameters: { ...parameters, [name]: { ...current, value } } });
}

/** Renames an element, in each language given. */
export function relabel(document: DesignDocument, collection: string, id: string, label: Labels): EditResult {
  if (document.kind === 'variant') return judged(document, withChanges(document, [...changesOf(document), { op: 'relabel', collection, id, label }]));
  const elements = list(document.json[collection]).map((element) => (element.id === id ? { ...element, label: { ...(element.label as Obj), ...label } } : element));
  return judged(document, { ...document.json, [collection]: elements });
}

/**
 * Removes an element. A node goes with its transitions (one action, one undo step). In a variant
 * a local element added by this variant is taken out of its change; anything else becomes a
 * `remove` change, which the level above's locks may refuse.
 */
export function removeElement(document: DesignDocument, collection: string, id: string): EditResult {
  if (document.kind === 'variant') {
    const changes = changesOf(document);
    const fragment = changes.findIndex((c) => c.op === 'addFragment' && list(c.nodes).some((n) => n.id === id));
    if (fragment >= 0 && collection === 'nodes') {
      const change = changes[fragment]!;
      const nodes = list(change.nodes).filter((n) => n.id !== id);
      const next = nodes.length === 0 ? changes.filter((_, i) => i !== fragment) : changes.map((c, i) => (i === fragment ? { ...c, nodes, transitions: list(c.transitions).filter((t) => t.from !== id && t.to !== id) } : c));
      return judged(document, withChanges(document, next));
    }
    const ownTransition = changes.findIndex((c) => c.op === 'addFragment' && list(c.transitions).some((t) => t.id === id));
    if (ownTransition >= 0 && collection === 'transitions') {
      return judged(document, withChanges(document, changes.map((c, i) => (i === ownTransition ? { ...c, transitions: list(c.transitions).filter((t) => t.id !== id) } : c))));
    }
    return judged(document, withChanges(document, [...changes, { op: 'remove', collection, id }]));
  }
  const json: Obj = { ...document.json, [collection]: list(document.json[collection]).filter((element) => element.id !== id) };
  if (collection === 'nodes') json.transitions = list(document.json.transitions).filter((t) => t.from !== id && t.to !== id);
  const { [id]: _gone, ...nodes } = document.layout.nodes;
  return judged(document, json, { ...document.layout, nodes });
}

/**
 * Adds a node. In a variant it goes in a fragment at an adjustment point (the only place local
 * steps go): a new fragment whose entry and exit it is, leaving on a local event of its own, or
 * the point's existing fragment. In a baseline it is added to the stage given.
 */
export function addNode(document: DesignDocument, node: NewNode, where: { readonly point?: string; readonly stage?: string; readonly x?: number; readonly y?: number }): EditResult {
  const layoutWith = (id: string): Layout => (where.x !== undefined && where.y !== undefined ? { ...document.layout, nodes: { ...document.layout.nodes, [id]: { x: where.x, y: where.y } } } : document.layout);
  if (document.kind === 'variant') {
    const point = document.parent?.template.adjustmentPoints.find((p) => p.id === where.point);
    if (!point || point.kind !== 'fragment') {
      return { ok: false, refusal: { code: 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', message: `Local steps are added only at an adjustment point${where.point ? `; "${where.point}" is not a fragment point of the level above` : ''}.`, hint: 'Drop the node on one of the slots drawn on the canvas.' } };
    }
    const locality = localityId(document);
    const id = `${locality}/${slug(node.name)}`;
    const event = `${locality}.${slug(node.name)}.done`;
    const element = { id, stage: point.stage, type: node.type, label: node.label, ...(node.fields ?? {}) };
    const changes = changesOf(document);
    const existing = changes.findIndex((c) => c.op === 'addFragment' && c.point === point.id);
    if (existing >= 0) {
      // A second node joins the point's fragment unconnected; the author connects it.
      return judged(document, withChanges(document, changes.map((c, i) => (i === existing ? { ...c, nodes: [...list(c.nodes), element] } : c))), layoutWith(id));
    }
    const waits = node.type !== 'notify' && node.type !== 'decision';
    const fragment = {
      op: 'addFragment',
      point: point.id,
      nodes: [element],
      entry: id,
      exit: { node: id, ...(waits ? { on: event } : {}) },
      ...(waits ? { events: [{ type: event, label: { en: `Record: ${node.label.en ?? node.name}` } }] } : {}),
    };
    return judged(document, withChanges(document, [...changes, fragment]), layoutWith(id));
  }
  const id = slug(node.name);
  const element = { id, stage: where.stage ?? node.stage ?? 'recognition', type: node.type, label: node.label, ...(node.fields ?? {}) };
  return judged(document, { ...document.json, nodes: [...list(document.json.nodes), element] }, layoutWith(id));
}

/**
 * Connects two nodes with a transition taken on `on` (none: an automatic move, for decisions and
 * notifications). In a variant a transition from a node of one of its fragments joins that
 * fragment; any other becomes an `add` change, which the check judges like the CLI.
 */
export function connect(document: DesignDocument, from: string, to: string, on?: string): EditResult {
  const transition = (prefix: string) => ({ id: `${prefix}${slug(from.split('/').pop()!)}-to-${slug(to.split('/').pop()!)}`, from, to, ...(on ? { on } : {}) });
  if (document.kind === 'variant') {
    const changes = changesOf(document);
    const fragment = changes.findIndex((c) => c.op === 'addFragment' && list(c.nodes).some((n) => n.id === from));
    const element = transition(`${localityId(document)}/`);
    if (fragment >= 0) return judged(document, withChanges(document, changes.map((c, i) => (i === fragment ? { ...c, transitions: [...list(c.transitions), element] } : c))));
    return judged(document, withChanges(document, [...changes, { op: 'add', collection: 'transitions', element }]));
  }
  return judged(document, { ...document.json, transitions: [...list(document.json.transitions), transition('')] });
}

/** Moves nodes on the canvas: the layout only, never the pathway (nothing to judge). */
export function moveNodes(document: DesignDocument, positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>): DesignDocument {
  const rounded = Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
  return { ...document, layout: { ...document.layout, nodes: { ...document.layout.nodes, ...rounded } } };
}

/** Adds a sticky note (or replaces the one with the same id). */
export function putNote(document: DesignDocument, note: Layout['notes'][number]): DesignDocument {
  return { ...document, layout: { ...document.layout, notes: [...document.layout.notes.filter((n) => n.id !== note.id), note] } };
}

export function removeNote(document: DesignDocument, id: string): DesignDocument {
  return { ...document, layout: { ...document.layout, notes: document.layout.notes.filter((n) => n.id !== id) } };
}

/**
 * Sets fields of a node (its owner, its time limit, a plugin node's `config` …). In a variant the
 * variant's own nodes are edited in place; anything from the level above becomes `setField`
 * changes, which its governance may refuse (a locked node, a field not open for tailoring).
 */
export function setNodeFields(document: DesignDocument, id: string, fields: JsonObject): EditResult {
  if (document.kind === 'variant') {
    const changes = changesOf(document);
    const fragment = changes.findIndex((c) => c.op === 'addFragment' && list(c.nodes).some((n) => n.id === id));
    if (fragment >= 0) {
      return judged(document, withChanges(document, changes.map((c, i) => (i === fragment ? { ...c, nodes: list(c.nodes).map((n) => (n.id === id ? { ...n, ...fields } : n)) } : c))));
    }
    const others = changes.filter((c) => !(c.op === 'setField' && c.collection === 'nodes' && c.id === id && Object.hasOwn(fields, String(c.field))));
    return judged(document, withChanges(document, [...others, ...Object.entries(fields).map(([field, value]) => ({ op: 'setField', collection: 'nodes', id, field, value }))]));
  }
  return judged(document, { ...document.json, nodes: list(document.json.nodes).map((node) => (node.id === id ? { ...node, ...fields } : node)) });
}

/**
 * Sets fields of a transition (the event it is taken on, its guard). The variant's own transitions
 * are edited in place; a transition of the level above becomes `setField` changes, judged by its
 * governance (the outgoing transitions of a locked node are locked with it).
 */
export function setTransitionFields(document: DesignDocument, id: string, fields: JsonObject): EditResult {
  if (document.kind === 'variant') {
    const changes = changesOf(document);
    const fragment = changes.findIndex((c) => c.op === 'addFragment' && list(c.transitions).some((t) => t.id === id));
    if (fragment >= 0) {
      return judged(document, withChanges(document, changes.map((c, i) => (i === fragment ? { ...c, transitions: list(c.transitions).map((t) => (t.id === id ? withFields(t, fields) : t)) } : c))));
    }
    const added = changes.findIndex((c) => c.op === 'add' && c.collection === 'transitions' && (c.element as Obj | undefined)?.id === id);
    if (added >= 0) return judged(document, withChanges(document, changes.map((c, i) => (i === added ? { ...c, element: withFields(c.element as Obj, fields) } : c))));
    return judged(document, withChanges(document, [...changes, ...Object.entries(fields).map(([field, value]) => ({ op: 'setField', collection: 'transitions', id, field, value }))]));
  }
  return judged(document, { ...document.json, transitions: list(document.json.transitions).map((t) => (t.id === id ? withFields(t, fields) : t)) });
}

/** An element with fields set; a field set to `undefined` is removed (e.g. a guard taken away). */
function withFields(element: Obj, fields: JsonObject): Obj {
  const merged: Obj = { ...element, ...fields };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

/**
 * The `addFragment` change for steps placed at an adjustment point of the level above: entered at
 * `entry`, left from `exit` on `exitOn` (or on a new local event when the exit waits for one).
 */
export function addFragmentChange(
  document: DesignDocument,
  pointId: string | undefined,
  nodes: readonly Obj[],
  transitions: readonly Obj[],
  events: readonly Obj[],
  entry: string,
  exit: Obj,
  exitOn?: string,
): { ok: true; change: Obj } | { ok: false; refusal: Refusal } {
  const point = document.parent?.template.adjustmentPoints.find((p) => p.id === pointId);
  if (!point || point.kind !== 'fragment') {
    return { ok: false, refusal: { code: 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', message: `Local steps are added only at an adjustment point${pointId ? `; "${pointId}" is not a fragment point of the level above` : ''}.`, hint: 'Drop the steps on one of the slots drawn on the canvas.' } };
  }
  const waits = exit.type !== 'notify' && exit.type !== 'decision';
  const event = exitOn ?? `${localityId(document)}.${slug(String(exit.id).split('/').pop()!)}.done`;
  const declared = exitOn === undefined && waits ? [{ type: event, label: { en: `Record: ${String((exit.label as Obj | undefined)?.en ?? exit.id)}` } }] : [];
  const staged = nodes.map((node) => ({ ...node, stage: point.stage }));
  return { ok: true, change: { op: 'addFragment', point: point.id, nodes: staged, transitions, entry, exit: { node: String(exit.id), ...(waits ? { on: event } : {}) }, ...(events.length + declared.length > 0 ? { events: [...events, ...declared] } : {}) } };
}

/** Drops one change of a variant (e.g. a rebase conflict resolved by giving the change up). */
export function removeChange(document: DesignDocument, index: number): EditResult {
  const changes = changesOf(document);
  if (document.kind !== 'variant' || index < 0 || index >= changes.length) {
    return { ok: false, refusal: { code: 'PWY_VARIANT_INVALID', message: `There is no change #${index + 1} to drop.`, hint: 'Choose a change listed in the rebase report.' } };
  }
  return judged(document, withChanges(document, changes.filter((_, i) => i !== index)));
}
