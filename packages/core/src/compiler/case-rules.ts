import type { Condition, NamedCondition } from '../model/conditions.js';
import { own } from '../model/own.js';
import type { TimeSpan } from '../model/parameters.js';
import type { Locality } from '../model/template.js';
import type { Tiers } from '../model/tiers.js';
import { addTimeSpan, compareInstants } from '../time/deadlines.js';
import type { CaseContext, EpisodeFact } from './case-state.js';

// The case rules: pure functions of the case state that guards, actions and views share, so each
// rule is written once.

/** Rank of a tier in the template's order; -1 for no tier (or an unknown id). */
export function tierRank(tiers: Tiers | undefined, tier: string | null | undefined): number {
  if (!tiers || tier === null || tier === undefined) return -1;
  return tiers.levels.findIndex((level) => level.id === tier);
}

/** The highest current assessed level among victim-survivors (adults and assessed children). */
export function assessedTier(context: CaseContext, tiers: Tiers | undefined): string | null {
  let best: string | null = null;
  for (const [personId, risk] of Object.entries(context.risk)) {
    const roles = own(context.persons, personId)?.roles ?? [];
    if (!roles.includes('adult-victim-survivor') && !roles.includes('child')) continue;
    if (tierRank(tiers, risk.level) > tierRank(tiers, best)) best = risk.level;
  }
  return best;
}

/** The tier the case would have from its assessments and override alone. */
export function derivedTier(context: CaseContext, tiers: Tiers | undefined): string | null {
  const assessed = assessedTier(context, tiers);
  const override = context.override?.level ?? null;
  return tierRank(tiers, override) > tierRank(tiers, assessed) ? override : assessed;
}

/** How many work items (of a type, or of any type) are in one of the statuses. */
export function workItemCount(context: CaseContext, type: string | undefined, statuses: readonly string[]): number {
  let count = 0;
  for (const item of Object.values(context.workItems)) {
    if ((type === undefined || item.workItemType === type) && statuses.includes(item.status)) count += 1;
  }
  const closedTypes = type === undefined ? Object.keys(context.closedWorkItems) : [type];
  for (const closedType of closedTypes) {
    const counts = own(context.closedWorkItems, closedType);
    if (!counts) continue;
    if (statuses.includes('done')) count += counts.done;
    if (statuses.includes('cancelled')) count += counts.cancelled;
    if (statuses.includes('incomplete')) count += counts.incomplete;
  }
  return count;
}

/** Evaluates a sentry over the case. Named conditions are looked up by id. */
export function conditionHolds(condition: Condition, context: CaseContext, tiers: Tiers | undefined, named: readonly NamedCondition[]): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, context, tiers, named));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, context, tiers, named));
  if ('not' in condition) return !conditionHolds(condition.not, context, tiers, named);
  if ('milestone' in condition) return own(context.milestones, condition.milestone) !== undefined;
  if ('tierAtLeast' in condition) return tierRank(tiers, context.tier) >= tierRank(tiers, condition.tierAtLeast);
  if ('tierBelow' in condition) return tierRank(tiers, context.tier) < tierRank(tiers, condition.tierBelow);
  if ('persons' in condition) {
    const count = Object.values(context.persons).filter((person) => person.roles.includes(condition.persons.role)).length;
    return count >= condition.persons.atLeast;
  }
  const matching = workItemCount(context, condition.workItems.type, condition.workItems.status);
  return condition.workItems.count === 'none' ? matching === 0 : matching > 0;
}

/**
 * A repeat episode: an earlier episode with the same victim-survivor and person using violence,
 * reported within the window before this one.
 */
export function isRepeatEpisode(
  context: CaseContext,
  episode: Pick<EpisodeFact, 'victimSurvivors' | 'personsUsingViolence'>,
  at: string,
  within: TimeSpan,
  locality: Pick<Locality, 'timeZone' | 'workingWeekdays' | 'holidays'>,
): boolean {
  return context.episodes.some((earlier) => {
    const sharesVictim = earlier.victimSurvivors.some((id) => episode.victimSurvivors.includes(id));
    const sharesPerson = earlier.personsUsingViolence.some((id) => episode.personsUsingViolence.includes(id));
    if (!sharesVictim || !sharesPerson) return false;
    return compareInstants(addTimeSpan(earlier.reportedAt, within, locality), at) >= 0;
  });
}
