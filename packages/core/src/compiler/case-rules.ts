import type { Condition, NamedCondition } from '../model/conditions.js';
import { own } from '../model/own.js';
import type { TimeSpan } from '../model/parameters.js';
import type { Locality } from '../model/template.js';
import type { Tiers } from '../model/tiers.js';
import { addTimeSpan, compareInstants } from '../time/deadlines.js';
import type { CaseContext, ConferenceListing, EpisodeFact } from './case-state.js';

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

/** The tier the case would have from its assessments, override and tier decision alone. */
export function derivedTier(context: CaseContext, tiers: Tiers | undefined): string | null {
  let best = assessedTier(context, tiers);
  for (const level of [context.override?.level ?? null, context.decision?.level ?? null]) {
    if (tierRank(tiers, level) > tierRank(tiers, best)) best = level;
  }
  return best;
}

/** What evaluating a sentry needs of the template. */
export interface ConditionRules {
  readonly tiers: Tiers | undefined;
  readonly named: readonly NamedCondition[];
  /** Milestones every plan version needs afresh, by milestone id → plan type. */
  readonly perPlanVersion: ReadonlyMap<string, string>;
}

/** When a milestone was reached, for the case, or (per-version milestones) for the plan version in progress or in force. */
export function milestoneReached(context: CaseContext, milestone: string, rules: Pick<ConditionRules, 'perPlanVersion'>): string | undefined {
  const planType = rules.perPlanVersion.get(milestone);
  if (planType === undefined) return own(context.milestones, milestone);
  const plan = own(context.plans, planType);
  const version = plan?.draft ?? plan?.inForce;
  return version ? own(version.milestones, milestone) : undefined;
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

/** Evaluates a sentry over the case. */
export function conditionHolds(condition: Condition, context: CaseContext, rules: ConditionRules): boolean {
  const { tiers } = rules;
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, context, rules));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, context, rules));
  if ('not' in condition) return !conditionHolds(condition.not, context, rules);
  if ('milestone' in condition) return milestoneReached(context, condition.milestone, rules) !== undefined;
  if ('tierAtLeast' in condition) return tierRank(tiers, context.tier) >= tierRank(tiers, condition.tierAtLeast);
  if ('tierBelow' in condition) return tierRank(tiers, context.tier) < tierRank(tiers, condition.tierBelow);
  if ('persons' in condition) {
    const count = Object.values(context.persons).filter((person) => person.roles.includes(condition.persons.role)).length;
    return count >= condition.persons.atLeast;
  }
  const matching = workItemCount(context, condition.workItems.type, condition.workItems.status);
  return condition.workItems.count === 'none' ? matching === 0 : matching > 0;
}

type Calendar = Pick<Locality, 'timeZone' | 'workingWeekdays' | 'holidays'>;
type People = Pick<EpisodeFact, 'victimSurvivors' | 'personsUsingViolence'>;

/** Whether two episodes (or a listing and an episode) concern the same victim-survivor and the same person using violence. */
function samePeople(a: People, b: People): boolean {
  return a.victimSurvivors.some((id) => b.victimSurvivors.includes(id)) && a.personsUsingViolence.some((id) => b.personsUsingViolence.includes(id));
}

/** Whether `at` is within `within` of `from` (inclusive at the boundary), counted in the locality's calendar. */
function withinWindow(from: string, at: string, within: TimeSpan, locality: Calendar): boolean {
  return compareInstants(from, at) <= 0 && compareInstants(addTimeSpan(from, within, locality), at) >= 0;
}

/**
 * A repeat episode: the same victim-survivor and the same person using violence (by person id)
 * as an *earlier* episode within the window, or (anchored on the conference) as the case's last
 * listing at the high-risk conference within the window. `earlier` excludes the new episode.
 */
export function isRepeatEpisode(
  earlier: readonly EpisodeFact[],
  conference: ConferenceListing | null,
  episode: People,
  at: string,
  within: TimeSpan,
  anchor: 'lastEpisode' | 'lastConferenceListing',
  locality: Calendar,
): boolean {
  if (anchor === 'lastConferenceListing') return conference !== null && samePeople(conference, episode) && withinWindow(conference.at, at, within, locality);
  return earlier.some((previous) => samePeople(previous, episode) && withinWindow(previous.reportedAt, at, within, locality));
}

/**
 * Potential escalation counts each victim-survivor's own episodes: the most episodes any one of the
 * new episode's victim-survivors has within the window ending at it, counting the new one (e.g. 3
 * in 12 months). Two people's episodes are never added together.
 */
export function episodesWithin(episodes: readonly EpisodeFact[], episode: Pick<People, 'victimSurvivors'>, at: string, within: TimeSpan, locality: Calendar): number {
  const inWindow = episodes.filter((previous) => withinWindow(previous.reportedAt, at, within, locality));
  return Math.max(0, ...episode.victimSurvivors.map((person) => inWindow.filter((previous) => previous.victimSurvivors.includes(person)).length));
}
