import type { ErrorCode } from '../errors/catalogue.js';
import type { JsonPath } from '../errors/problem.js';
import { parseVariant } from './parse-variant.js';
import { pluginsParsedWith, validateTemplate } from '../model/parse-template.js';
import type { InstalledPlugin, PathwayTemplate, PathwayTemplateData } from '../model/template.js';
import { registryOf } from '../model/plugin-registry.js';
import { applyVariant, baseProvenance, elementIdOf, provenanceKey, type ProvenanceMap } from './apply-variant.js';
import { judgeChanges, variantProblem } from './change-rules.js';
import { evaluateInvariants, type WitnessStep } from './invariants/evaluate.js';
import { judgeLocalEffects } from './local-effects.js';
import type { ElementCollection, PathwayVariant } from './variant.js';

export { parseVariant };

/** One problem with a variant: what, which change, which element, how to fix, and for invariants the witness. */
export interface VariantProblem {
  readonly code: ErrorCode;
  /** Index of the offending change; null when the problem is in the resolved whole. */
  readonly change: number | null;
  /** Where: in the variant (for change problems) or in the resolved template. */
  readonly path: JsonPath;
  readonly message: string;
  readonly hint: string;
  /** For broken invariants: the shortest offending path, for the designer to highlight. */
  readonly witness?: readonly WitnessStep[];
}

export type CheckVariantResult = {
  readonly ok: boolean;
  /** True when the variant could not be read at all. */
  readonly unusable: boolean;
  readonly problems: readonly VariantProblem[];
  /** The resolved template, when the variant could be applied. */
  readonly resolved?: PathwayTemplateData;
  readonly provenance?: ProvenanceMap;
  readonly variant?: PathwayVariant;
};

/** The change that last set an element of the resolved template, if this variant did. */
function changeOf(provenance: ProvenanceMap, variant: PathwayVariant, collection: ElementCollection | 'parameters', id: string): number | null {
  const origin = Object.hasOwn(provenance, provenanceKey(collection, id)) ? provenance[provenanceKey(collection, id)] : undefined;
  return origin && origin.source === variant.id && origin.change !== undefined ? origin.change : null;
}

/**
 * Checks a variant against its parent (the baseline, or the resolved level above): every problem
 * at once — governance of each change, the resolved template's validity, and every invariant,
 * evaluated on the resolved graph with a witness for each one broken.
 */
export function checkVariant(parent: PathwayTemplate, input: unknown, parentProvenance?: ProvenanceMap, options: { readonly plugins?: readonly InstalledPlugin[] } = {}): CheckVariantResult {
  const plugins = options.plugins ?? pluginsParsedWith(parent);
  const parsed = parseVariant(input);
  if (!parsed.ok) {
    return { ok: false, unusable: parsed.unusable, problems: parsed.problems.map((p) => ({ ...p, change: null })) };
  }
  const variant = parsed.variant;
  const problems: VariantProblem[] = [];
  if (variant.extends.id !== parent.id || variant.extends.version !== parent.version) {
    problems.push(variantProblem('PWY_VARIANT_BASE_MISMATCH', null, ['extends'], `The variant extends ${variant.extends.id}@${variant.extends.version}; it is being checked against ${parent.id}@${parent.version}.`));
  }
  problems.push(...judgeChanges(parent, variant).map((finding) => finding.problem));
  const applied = applyVariant(parent, variant, parentProvenance ?? baseProvenance(parent));
  problems.push(...applied.problems.map((p) => ({ ...p, change: typeof p.path[1] === 'number' ? p.path[1] : null })));
  problems.push(...judgeLocalEffects(parent, applied.template, applied.provenance, variant, registryOf(plugins)));

  const validated = validateTemplate(applied.template, { plugins });
  if (!validated.ok) {
    for (const p of validated.problems) {
      const [collection, position] = p.path;
      const element = typeof collection === 'string' && typeof position === 'number' ? (applied.template as unknown as Record<string, unknown[]>)[collection]?.[position] : undefined;
      const change =
        collection === 'parameters' && typeof position === 'string'
          ? changeOf(applied.provenance, variant, 'parameters', position)
          : element
            ? changeOf(applied.provenance, variant, collection as ElementCollection, elementIdOf(collection as ElementCollection, element))
            : null;
      // A reference left dangling by a removal belongs to the change that removed its target.
      const removedBy = change === null && p.code === 'PWY_REFERENCE_DANGLING' ? [...applied.removed].find(([id]) => p.message.includes(`"${id}"`))?.[1] : undefined;
      problems.push({ ...p, change: removedBy ?? change, path: ['resolved', ...p.path] });
    }
    return { ok: false, unusable: false, problems, resolved: applied.template, provenance: applied.provenance, variant };
  }
  for (const verdict of evaluateInvariants(validated.template)) {
    if (verdict.holds) continue;
    const culprit = verdict.witness?.find((step) => step.transition !== undefined && changeOf(applied.provenance, variant, 'transitions', step.transition) !== null);
    const change = culprit?.transition ? changeOf(applied.provenance, variant, 'transitions', culprit.transition) : null;
    problems.push(variantProblem('PWY_INVARIANT_VIOLATED', change, ['resolved', 'invariants', verdict.index], verdict.message, verdict.witness ? { witness: verdict.witness } : {}));
  }
  return { ok: problems.length === 0, unusable: false, problems, resolved: validated.template, provenance: applied.provenance, variant };
}
