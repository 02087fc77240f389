import type { Effect, PlanRecord, WorkItemView } from '@pathways/core';

/**
 * A partial of `T`, read with the scenario runner's matching rules (`matchesPartially` in
 * `@pathways/core`): an object matches on the fields given, an array item by item (same length),
 * two instants when they are the same moment whatever their offsets, and `null` matches a field
 * that is null or absent.
 */
export type PartialMatch<T> = T extends readonly (infer Item)[]
  ? readonly PartialMatch<Item>[]
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: PartialMatch<T[K]> | null }
      : T;

/**
 * Matches an effect having at least the fields given, e.g.
 * `{ type: 'workItem.created', workItemType: 'first-contact' }`. Fields are those of the effect
 * type named, so a misspelt field is a type error.
 */
export type EffectMatcher = PartialMatch<Effect>;

/**
 * Matches the work items (outstanding and closed) having at least the fields given. With `count`,
 * exactly that many must match (0: none); without, at least one.
 */
export type WorkItemMatcher = PartialMatch<WorkItemView> & {
  /** How many work items must match, exactly. */
  readonly count?: number;
};

/** Matches a plan (`planType`, the version `inForce`, the `draft`) having at least the fields given. */
export type PlanMatcher = PartialMatch<PlanRecord>;

/** Dated case facts by name: the instant expected (compared as a moment), or `null` for not recorded. */
export type FactsMatcher = Readonly<Record<string, string | null>>;
