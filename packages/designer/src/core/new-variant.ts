import { baseProvenance, parseTemplate, resolve, type ProvenanceMap, type PathwayTemplate } from '@pathways/core';
import { emptyLayout, type DesignDocument } from './design-document.js';

/** Who the new variant is for: a region or a locality. */
export interface NewVariantOptions {
  /** The variant's id, e.g. `nz-canterbury`. */
  readonly id: string;
  readonly title: string;
  /** The locality: its short id (namespace of its own elements, e.g. `chc`), level and name. */
  readonly locality: { readonly id: string; readonly level: 'regional' | 'local'; readonly name: string };
  /** ISO date from which it applies; the parent's own date by default. */
  readonly effectiveFrom?: string;
}

type Level = { readonly template: PathwayTemplate; readonly provenance: ProvenanceMap; readonly chain: readonly string[] };

/** The level a new variant is laid over: the baseline as it is, or a variant resolved over its own parent. */
function levelOf(parent: DesignDocument): { ok: true; level: Level } | { ok: false; message: string } {
  if (parent.kind === 'baseline') {
    const template = parseTemplate(parent.json, { plugins: parent.plugins });
    if (!template.ok) return { ok: false, message: `${parent.name} has problems: fix them (or open its published version) before building a variant on it.` };
    return { ok: true, level: { template: template.template, provenance: baseProvenance(template.template), chain: [`${template.template.id}@${template.template.version}`] } };
  }
  if (!parent.parent) return { ok: false, message: `${parent.name} is not open with the level it extends.` };
  const resolved = resolve(parent.parent.template, [parent.json], { plugins: parent.plugins });
  if (!resolved.ok) return { ok: false, message: `${parent.name} does not resolve over ${parent.parent.chain.join(' → ')}: ${resolved.problems[0]?.message ?? 'unknown problem'}` };
  return { ok: true, level: { template: resolved.template, provenance: resolved.provenance, chain: [...parent.parent.chain, `${String(parent.json.id)}@${String(parent.json.version)}`] } };
}

/**
 * Starts a variant overlay on an open document (the baseline, or a regional variant for a local
 * one): no changes yet, so it resolves to exactly its parent. The parent is never edited.
 */
export function newVariant(parent: DesignDocument, options: NewVariantOptions): { ok: true; document: DesignDocument } | { ok: false; message: string } {
  if (parent.kind === 'variant' && options.locality.level === 'regional') return { ok: false, message: 'A regional variant extends the national baseline; open the baseline to start one.' };
  const base = levelOf(parent);
  if (!base.ok) return base;
  const extendsRef = { id: String(parent.json.id), version: String(parent.json.version) };
  const json = {
    kind: 'variant',
    id: options.id,
    version: '1.0.0',
    title: { en: options.title },
    locality: options.locality,
    extends: extendsRef,
    effectiveFrom: options.effectiveFrom ?? String(base.level.template.effectiveFrom),
    changes: [],
  };
  return { ok: true, document: { name: `${options.id}.json`, kind: 'variant', json, layout: emptyLayout, parent: base.level, plugins: parent.plugins } };
}
