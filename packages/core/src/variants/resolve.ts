import type { Problem } from '../errors/problem.js';
import { parseTemplate, pluginsParsedWith } from '../model/parse-template.js';
import type { InstalledPlugin, PathwayTemplate } from '../model/template.js';
import { applyVariant, baseProvenance, type ProvenanceMap } from './apply-variant.js';
import { parseVariant } from './parse-variant.js';
import type { PathwayVariant } from './variant.js';

/** A template resolved from a chain of variants, with where each element came from. */
export interface ResolvedTemplate {
  readonly template: PathwayTemplate;
  readonly provenance: ProvenanceMap;
}

export type ResolveResult =
  | ({ readonly ok: true; readonly problems: readonly [] } & ResolvedTemplate)
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Resolves national → regional → local: each variant is laid over the result of the ones before
 * it. The result is a full template that compiles and runs like any other. Governance is judged by
 * `checkVariant`; `resolve` reports only what makes the result unusable.
 */
export function resolve(baseline: PathwayTemplate, chain: readonly (PathwayVariant | unknown)[], options: { readonly plugins?: readonly InstalledPlugin[] } = {}): ResolveResult {
  let template = baseline;
  let provenance: ProvenanceMap = baseProvenance(baseline);
  for (const input of chain) {
    // Variants may come straight from files or other code: parse them, so defaults apply once.
    const parsedVariant = parseVariant(input);
    if (!parsedVariant.ok) return { ok: false, problems: parsedVariant.problems };
    const variant = parsedVariant.variant;
    const applied = applyVariant(template, variant, provenance);
    if (applied.problems.length > 0) return { ok: false, problems: applied.problems };
    const parsed = parseTemplate(applied.template, { plugins: options.plugins ?? pluginsParsedWith(baseline) });
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    template = parsed.template;
    provenance = applied.provenance;
  }
  return { ok: true, problems: [], template, provenance };
}
