// Public API of @pathways/testing: test pathways and plugins on the real engine. Isomorphic: the
// file helpers read through Node's fs when they are called, never on import; writing golden files
// is in @pathways/testing/node, for update scripts only.

export { createHarness } from './create-harness.js';
export type { CaseHarness, HarnessOptions, SendOptions, AppliedResult, HarnessClock, ClockAdvance, FiredTimer, HarnessStep, PluginWithState } from './case-harness.js';
export type { PartialMatch, EffectMatcher, WorkItemMatcher, PlanMatcher, FactsMatcher } from './matchers.js';
export { PathwaysAssertionError } from './assertion-error.js';
export type { AssertionDetails } from './assertion-error.js';
export { runScenarioFile, expectScenarioPasses } from './scenario-files.js';
export type { ScenarioFileReport, ScenarioFileOptions } from './scenario-files.js';
export { expectGolden } from './golden.js';
export type { ExpectGoldenOptions } from './golden.js';
