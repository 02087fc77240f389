import { matchesPartially, type CaseView, type Effect, type PlanRecord, type PracticeStep, type WorkItemView } from '@pathways/core';
import { listEffects, listWorkItems, show, showEffect, showList } from './describe.js';
import type { EffectMatcher, FactsMatcher, PlanMatcher, WorkItemMatcher } from './matchers.js';

// The checks behind the harness's expect* methods, as plain functions of a case view or a list of
// effects. Matching is the scenario runner's own (`matchesPartially` from core), so a harness test
// and a scenario file agree on what matches.

/** Reports a failed check: what was expected, what was found. Never returns. */
export type Fail = (message: string, expected: unknown, actual: unknown) => never;

const asList = <T extends string>(value: T | readonly T[]): readonly T[] => (typeof value === 'string' ? [value] : value);
const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort();
const sameSet = (a: readonly string[], b: readonly string[]) => show(sortedUnique(a)) === show(sortedUnique(b));

/** The active nodes are exactly `nodes`. */
export function checkAt(view: CaseView, nodes: string | readonly string[], fail: Fail): void {
  const wanted = asList(nodes);
  const active = view.active.map((node) => node.node);
  if (!sameSet(active, wanted)) fail(`Expected the case at ${showList(wanted)}, found it at ${showList(active)}.`, sortedUnique(wanted), sortedUnique(active));
}

/** The practice steps of the active nodes are exactly `steps` (repeats do not matter). */
export function checkStep(view: CaseView, steps: PracticeStep | readonly PracticeStep[], fail: Fail): void {
  const wanted = asList(steps);
  if (!sameSet(view.steps, wanted)) {
    const at = view.active.map((node) => `${node.node} (${node.step})`).join(', ') || 'no activity';
    fail(`Expected practice step ${showList(wanted)}, found ${showList(sortedUnique(view.steps))} (the case is at ${at}).`, sortedUnique(wanted), sortedUnique(view.steps));
  }
}

/** The case tier is `tier` (null: not yet assessed). */
export function checkTier(view: CaseView, tier: string | null, fail: Fail): void {
  const name = (value: string | null) => (value === null ? 'no tier (not yet assessed)' : `tier ${show(value)}`);
  if (view.tier !== tier) {
    const last = view.tierHistory.at(-1);
    const how = last ? ` (last changed at ${last.at} by ${last.by}${last.source ? `, ${last.source}` : ''})` : '';
    fail(`Expected ${name(tier)}, found ${name(view.tier)}${how}.`, tier, view.tier);
  }
}

/** Work items matching the fields: exactly `count`, or at least one; returns them. */
export function checkWorkItems(view: CaseView, matcher: WorkItemMatcher, fail: Fail): readonly WorkItemView[] {
  const { count, ...fields } = matcher;
  const matching = view.workItems.filter((item) => matchesPartially(item, fields));
  if (count === undefined ? matching.length === 0 : matching.length !== count) {
    const wanted = count === undefined ? 'at least 1 work item' : `${count} work item${count === 1 ? '' : 's'}`;
    fail(`Expected ${wanted} matching ${show(fields)}, found ${matching.length}.\n  work items of the case:\n${listWorkItems(view.workItems)}`, count ?? 'at least 1', matching.length);
  }
  return matching;
}

/** Each matcher matches an effect, in order; `[]` means no effect at all. Returns the effects matched. */
export function checkEffects(effects: readonly Effect[], matchers: readonly EffectMatcher[], what: string, fail: Fail): readonly Effect[] {
  if (matchers.length === 0) {
    if (effects.length > 0) fail(`Expected no effects from ${what}, found ${effects.length}:\n${listEffects(effects)}`, [], effects);
    return [];
  }
  const matched: Effect[] = [];
  let from = 0;
  for (const [index, matcher] of matchers.entries()) {
    const found = effects.findIndex((effect, i) => i >= from && matchesPartially(effect, matcher));
    if (found < 0) {
      const earlier = effects.findIndex((effect) => matchesPartially(effect, matcher));
      const order = from > 0 ? ` after effect #${from} (${effects[from - 1]!.type})` : '';
      const hint = earlier >= 0 && earlier < from ? `\n  effect #${earlier + 1} matches, but it comes before the effect matched by matcher #${index}: effects are matched in order.` : '';
      fail(`Expected effect matcher #${index + 1} of ${matchers.length}, ${show(matcher)}, to match an effect of ${what}${order}; none does.${hint}\n  effects of ${what}:\n${listEffects(effects)}`, matchers, effects);
    }
    matched.push(effects[found]!);
    from = found + 1;
  }
  return matched;
}

