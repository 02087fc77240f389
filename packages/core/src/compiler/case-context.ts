import type { Effect, WorkItemStatus } from '../engine/effects.js';

/** A work item as the case holds it. */
export interface WorkItemRecord {
  readonly id: string;
  readonly node: string;
  readonly workItemType: string;
  readonly ownerRole: string;
  readonly status: WorkItemStatus;
  readonly createdAt: string;
  readonly due?: string;
}

/** A scheduled durable timer as the case holds it. */
export interface TimerRecord {
  readonly id: string;
  readonly node: string;
  readonly due: string;
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
  readonly workItems: Readonly<Record<string, WorkItemRecord>>;
  readonly timers: Readonly<Record<string, TimerRecord>>;
  /** Milestone id → UTC instant first reached. */
  readonly milestones: Readonly<Record<string, string>>;
}

/** What a case starts from. */
export interface CaseInput {
  readonly caseId: string;
  /** UTC instant the case was opened. */
  readonly openedAt: string;
}

/** An event as the machine sees it: the envelope plus the sequence number the engine assigns. */
export interface CaseEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** UTC instant; the only clock actions read. */
  readonly at: string;
  readonly actor: string;
  /** Version the case will have once this event is applied. */
  readonly seq: number;
}
