import type {
  CaseEngine,
  CaseHistory,
  CaseRecord,
  CaseView,
  CasePerson,
  CommandResult,
  Effect,
  EpisodeInput,
  ErrorCode,
  Fault,
  Incident,
  InstalledPlugin,
  PlanRecord,
  PracticeStep,
  ReferralInput,
  Refusal,
  TimeSpan,
  WorkItemView,
} from '@pathways/core';
import type { EffectMatcher, FactsMatcher, PartialMatch, PlanMatcher, WorkItemMatcher } from './matchers.js';

/** Options for a harness: the engine's plugins, and the fixed referral and actor its case uses. */
export interface HarnessOptions {
  /** Plugins installed besides the core node types (what `loadPlugins` returned, `registry.plugins`). */
  readonly plugins?: readonly InstalledPlugin[];
  /** Failures injected into named engine guards (first `times` evaluations), to show incidents and retries. */
  readonly faults?: readonly Fault[];
  /**
   * The case id. Every id the engine derives (effects `caseId:seq:n`, work items, incidents) and
   * every idempotency key the harness sends (`caseId:step-n`) follows from it, so runs repeat exactly.
   * @default 'case-test-0001'
   */
  readonly caseId?: string;
  /**
   * When the case opens, ISO 8601 with an offset; the clock starts here. Never the wall clock.
   * @default '2026-03-02T09:00:00+13:00'
   */
  readonly openedAt?: string;
  /** Persons known at referral, each with their roles. */
  readonly persons?: readonly CasePerson[];
  /** The episode behind the referral (fictional ids only). */
  readonly episode?: EpisodeInput;
  /**
   * Who sends commands unless a call says otherwise.
   * @default 'test-practitioner'
   */
  readonly actor?: string;
}

/** How one command is sent. */
export interface SendOptions {
  /** Who sends it; the harness's actor by default. */
  readonly actor?: string;
  /** The role the actor acts in (commands restricted to roles need it), e.g. `coordinator`. */
  readonly role?: string;
  /**
   * When it happens, ISO 8601 with an offset; the clock's `now` by default. A later instant moves
   * the clock there first, firing every timer due on the way (as `clock.advance({ to })` does),
   * so no timer is ever skipped.
   */
  readonly at?: string;
  /** The case version the sender decided on; the current version by default. Set an older one to show a stale decision refused. */
  readonly expectedVersion?: number;
}

/** A command that applied: the new record and the effects it produced. */
export type AppliedResult = Extract<CommandResult, { readonly kind: 'applied' }>;

/** A durable timer the clock fired. */
export interface FiredTimer {
  /** The timer's id, derived from the case id (`caseId:seq:n`). */
  readonly timerId: string;
  /** What the timer is for, e.g. `wait`, `overdue`. */
  readonly purpose: string;
  /** The node it belongs to, for waits and work items at a node. */
  readonly node?: string;
  /** Its stored due time, UTC. */
  readonly due: string;
  /** When it fired (the case clock of the `timer.fired` event), UTC: its due time, or the case clock if that was already later. */
  readonly firedAt: string;
}

/** How the clock moves: an ISO 8601 duration (`P14D`, `PT36H`), working days (`{ workingDays: 3 }`), or to an instant (`{ to }`). */
export type ClockAdvance = TimeSpan | { readonly to: string };

/**
 * The harness's clock. Time moves only when the test moves it: `advance` skips durable time,
 * firing every timer due on the way at its own due time, earliest first, and never before it is due.
 */
export interface HarnessClock {
  /** The current instant, UTC ISO 8601: commands are sent at this time unless they say otherwise. */
  readonly now: string;
  /**
   * Moves the clock forward, firing each timer due by the new time through the engine
   * (`dueTimers`, then `fireTimer`), one at a time, earliest first, so a timer scheduled by
   * another's firing fires too if it is due in time. Calendar durations count in the pathway's
   * time zone (`P1D` keeps the local time across daylight saving; `PT24H` is absolute). A timer
   * already due when a command schedules it (a deadline counted from a fact in the past) fires at
   * the next advance, late but never early: `advance('PT0S')` fires it without moving the clock.
   *
   * @returns The effects of the timers fired, in order (also the harness's `effects`).
   * @throws RangeError when the target is before `now`.
   * @throws PathwaysAssertionError when a timer cannot fire (an incident: it is kept in `incidents`
   *   and the clock stops at its due time).
   * @example
   * ```ts
   * await harness.clock.advance('P14D');
   * await harness.clock.advance({ to: '2026-04-08T17:00:00+12:00' });
   * ```
   */
  advance(by: ClockAdvance): Promise<readonly Effect[]>;
  /** The earliest due time of a scheduled timer, UTC, or undefined when none is scheduled. */
  readonly nextDue: string | undefined;
  /** Every timer fired so far, in the order fired. */
  readonly firedTimers: readonly FiredTimer[];
}

/** One thing the harness did to the case, for messages, `steps` and the transcript. */
export interface HarnessStep {
  /** 0 for opening the case, then one per command, retry or clock advance. */
  readonly index: number;
  /** What happened: the case opened, a command applied, was refused or ended in an incident, an incident was retried, the clock advanced. */
  readonly kind: 'opened' | 'applied' | 'refused' | 'incident' | 'retried' | 'advanced';
  /** What was done, e.g. `send risk.assessed`, `clock.advance(P14D)`. */
  readonly label: string;
  /** The clock after the step, UTC. */
  readonly at: string;
  /** The case version after the step. */
  readonly version: number;
  /** Active node ids after the step. */
  readonly state: readonly string[];
  /** The effects the step produced, in order (none for a refusal or an incident). */
  readonly effects: readonly Effect[];
  /** For a refusal, its code; for an incident, the error. */
  readonly outcome?: string;
  /** For an incident in a plugin's hook, the plugin (`name@version`). */
  readonly plugin?: string;
}

