import type { Effect, WorkItemStatus } from '../engine/effects.js';
import type { PersonRole } from '../model/conditions.js';

/** A work item as the case holds it. */
export interface WorkItemRecord {
  readonly id: string;
  readonly workItemType: string;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  readonly status: WorkItemStatus;
  readonly createdAt: string;
  readonly due?: string;
  /** The node that opened it, for human tasks. */
  readonly node?: string;
  /** The escalation rule that created it. */
  readonly escalation?: string;
  /** The plan it belongs to, for plan actions. */
  readonly planType?: string;
  /** The meeting series it lists the case at, for meeting listings. */
  readonly meeting?: string;
  /** Why it ended incomplete. */
  readonly reason?: string;
}

/** Why a durable timer exists. */
export type TimerPurpose = 'wait' | 'overdue' | 'planReview';

/** A scheduled durable timer as the case holds it. */
export interface TimerRecord {
  readonly id: string;
  readonly purpose: TimerPurpose;
  readonly due: string;
  /** Wait node it belongs to. */
  readonly node?: string;
  /** Escalation rule it triggers. */
  readonly rule?: string;
  /** Work item it watches. */
  readonly workItemId?: string;
  /** Plan type it watches. */
  readonly planType?: string;
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
}

/** A reported incident. */
export interface EpisodeRecord {
  readonly id: string;
  readonly reportedAt: string;
  readonly sourceAgency: string;
  readonly victimSurvivors: readonly string[];
  readonly personsUsingViolence: readonly string[];
  readonly childrenPresent: boolean;
}

/** A plan of one type. */
export interface PlanRecord {
  readonly planType: string;
  readonly status: 'draft' | 'approved';
  readonly approvedAt?: string;
  readonly lastReviewedAt?: string;
  readonly lastOutcome?: string;
}

/** A tier change, for the case's history. */
export interface TierChange {
  readonly at: string;
  readonly from: string | null;
  readonly to: string;
  readonly by: string;
  readonly reason?: string;
}

/** The statechart's extended state. Plain JSON, so persisted snapshots serialise exactly. */
export interface CaseContext {
  readonly caseId: string;
  /** UTC instant the case was opened; the time of its initial entry actions. */
  readonly openedAt: string;
  /** Effects produced by the command being applied; the engine moves them to the outbox. */
  readonly pending: readonly Effect[];
  /** Command sequence number the id counter below belongs to. */
  readonly idSeq: number;
  /** Ids handed out so far within `idSeq`. */
  readonly idCount: number;
  readonly persons: Readonly<Record<string, PersonRecord>>;
  readonly episodes: readonly EpisodeRecord[];
  readonly risk: Readonly<Record<string, RiskRecord>>;
  /** Recorded professional-judgement override, if any. */
  readonly override: { readonly level: string; readonly reason: string; readonly by: string; readonly at: string } | null;
  /** The derived case tier; null until a first assessment. */
  readonly tier: string | null;
  readonly tierHistory: readonly TierChange[];
  readonly workItems: Readonly<Record<string, WorkItemRecord>>;
  readonly plans: Readonly<Record<string, PlanRecord>>;
  readonly timers: Readonly<Record<string, TimerRecord>>;
  /** Milestone id → UTC instant first reached. */
  readonly milestones: Readonly<Record<string, string>>;
  /** Condition-triggered escalation rules whose condition held after the last command (they fire on becoming true). */
  readonly conditionsHeld: Readonly<Record<string, boolean>>;
  /** Escalations raised: rule id and when. */
  readonly escalations: readonly { readonly id: string; readonly rule: string; readonly at: string }[];
}

/** A referral: what a case starts from. Ids only; personal details live in the personal-data store. */
export interface CaseInput {
  readonly caseId: string;
  /** UTC instant the case was opened. */
  readonly openedAt: string;
  readonly persons: readonly PersonRecord[];
  readonly episode?: EpisodeRecord;
}

/** An event as the machine sees it: the envelope plus the sequence number the engine assigns. */
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
