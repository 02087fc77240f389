import { gt, major, valid } from 'semver';
import { catalogueEntry, type ErrorCode } from '../errors/catalogue.js';
import type { FieldBounds } from '../model/governance.js';
import type { PathwayTemplateData } from '../model/template.js';
import { elementIdOf } from './apply-variant.js';
import type { Governance } from '../model/governance.js';
import { boundKind, boundsAtLeastAsTight, governanceStrength } from './governance-rules.js';
import { loosenedSafeguards } from './loosened.js';
import { elementCollections } from './variant.js';

/** A problem with publishing a version. */
export interface PublishProblem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
}

/** What publishing `next` after `previous` requires, and what stands in the way. */
export interface PublishCheck {
  readonly ok: boolean;
  /** The smallest bump the changes need. */
  readonly requiredBump: 'major' | 'minor' | 'patch';
  /** Why a major bump is needed: new locks, new invariants, tighter bounds. */
  readonly breaking: readonly string[];
  /** What variants may now do that they could not (locks removed, bounds widened…): compatible, but a lower national floor. */
  readonly loosened: readonly string[];
  readonly problems: readonly PublishProblem[];
}

function problem(code: ErrorCode, message: string): PublishProblem {
  return { code, message, hint: catalogueEntry(code).hint };
}

/** True when `next` closes a tailorable field or narrows a bound of `previous` (opening a field is not tighter). */
function tighterBounds(previous: Governance, next: Governance): boolean {
  if (previous.mode !== 'tailorable' || next.mode !== 'tailorable') return false;
  return Object.entries(previous.bounds).some(([field, before]) => {
    const after = Object.hasOwn(next.bounds, field) ? next.bounds[field] : undefined;
    if (!after) return true;
    const kind = boundKind(before);
    return boundsAtLeastAsTight(before, after, kind) && !boundsAtLeastAsTight(after, before, kind);
  });
}

/**
 * Changes that can break variants of the previous version: a withdrawn element (a variant may
 * refer to it), a new lock, a new invariant, a tighter bound, a withdrawn local effect.
 */
export function breakingChanges(previous: PathwayTemplateData, next: PathwayTemplateData): string[] {
  const reasons: string[] = [];
  const previousInvariants = new Set(previous.invariants.map((i) => i.id));
  for (const invariant of next.invariants) if (!previousInvariants.has(invariant.id)) reasons.push(`new invariant "${invariant.id}"`);
  for (const collection of elementCollections) {
    const before = new Map((previous[collection] as readonly { governance?: { mode: string } }[]).map((e) => [elementIdOf(collection, e), e]));
    const kept = new Set((next[collection] as readonly object[]).map((e) => elementIdOf(collection, e)));
    for (const id of before.keys()) if (!kept.has(id)) reasons.push(`${collection} "${id}" was withdrawn`);
    for (const element of next[collection] as readonly { governance?: Parameters<typeof governanceStrength>[0] }[]) {
      const id = elementIdOf(collection, element);
      const old = before.get(id) as { governance?: Parameters<typeof governanceStrength>[0] } | undefined;
      if (!old) continue;
      const withdrawn = ((old.governance as Governance | undefined)?.localEffects ?? []).filter((effect) => !((element.governance as Governance | undefined)?.localEffects ?? []).includes(effect));
      if (withdrawn.length > 0) reasons.push(`${collection} "${id}" no longer allows local elements to ${withdrawn.join(', ')}`);
      if (governanceStrength(element.governance) > governanceStrength(old.governance)) reasons.push(`${collection} "${id}" is now ${element.governance?.mode}`);
      else if (old.governance?.mode === 'tailorable' && element.governance?.mode === 'tailorable' && tighterBounds(old.governance as Governance, element.governance as Governance)) {
        reasons.push(`${collection} "${id}" has tighter bounds`);
      }
    }
  }
  if (previous.tiers && next.tiers) {
    const before = previous.tiers.lowering.at;
    const after = next.tiers.lowering.at;
    if (after && (!before || before.some((node) => !after.includes(node)))) reasons.push('the tier may be lowered at fewer places (tiers.lowering.at)');
    const withdrawn = (previous.tiers.governance?.localEffects ?? []).filter((effect) => !(next.tiers!.governance?.localEffects ?? []).includes(effect));
    if (withdrawn.length > 0) reasons.push(`the tiers no longer allow local elements to ${withdrawn.join(', ')}`);
  }
  for (const name of Object.keys(previous.parameters)) if (!Object.hasOwn(next.parameters, name)) reasons.push(`parameter "${name}" was withdrawn`);
  for (const [name, parameter] of Object.entries(next.parameters)) {
    const old = Object.hasOwn(previous.parameters, name) ? previous.parameters[name] : undefined;
    if (!old) continue;
    if (governanceStrength(parameter.governance) > governanceStrength(old.governance)) reasons.push(`parameter "${name}" is now ${parameter.governance?.mode}`);
    else if (old.governance?.mode === 'tailorable' && parameter.governance?.mode === 'tailorable') {
      const before = old.governance.bounds.value as FieldBounds | undefined;
      const after = parameter.governance.bounds.value as FieldBounds | undefined;
      const kind = parameter.kind;
      if (before && after && boundsAtLeastAsTight(before, after, kind, parameter.kind === 'enum' ? parameter.values : undefined) && !boundsAtLeastAsTight(after, before, kind, parameter.kind === 'enum' ? parameter.values : undefined)) {
        reasons.push(`parameter "${name}" has tighter bounds`);
      }
    }
  }
  return reasons;
}

/**
 * Checks publishing `next` after `previous` (undefined for a first version): a semver bump is
 * required, published versions are immutable, and a new lock, invariant or tighter bound needs a
 * major version.
 */
export function checkPublish(previous: PathwayTemplateData | undefined, next: PathwayTemplateData, published: ReadonlyMap<string, string> = new Map(), contentHashOf: (t: PathwayTemplateData) => string = (t) => JSON.stringify({ ...t, layout: undefined })): PublishCheck {
  const problems: PublishProblem[] = [];
  const existing = published.get(next.version);
  if (existing !== undefined && existing !== contentHashOf(next)) problems.push(problem('PWY_VERSION_PUBLISHED', `${next.id}@${next.version} is already published with other content.`));
  if (!previous) return { ok: problems.length === 0, requiredBump: 'major', breaking: [], loosened: [], problems };
  if (!valid(next.version) || !gt(next.version, previous.version)) {
    problems.push(problem('PWY_VERSION_BUMP_REQUIRED', `${next.version} is not higher than the published ${previous.version}.`));
  }
  const breaking = breakingChanges(previous, next);
  if (breaking.length > 0 && valid(next.version) && major(next.version) <= major(previous.version)) {
    problems.push(problem('PWY_VERSION_MAJOR_REQUIRED', `These changes need version ${major(previous.version) + 1}.0.0 or later: ${breaking.join('; ')}.`));
  }
  return { ok: problems.length === 0, requiredBump: breaking.length > 0 ? 'major' : 'minor', breaking, loosened: loosenedSafeguards(previous, next), problems };
}
