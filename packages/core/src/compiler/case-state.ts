import type { StateValue } from 'xstate';
import type { TimeSpan } from '../model/parameters.js';
import type { PersonRole } from '../model/conditions.js';
import type { WorkItemStatus } from '../model/effects.js';
import type { Referral } from '../model/referral.js';

/**
 * An outstanding work item as the case state holds it: only what guards, conditions and timers
 * need. Closed work items leave the state; their history is a projection of the effects.
 */
export interface WorkItemRecord {
  readonly id: string;
  readonly workItemType: string;
  /** `open` or `inProgress`: closed work items are not kept in the case state. */
  readonly status: Extract<WorkItemStatus, 'open' | 'inProgress'>;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  /** UTC due instant, when it has a deadline. */
  readonly due?: string;
  /** The node that opened it (human tasks), or that adopted it after an escalation opened it. */
  readonly node?: string;
  /** The plan it belongs to, for plan actions and plan development. */
  readonly planType?: string;
  /** The meeting series it lists the case at, for listings (a meeting's activity works this one). */
  readonly meeting?: string;
  /** The named worker it is assigned to, besides its owner role and agency. */
  readonly assignee?: string;
  /** When its due time counts from a case fact: recomputed whenever the fact changes. */
  readonly dueFrom?: FactOffset;
}

/** A deadline counted from a case fact, with its span resolved. */
export interface FactOffset {
  readonly fact: string;
  readonly before?: TimeSpan;
  readonly after?: TimeSpan;
}

/** How many work items of one type ended in each closed status (conditions may ask). */
export interface ClosedWorkItemCounts {
  readonly done: number;
  readonly cancelled: number;
  readonly incomplete: number;
}

/** Why a durable timer exists. */
export type TimerPurpose = 'wait' | 'overdue' | 'planReview';

/** A scheduled durable timer as the case holds it. */
export interface TimerRecord {
  readonly id: string;
  readonly purpose: TimerPurpose;
  /** UTC instant it fires; absent while it waits for the case fact it counts from to be recorded. */
  readonly due?: string;
  /** Wait node it belongs to. */
  readonly node?: string;
  /** Escalation rule it triggers. */
  readonly rule?: string;
  /** Work item it watches. */
  readonly workItemId?: string;
  /** Plan type it watches. */
  readonly planType?: string;
  /** When its due time counts from a case fact (a wait until a date): recomputed when the fact changes. */
  readonly dueFrom?: FactOffset;
}

/** A person in the case: an id and roles, never personal details. */
export interface PersonRecord {
  readonly id: string;
  readonly roles: readonly PersonRole[];
}

/** A person's current assessed risk level. */
export interface RiskRecord {
  readonly level: string;
  readonly assessedAt: string;
  readonly by: string;
  readonly tool?: string;
  /** The risk tool's score, when a plugin's risk tool gave the level. */
  readonly score?: number;
}

/** What the repeat rules need of an episode: when, and who. The full record is in the history. */
export interface EpisodeFact {
  readonly id: string;
  readonly reportedAt: string;
  readonly victimSurvivors: readonly string[];
  readonly personsUsingViolence: readonly string[];
}

/** One version of a plan: a draft in progress, or the version in force once approved. */
export interface PlanVersionRecord {
  readonly version: number;
  readonly status: 'draft' | 'approved';
  /** UTC instant the version was started. */
  readonly startedAt: string;
  readonly approvedAt?: string;
  /** Set when something (e.g. a release from custody) calls for a new version. */
  readonly reviewDue?: boolean;
  readonly lastReviewedAt?: string;
  readonly lastOutcome?: string;
  /** Per-version milestones reached for this version (e.g. its child-expertise check), with when. */
  readonly milestones: Readonly<Record<string, string>>;
}

/** A plan of one type: the version in force, and the next version while it is developed. */
export interface PlanRecord {
  readonly planType: string;
  readonly inForce?: PlanVersionRecord;
  readonly draft?: PlanVersionRecord;
}