/**
 * One case on the real engine, with its history beside it the way a runtime keeps it, a clock
 * that skips durable timers, and assertions that throw `PathwaysAssertionError` with what was
 * expected, what was found and where. Made by `createHarness`.
 */
export interface CaseHarness {
  /** The engine the case runs on. */
  readonly engine: CaseEngine;
  /** The case's history (every work item with its outcome, tier changes, escalations, episodes). */
  readonly history: CaseHistory;
  /** The clock commands are sent by, and that skips durable timers. */
  readonly clock: HarnessClock;
  /** The case record as the engine last returned it. @throws Error before `open()`. */
  readonly record: CaseRecord;
  /** The effects of the last step (command, retry or clock advance); none after a refusal or incident. */
  readonly effects: readonly Effect[];
  /** Every effect since the case opened, in order. */
  readonly allEffects: readonly Effect[];
  /** Every step so far, opening first. */
  readonly steps: readonly HarnessStep[];
  /** Every incident so far, in order (a command's or a timer's). */
  readonly incidents: readonly Incident[];

  /**
   * Opens the case from the harness's referral (fields given here replace the options'). The
   * clock moves to `openedAt`.
   * @returns The effects of entering the start.
   */
  open(referral?: Partial<ReferralInput>): readonly Effect[];
  /** Reads the case with its history: closed work items, tier history, escalations, episodes. */
  view(): CaseView;
  /**
   * Sends a command, which must apply: the harness keeps the new record and the effects.
   * @throws PathwaysAssertionError when it is refused or ends in an incident (use `expectRefused`
   *   or `expectIncident` for those), saying which and why.
   * @example
   * ```ts
   * harness.send('risk.assessed', { personId: 'person-aroha', level: 'high' }, { role: 'referrer' });
   * ```
   */
  send(type: string, payload?: Readonly<Record<string, unknown>>, options?: SendOptions): AppliedResult;
  /**
   * Sends a command that must be refused with `code`; the case does not change.
   * @returns The refusal (message, hint, problems).
   */
  expectRefused(code: ErrorCode, type: string, payload?: Readonly<Record<string, unknown>>, options?: SendOptions): Refusal;
  /**
   * Sends a command that must end in an incident (a guard, action or plugin hook threw); the case
   * does not change.
   * @returns The incident (with `plugin: 'name@version'` when a plugin failed), for `retry`.
   */
  expectIncident(type: string, payload?: Readonly<Record<string, unknown>>, options?: SendOptions): Incident;
  /**
   * Sends an incident's command again, on the case as it is now; it must apply.
   * @throws PathwaysAssertionError when it is refused or fails again.
   */
  retry(incident: Incident): AppliedResult;

  /** The active node(s), exactly (order does not matter). */
  expectAt(nodes: string | readonly string[]): void;
  /** The practice step(s) of the active nodes, exactly (order and repeats do not matter). */
  expectStep(steps: PracticeStep | readonly PracticeStep[]): void;
  /** The case tier; `null` for not yet assessed. */
  expectTier(tier: string | null): void;
  /**
   * Work items of the case (outstanding and closed) matching the fields given: with `count`,
   * exactly that many; otherwise at least one.
   * @returns The matching work items, in the order they were opened.
   * @example
   * ```ts
   * const [followUp] = harness.expectWorkItems({ workItemType: 'safety-order-follow-up', status: 'open', count: 1 });
   * ```
   */
  expectWorkItems(matcher: WorkItemMatcher): readonly WorkItemView[];
  /**
   * The last step's effects: each matcher matches an effect having at least its fields, in order
   * (other effects may come between). `[]` means the step produced no effect at all.
   * @returns The effects matched, one per matcher.
   */
  expectEffects(matchers: readonly EffectMatcher[]): readonly Effect[];
  /** No effect of the last step matches `matcher`. */
  expectNoEffect(matcher: EffectMatcher): void;
  /**
   * A plan matching the fields given (`planType`, `inForce`, `draft`).
   * @returns The plan.
   */
  expectPlan(matcher: PlanMatcher): PlanRecord;
  /**
   * A plugin's state in the case: matching the fields given, or satisfying a predicate. Pass the
   * plugin definition instead of its name to have the state typed.
   * @returns The state.
   * @example
   * ```ts
   * harness.expectPluginState(homeVisits, { visits: 2 });
   * harness.expectPluginState('home-visits', (state) => state.visits > 1);
   * ```
   */
  expectPluginState<State = unknown>(plugin: string | PluginWithState<State>, expected: NoInfer<PartialMatch<State> | ((state: State) => boolean)>): State;
  /** Each milestone has been reached. */
  expectMilestones(milestones: readonly string[]): void;
  /** Dated case facts, by name: the instant expected (compared as a moment), or `null` for not recorded. */
  expectFacts(facts: FactsMatcher): void;

  /**
   * The case's story so far as stable plain text: one line per step (what was done, when, the
   * version and the active nodes, or the refusal or incident), then its effects. Compare it with
   * a committed file with `expectGolden`.
   */
  transcript(): string;
}

/** A plugin definition, as far as the harness reads it: its name, and its state's type. */
export interface PluginWithState<State> {
  readonly name: string;
  readonly state?: { readonly initial: State };
}