/** No effect matches `matcher`. */
export function checkNoEffect(effects: readonly Effect[], matcher: EffectMatcher, what: string, fail: Fail): void {
  const found = effects.findIndex((effect) => matchesPartially(effect, matcher));
  if (found >= 0) fail(`Expected no effect of ${what} to match ${show(matcher)}, found effect #${found + 1}: ${showEffect(effects[found]!)}.`, `no effect matching ${show(matcher)}`, effects[found]);
}

/** A plan matches; returns it. */
export function checkPlan(view: CaseView, matcher: PlanMatcher, fail: Fail): PlanRecord {
  const plan = view.plans.find((candidate) => matchesPartially(candidate, matcher));
  if (!plan) {
    const plans = view.plans.length === 0 ? '    (none)' : view.plans.map((candidate) => `    - ${show(candidate)}`).join('\n');
    fail(`Expected a plan matching ${show(matcher)}, found none.\n  plans of the case:\n${plans}`, matcher, view.plans);
  }
  return plan;
}

/** The plugin has state in the case, matching the fields or satisfying the predicate; returns it. */
export function checkPluginState<State>(view: CaseView, name: string, expected: unknown, fail: Fail): State {
  if (!Object.hasOwn(view.plugins, name)) {
    const names = Object.keys(view.plugins);
    fail(`Expected plugin ${show(name)} to have state in this case, but it has none; plugins with state: ${names.length ? showList(names) : '(none)'}.`, name, names);
  }
  const state = view.plugins[name] as State;
  if (typeof expected === 'function') {
    if ((expected as (state: State) => unknown)(state) !== true) {
      fail(`Expected the state of plugin ${show(name)} to satisfy ${show(expected)}, found ${show(state)}.`, show(expected), state);
    }
  } else if (!matchesPartially(state, expected)) {
    fail(`Expected the state of plugin ${show(name)} to match ${show(expected)}, found ${show(state)}.`, expected, state);
  }
  return state;
}

/** Every milestone has been reached. */
export function checkMilestones(view: CaseView, milestones: readonly string[], fail: Fail): void {
  const missing = milestones.filter((milestone) => !Object.hasOwn(view.milestones, milestone));
  if (missing.length > 0) {
    const reached = Object.entries(view.milestones).map(([milestone, at]) => `${milestone} (${at})`);
    fail(
      `Expected milestone${milestones.length === 1 ? '' : 's'} ${showList(milestones)} to be reached; not reached: ${showList(missing)}. Reached: ${reached.length ? reached.join(', ') : '(none)'}.`,
      [...milestones],
      Object.keys(view.milestones),
    );
  }
}

/** Each fact is recorded at the instant given (as a moment), or not recorded for `null`. */
export function checkFacts(view: CaseView, facts: FactsMatcher, fail: Fail): void {
  const recorded = (fact: string) => (Object.hasOwn(view.facts, fact) ? view.facts[fact] : undefined);
  const wrong = Object.entries(facts).filter(([fact, value]) => !matchesPartially(recorded(fact), value));
  if (wrong.length > 0) {
    const lines = wrong.map(([fact, value]) => `  ${fact}: expected ${value ?? 'not recorded'}, found ${recorded(fact) ?? 'not recorded'}`);
    fail(`Expected case facts to match; ${wrong.length} do${wrong.length === 1 ? 'es' : ''} not:\n${lines.join('\n')}`, facts, Object.fromEntries(Object.keys(facts).map((fact) => [fact, recorded(fact) ?? null])));
  }
}