/** A tier decision (e.g. the triage meeting's), an assessment source for the tier. */
export interface TierDecision {
  readonly level: string;
  readonly at: string;
  readonly by: string;
  /** The event that carried it. */
  readonly event: string;
  readonly meeting?: string;
}

/** The last listing of the case at the high-risk conference, and who it concerned. */
export interface ConferenceListing {
  readonly at: string;
  readonly meeting: string;
  readonly victimSurvivors: readonly string[];
  readonly personsUsingViolence: readonly string[];
}

/** A recorded professional-judgement override. */
export interface OverrideRecord {
  readonly level: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/**
 * The statechart's extended state: what the case's guards, conditions and timers need now, and
 * nothing that only grows with history (closed work items, tier history and escalations are a
 * projection of the effects, see `CaseHistory`). Plain JSON, so a case state serialises exactly.
 */
export interface CaseContext {
  readonly caseId: string;
  /** UTC instant the case was opened; the time of its initial entry actions. */
  readonly openedAt: string;
  /** Command sequence number the id counter below belongs to. */
  readonly idSeq: number;
  /** Ids handed out so far within `idSeq`. */
  readonly idCount: number;
  /** True once the flow reached an end node: a closed case accepts no command. */
  readonly closed: boolean;
  readonly persons: Readonly<Record<string, PersonRecord>>;
  /** Episodes within the longest repeat window, for the repeat rules. */
  readonly episodes: readonly EpisodeFact[];
  /**
   * Ids of episodes recorded but no longer kept (no window reaches them): an episode sent again
   * under an old id is still refused, and never counts twice.
   */
  readonly pastEpisodeIds: readonly string[];
  /** Each installed plugin's own state in this case, by plugin name, as the plugin's schema defines it. */
  readonly plugins: Readonly<Record<string, unknown>>;
  readonly risk: Readonly<Record<string, RiskRecord>>;
  readonly override: OverrideRecord | null;
  /** The latest tier decision by an assessment source such as the triage meeting. */
  readonly decision: TierDecision | null;
  /** The derived case tier; null until a first assessment. */
  readonly tier: string | null;
  /** Dated case facts recorded (fact name → UTC instant). */
  readonly facts: Readonly<Record<string, string>>;
  /** Named workers by role (e.g. the specialist victim advocate): work items of the role are assigned to them. */
  readonly workers: Readonly<Record<string, string>>;
  /** The last listing at the high-risk conference, for repeat windows that count from it. */
  readonly conferenceListing: ConferenceListing | null;
  /** Outstanding work items by id. */
  readonly workItems: Readonly<Record<string, WorkItemRecord>>;
  /** Closed work items counted by type and status. */
  readonly closedWorkItems: Readonly<Record<string, ClosedWorkItemCounts>>;
  /** Plans in force, by plan type. */
  readonly plans: Readonly<Record<string, PlanRecord>>;
  /** Scheduled durable timers by id. */
  readonly timers: Readonly<Record<string, TimerRecord>>;
  /** Milestone id → UTC instant first reached. */
  readonly milestones: Readonly<Record<string, string>>;
  /** Condition-triggered escalation rules whose condition held after the last command (they fire on becoming true). */
  readonly conditionsHeld: Readonly<Record<string, boolean>>;
}

/** What a case starts from: a validated referral, with its opening time in UTC. */
export type CaseInput = Referral;

/** An event as the machine sees it: the command envelope plus the sequence number the engine assigns. */
export interface CaseEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** UTC instant; the only clock actions read. */
  readonly at: string;
  readonly actor: string;
  readonly actorRole?: string;
  /** Version the case will have once this event is applied. */
  readonly seq: number;
}

/**
 * A case's state between commands, as a runtime stores it: the active states (a statechart value
 * such as `{ flow: { response: "triage-listing" }, tier: "high", … }`) and the bounded context.
 * Plain JSON; the engine restores it with `machine.resolveState`.
 */
export interface CaseSnapshot {
  readonly value: StateValue;
  readonly context: CaseContext;
}
