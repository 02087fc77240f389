import type { Condition } from '../../model/conditions.js';
import type { Tiers } from '../../model/tiers.js';

/** A truth value that may be unknown: guards over facts the analysis does not track. */
export type Truth = true | false | 'unknown';

/** What the analysis knows at a point of a path. Anything else is unknown. */
export interface Knowledge {
  readonly tiers: Tiers | undefined;
  /** Rank of the case tier (-1: unassessed). */
  readonly tierRank: number;
  /** Milestones known to be reached (true) or not (false). */
  readonly milestones: ReadonlyMap<string, boolean>;
  /** Persons facts known true: role → at least this many persons hold it. */
  readonly personsAtLeast: ReadonlyMap<string, number>;
}

function and(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.every((value) => value === true) ? true : 'unknown';
}

function or(values: readonly Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.every((value) => value === false) ? false : 'unknown';
}

function not(value: Truth): Truth {
  return value === 'unknown' ? 'unknown' : !value;
}

/** Kleene three-valued evaluation of a sentry. */
export function evaluate(condition: Condition, knowledge: Knowledge): Truth {
  if ('all' in condition) return and(condition.all.map((c) => evaluate(c, knowledge)));
  if ('any' in condition) return or(condition.any.map((c) => evaluate(c, knowledge)));
  if ('not' in condition) return not(evaluate(condition.not, knowledge));
  if ('milestone' in condition) return knowledge.milestones.get(condition.milestone) ?? 'unknown';
  const rankOf = (tier: string) => knowledge.tiers?.levels.findIndex((level) => level.id === tier) ?? -1;
  if ('tierAtLeast' in condition) return knowledge.tierRank >= rankOf(condition.tierAtLeast);
  if ('tierBelow' in condition) return knowledge.tierRank < rankOf(condition.tierBelow);
  if ('persons' in condition) {
    const known = knowledge.personsAtLeast.get(condition.persons.role);
    return known !== undefined && known >= condition.persons.atLeast ? true : 'unknown';
  }
  return 'unknown';
}

/** Facts a condition asserts when assumed true, where it is a plain conjunction of atoms. */
export function assumedFacts(condition: Condition | undefined): { milestones: Map<string, boolean>; personsAtLeast: Map<string, number> } {
  const milestones = new Map<string, boolean>();
  const personsAtLeast = new Map<string, number>();
  const visit = (c: Condition, positive: boolean) => {
    if ('all' in c && positive) c.all.forEach((inner) => visit(inner, true));
    else if ('not' in c) visit(c.not, !positive);
    else if ('milestone' in c) milestones.set(c.milestone, positive);
    else if ('persons' in c && positive) personsAtLeast.set(c.persons.role, c.persons.atLeast);
  };
  if (condition) visit(condition, true);
  return { milestones, personsAtLeast };
}
