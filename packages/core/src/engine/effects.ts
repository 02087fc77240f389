/**
 * Effects: what the engine asks the outside world to do, as data. Actions never do I/O; they
 * append effects, which a runtime stores with the new snapshot (outbox) and dispatches after the
 * commit. Every effect has a derived id (`caseId:seq:n`) so dispatch can be idempotent.
 */
export type Effect =
  | WorkItemCreated
  | WorkItemUpdated
  | TimerScheduled
  | TimerCancelled
  | RoleNotified
  | MilestoneReached;

interface EffectBase {
  /** Derived id, `caseId:seq:n`; stable across replays. */
  readonly effectId: string;
  /** Node that produced it, when a node did. */
  readonly node?: string;
}

/** A work item was opened, owned by a role. */
export interface WorkItemCreated extends EffectBase {
  readonly type: 'workItem.created';
  readonly workItemId: string;
  readonly workItemType: string;
  readonly ownerRole: string;
  /** UTC due instant, when the work item has a deadline. */
  readonly due?: string;
}

/** A work item changed status. */
export interface WorkItemUpdated extends EffectBase {
  readonly type: 'workItem.updated';
  readonly workItemId: string;
  readonly status: WorkItemStatus;
}

/** A durable timer was scheduled; the runtime sends `timer.fired` when `due` passes, never before. */
export interface TimerScheduled extends EffectBase {
  readonly type: 'timer.scheduled';
  readonly timerId: string;
  /** UTC instant when the timer fires. */
  readonly due: string;
  /** How the span was counted (the template's words), for people reading the trace. */
  readonly span: string;
  /** IANA zone the span was counted in. */
  readonly timeZone: string;
}

/** A scheduled timer is no longer needed. */
export interface TimerCancelled extends EffectBase {
  readonly type: 'timer.cancelled';
  readonly timerId: string;
}

/** People holding a role should be told something. */
export interface RoleNotified extends EffectBase {
  readonly type: 'notify.role';
  readonly role: string;
  /** Message id or text key; the labels live in the template. */
  readonly message: string;
}

/** A milestone was reached for the first time. */
export interface MilestoneReached extends EffectBase {
  readonly type: 'milestone.reached';
  readonly milestone: string;
}

/** The one lifecycle every work item follows. */
export type WorkItemStatus = 'open' | 'inProgress' | 'done' | 'cancelled' | 'incomplete';

export type EffectType = Effect['type'];
