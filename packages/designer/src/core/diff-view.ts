import { diff, formatDiff, type DiffEntry, type PathwayTemplateData } from '@pathways/core';
import type { DesignCheck } from './check-document.js';
import type { DesignDocument } from './design-document.js';

/** What changed, as the canvas marks it and the panel lists it: the same `diff` as the CLI. */
export interface DesignDiff {
  /** What the document is compared with: the level it extends (variant) or the last published version (baseline). */
  readonly from: string;
  readonly to: string;
  readonly entries: readonly DiffEntry[];
  /** The same text `pathways diff` prints. */
  readonly text: string;
  readonly nodes: ReadonlyMap<string, 'added' | 'changed'>;
  readonly transitions: ReadonlyMap<string, 'added' | 'changed'>;
  /** Nodes the document no longer has, from the version compared with (drawn as ghosts). */
  readonly removedNodes: readonly PathwayTemplateData['nodes'][number][];
  /** The version compared with, for the ghosts' places. */
  readonly before: PathwayTemplateData;
}

/**
 * The document against what it builds on — a variant against the level it extends (its parent,
 * resolved), a baseline against its last published version — or against any other version
 * (`against`: another baseline version, another variant resolved, see `DesignerSession.comparison`).
 * Undefined when there is nothing to compare with or the document cannot be resolved.
 */
export function designDiff(document: DesignDocument, check: DesignCheck, against?: PathwayTemplateData): DesignDiff | undefined {
  const before: PathwayTemplateData | undefined = against ?? (document.kind === 'variant' ? document.parent?.template : document.previous);
  const after = check.resolved;
  if (!before || !after || !Array.isArray(after.nodes)) return undefined;
  const result = diff(before, after);
  const marks = (collection: string) => new Map(result.entries.filter((e) => e.collection === collection && e.kind !== 'removed').map((e) => [e.id, e.kind as 'added' | 'changed']));
  const removed = new Set(result.entries.filter((e) => e.collection === 'nodes' && e.kind === 'removed').map((e) => e.id));
  return {
    from: `${before.id}@${before.version}`,
    to: `${String(document.json.id)}@${String(document.json.version)}`,
    entries: result.entries,
    text: formatDiff(result),
    nodes: marks('nodes'),
    transitions: marks('transitions'),
    removedNodes: before.nodes.filter((node) => removed.has(node.id)),
    before,
  };
}
