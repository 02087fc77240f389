import type { FieldBounds, Governance } from '../model/governance.js';
import type { PathwayTemplateData } from '../model/template.js';
import { elementIdOf } from './apply-variant.js';
import { boundKind, boundsAtLeastAsTight, governanceStrength } from './governance-rules.js';
import { elementCollections } from './variant.js';

type Governed = { readonly governance?: Governance };

/** Whether `next` bounds are at least as tight as `previous` ones, for the element's kind of value. */
type AtLeastAsTight = (previous: FieldBounds, next: FieldBounds) => boolean;

const byBoundKind: AtLeastAsTight = (previous, next) => boundsAtLeastAsTight(previous, next, boundKind(previous));

/** What a variant may now change that it could not: a field opened for tailoring, or a bound widened. */
function widenedBounds(previous: Governance, next: Governance, atLeastAsTight: AtLeastAsTight): string[] {
  if (previous.mode !== 'tailorable' || next.mode !== 'tailorable') return [];
  return Object.entries(next.bounds).flatMap(([field, after]) => {
    const before = Object.hasOwn(previous.bounds, field) ? previous.bounds[field] : undefined;
    if (!before) return [`"${field}" is now tailorable`];
    return atLeastAsTight(after, before) && !atLeastAsTight(before, after) ? [`"${field}" has wider bounds`] : [];
  });
}

/** How one element's governance loosened between two versions, in words. */
function loosening(what: string, old: Governance | undefined, next: Governance | undefined, atLeastAsTight: AtLeastAsTight): string[] {
  const reasons: string[] = [];
  if (governanceStrength(next) < governanceStrength(old)) reasons.push(`${what} was ${old?.mode ?? 'free'} and is now ${next?.mode ?? 'free'}`);
  else if (old && next) for (const widened of widenedBounds(old, next, atLeastAsTight)) reasons.push(`${what}: ${widened}`);
  const allowed = new Set(old?.localEffects ?? []);
  const opened = (next?.localEffects ?? []).filter((effect) => !allowed.has(effect));
  if (opened.length > 0) reasons.push(`${what} now allows local elements to ${opened.join(', ')}`);
  return reasons;
}

/**
 * The mirror of `breakingChanges`: what the next version lets variants do that the previous one
 * did not — a lock removed or weakened, a bound widened or a field opened for tailoring, a local
 * effect newly allowed, an invariant withdrawn, the tier lowered at more places. None of it breaks a
 * variant, so semver asks only for a minor version; all of it lowers the national floor, so
 * national assurance should see it before it is published.
 */
export function loosenedSafeguards(previous: PathwayTemplateData, next: PathwayTemplateData): string[] {
  const reasons: string[] = [];
  const kept = new Set(next.invariants.map((invariant) => invariant.id));
  for (const invariant of previous.invariants) if (!kept.has(invariant.id)) reasons.push(`invariant "${invariant.id}" was withdrawn`);
  for (const collection of elementCollections) {
    const before = new Map((previous[collection] as readonly Governed[]).map((element) => [elementIdOf(collection, element), element]));
    for (const element of next[collection] as readonly Governed[]) {
      const id = elementIdOf(collection, element);
      const old = before.get(id);
      if (old) reasons.push(...loosening(`${collection} "${id}"`, old.governance, element.governance, byBoundKind));
    }
  }
  for (const [name, parameter] of Object.entries(next.parameters)) {
    const old = Object.hasOwn(previous.parameters, name) ? previous.parameters[name] : undefined;
    const enumValues = parameter.kind === 'enum' ? parameter.values : undefined;
    if (old) reasons.push(...loosening(`parameter "${name}"`, old.governance, parameter.governance, (a, b) => boundsAtLeastAsTight(a, b, parameter.kind, enumValues)));
  }
  if (previous.tiers && next.tiers) {
    const before = previous.tiers.lowering.at;
    const after = next.tiers.lowering.at;
    if (before && (!after || after.some((node) => !before.includes(node)))) reasons.push('the tier may be lowered at more places (tiers.lowering.at)');
  }
  return reasons;
}
