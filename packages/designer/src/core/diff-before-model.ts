import type { InstalledPlugin } from '@pathways/core';
import { canvasModel, type CanvasModel } from './canvas-model.js';
import type { DesignDocument, JsonObject } from './design-document.js';
import type { DesignDiff } from './diff-view.js';

/**
 * The version compared with, drawn on its own for the side-by-side view: every activity where that
 * version placed it, the ones the document removed marked *Removed* and the ones it changed marked
 * *Changed* (added ones are on the document's side only). Nothing on it can be edited.
 */
export function beforeCanvasModel(differences: DesignDiff, plugins: readonly InstalledPlugin[]): CanvasModel {
  const before = differences.before;
  const document: DesignDocument = {
    name: differences.from,
    kind: 'baseline',
    json: before as unknown as JsonObject,
    layout: { nodes: { ...(before.layout?.nodes ?? {}) }, notes: [] },
    plugins,
  };
  const removed = (collection: string) => new Set(differences.entries.filter((e) => e.collection === collection && e.kind === 'removed').map((e) => e.id));
  const changedOnly = (marks: ReadonlyMap<string, 'added' | 'changed'>) => new Map([...marks].filter(([, kind]) => kind === 'changed'));
  const seen: DesignDiff = { ...differences, nodes: changedOnly(differences.nodes), transitions: changedOnly(differences.transitions), removedNodes: [] };
  const model = canvasModel(document, { resolved: before, problems: [], publishable: false }, undefined, seen);
  const removedNodes = removed('nodes');
  const removedTransitions = removed('transitions');
  return {
    ...model,
    slots: [],
    notes: [],
    nodes: model.nodes.map((node) => ({ ...node, editable: false, ...(removedNodes.has(node.id) ? { change: 'removed' as const } : {}) })),
    edges: model.edges.map((edge) => (removedTransitions.has(edge.id) ? { ...edge, change: 'removed' as const } : edge)),
  };
}
