import { baseProvenance, parseTemplate, parseVariant, rebase, type PathwayTemplate, type RebaseOutcome } from '@pathways/core';
import type { DesignDocument, JsonObject } from './design-document.js';

/** A variant rebased onto a newer version of what it extends, with each change's outcome. */
export interface RebasedDocument {
  readonly document: DesignDocument;
  readonly outcomes: readonly RebaseOutcome[];
  readonly conflicts: number;
}

/**
 * Rebases a regional variant (open over the baseline it extends) onto a newer baseline: every change
 * kept, each applied or in conflict with its reason and a suggestion (the CLI's `rebase`). The
 * result opens as a new document over the new baseline, where conflicts show as problems to
 * resolve by editing, and saves like any variant.
 */
export function rebaseDocument(document: DesignDocument, onto: JsonObject | PathwayTemplate): { ok: true; rebased: RebasedDocument } | { ok: false; message: string } {
  if (document.kind !== 'variant' || !document.parent) return { ok: false, message: 'Only a variant is rebased, onto a newer version of the baseline it extends.' };
  if (document.parent.chain.length > 1) return { ok: false, message: 'Rebase the regional variant first; a local variant is rebased onto its rebased region.' };
  const variant = parseVariant(document.json);
  if (!variant.ok) return { ok: false, message: `${document.name} cannot be read as a variant: ${variant.problems[0]?.message ?? ''}` };
  const target = parseTemplate(onto, { plugins: document.plugins });
  if (!target.ok) return { ok: false, message: `The baseline to rebase onto has problems: ${target.problems[0]?.message ?? ''}` };
  const from = document.parent.template;
  if (target.template.id !== from.id) return { ok: false, message: `${document.name} extends ${from.id}; ${target.template.id} is another pathway.` };
  if (target.template.version === from.version) return { ok: false, message: `${document.name} already extends ${from.id}@${from.version}.` };
  const result = rebase(variant.variant, from, target.template);
  const json = JSON.parse(JSON.stringify(result.variant)) as JsonObject;
  const { layout: _layout, ...withoutLayout } = json;
  return {
    ok: true,
    rebased: {
      document: {
        ...document,
        name: document.name.replace(/(\.json)?$/i, `-onto-${target.template.version}.json`),
        json: withoutLayout,
        parent: { template: target.template, provenance: baseProvenance(target.template), chain: [`${target.template.id}@${target.template.version}`] },
      },
      outcomes: result.outcomes,
      conflicts: result.conflicts,
    },
  };
}
