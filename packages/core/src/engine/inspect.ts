import type { CaseEvent, CaseSnapshot } from '../compiler/case-state.js';

/** A case as an inspector sees it: the shape XState inspectors read (`status`, `value`, `context`). */
export interface InspectedCase extends CaseSnapshot {
  readonly status: 'active';
}

/**
 * An observer of a case engine, told of each case opened, each event applied and each resulting
 * state, by case id (no actors exist under the engine). Its three calls mirror the manual API of
 * Stately's inspector (`@statelyai/inspect`: `actor`, `event`, `snapshot`), so an adapter can
 * forward them unchanged; it lives outside `@pathways/core`. Observers must not throw (a throw is
 * reported as an incident of nothing: the engine ignores it) and must not change what they are given.
 */
export interface CaseInspector {
  /** A case was opened. `definition` is the machine's configuration as JSON (implementations by name), for drawing it. */
  actor?(caseId: string, snapshot: InspectedCase, info: { readonly definition: string }): void;
  /** An event was applied to a case (`source` is the actor who sent it). */
  event?(caseId: string, event: CaseEvent, info: { readonly source: string }): void;
  /** The state a case reached after an event. */
  snapshot?(caseId: string, snapshot: InspectedCase, info: { readonly event: CaseEvent }): void;
}
