import type { InstalledPlugin, LayoutSection, PathwayTemplate, ProvenanceMap } from '@pathways/core';

/** A JSON object as read from a file. */
export type JsonObject = { readonly [key: string]: unknown };

/** What the designer edits: a national baseline (baseline mode) or a variant overlay (variant mode). */
export type DocumentKind = 'baseline' | 'variant';

/** The positions and notes of the canvas, saved in the document's `layout` section (see ADR 0016). */
export type Layout = LayoutSection;

/** The level a variant is laid over: the baseline, or the baseline resolved with the levels above. */
export interface ParentLevel {
  readonly template: PathwayTemplate;
  readonly provenance?: ProvenanceMap;
  /** The documents it was resolved from, national first (file names). */
  readonly chain: readonly string[];
}

/**
 * One open document. Immutable: every edit returns a new one, so the history keeps each state and
 * undo is a step back. `json` is the document as it will be saved, without its layout; `layout`
 * is saved beside it in the same file.
 */
export interface DesignDocument {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly json: JsonObject;
  readonly layout: Layout;
  /** Variant mode: the level above, which the designer never edits. */
  readonly parent?: ParentLevel;
  /** Baseline mode: the last published version, for the publish rules (semver, breaking changes). */
  readonly previous?: PathwayTemplate;
  readonly plugins: readonly InstalledPlugin[];
}

export const emptyLayout: Layout = { nodes: {}, notes: [] };

/** The document as saved: its JSON with the layout section (when there is anything to keep). */
export function documentToJson(document: DesignDocument): JsonObject {
  const hasLayout = Object.keys(document.layout.nodes).length > 0 || document.layout.notes.length > 0;
  return hasLayout ? { ...document.json, layout: document.layout } : document.json;
}

/** The file text saved: pretty JSON with a final newline, as the repository's files are. */
export function documentToText(document: DesignDocument): string {
  return `${JSON.stringify(documentToJson(document), null, 2)}\n`;
}
