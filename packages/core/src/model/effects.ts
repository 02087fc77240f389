/**
 * Effects: what the engine asks the outside world to do, and the facts a command recorded, as
 * data. Actions never do I/O; they emit effects (XState `emit`, collected by the engine from the
 * pure step), which a runtime stores with the new case state (outbox) and dispatches after the
 * commit. Every effect has a derived id (`caseId:seq:n`) so dispatch can be idempotent, and the
 * case's history (closed work items, tier changes, escalations, episodes) is a projection of them.
 */
export type Effect =
  | WorkItemCreated
  | WorkItemUpdated
  | TimerScheduled
  | TimerCancelled
  | RoleNotified
  | MilestoneReached
  | EscalationRaised
  | TierChanged
  | EpisodeRecorded
  | FactRecorded
  | PlanVersionChanged
  | WorkItemAssigned
  | PluginRequest
  | AssessmentRecorded;

interface EffectBase {
  /** Derived id, `caseId:seq:n`; stable across replays. */
  readonly effectId: string;
  /** Node that produced it, when a node did. */
  readonly node?: string;
  /** Transition whose actions produced it, when one did. */
  readonly transition?: string;
}

/** A work item was opened, owned by a role. */
export interface WorkItemCreated extends EffectBase {
  readonly type: 'workItem.created';
  readonly workItemId: string;
  readonly workItemType: string;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  /** UTC due instant, when the work item has a deadline. */
  readonly due?: string;
  /** Escalation rule that created it. */
  readonly escalation?: string;
  /** Plan it belongs to. */
  readonly planType?: string;
  /** Meeting series it lists the case at (meeting listings). */
  readonly meeting?: string;
  /** The named worker it is assigned to, when the case has one for its owner role. */
  readonly assignee?: string;
}

/** A work item changed status, or (with `due`) its due time moved. */
export interface WorkItemUpdated extends EffectBase {
  readonly type: 'workItem.updated';
  readonly workItemId: string;
  readonly status: WorkItemStatus;
  /** Why, for incomplete work items. */
  readonly reason?: string;
  /** Its new UTC due time, when it was re-timed (a fact it counts from changed, or an activity with an earlier bound took it over). */
  readonly due?: string;
}

/** A work item was assigned to a named worker, or unassigned (`null`). */
export interface WorkItemAssigned extends EffectBase {
  readonly type: 'workItem.assigned';
  readonly workItemId: string;
  readonly assignee: string | null;
}

/**
 * A plugin asks its server-side handler to do something (call a service, send a letter). Handled
 * after the command is committed, at least once: the handler must be idempotent by `effectId`.
 */
export interface PluginRequest extends EffectBase {
  readonly type: 'plugin.request';
  /** The plugin, `name@version`. */
  readonly plugin: string;
  /** The request type the plugin's handler answers, e.g. `sanctuary-safety.visit`. */
  readonly request: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * A person's risk was assessed: by hand (`risk.assessed`, a level) or with a plugin's risk tool
 * (`riskTool.completed`: the answers, the score, the level its band gives and any professional
 * judgement with its reason). Every assessment is one of these, so the history keeps each one.
 */
export interface AssessmentRecorded extends EffectBase {
  readonly type: 'assessment.recorded';
  readonly personId: string;
  /** The level recorded for the person; null when the tool gave none (e.g. licensed weights not configured). */
  readonly level: string | null;
  /** `<plugin>/<tool>`, for a tool's assessment. */
  readonly tool?: string;
  readonly toolVersion?: string;
  readonly score?: number | null;
  /** The level the score gave, before professional judgement. */
  readonly scoreLevel?: string | null;
  /** Professional judgement that raised the level, with its reason. */
  readonly judgement?: { readonly level: string; readonly reason: string };
  /** The answers, as item codes (never licensed wording). */
  readonly answers?: Readonly<Record<string, unknown>>;
}

/** A dated case fact was recorded, changed or cleared (`null`). */
export interface FactRecorded extends EffectBase {
  readonly type: 'fact.recorded';
  readonly fact: string;
  readonly value: string | null;
  /** The command that recorded it. */
  readonly event: string;
}

/** A plan version started, was approved, superseded, or marked for review. */
export interface PlanVersionChanged extends EffectBase {
  readonly type: 'plan.version';
  readonly planType: string;
  readonly version: number;
  readonly status: 'draft' | 'approved' | 'superseded' | 'reviewDue';
}

/** A durable timer was scheduled; the runtime sends `timer.fired` when `due` passes, never before. */
export interface TimerScheduled extends EffectBase {
  readonly type: 'timer.scheduled';
  readonly timerId: string;
  /** Why the timer exists: a wait node, a work item becoming overdue, a plan review falling due. */
  readonly purpose: 'wait' | 'overdue' | 'planReview';
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

/** An escalation rule fired. */
export interface EscalationRaised extends EffectBase {
  readonly type: 'escalation.raised';
  /** Rule id. */
  readonly rule: string;
  /** What set it off, e.g. `tierRaised`, `workItemOverdue`. */
  readonly trigger: string;
  /** The work item concerned, for overdue triggers. */
  readonly workItemId?: string;
  /** Set when the rule raises the matter to the regional hub: the UTC instant a response is due by. */
  readonly regionalHubRespondBy?: string;
}

/** The case tier changed. */
export interface TierChanged extends EffectBase {
  readonly type: 'tier.changed';
  readonly from: string | null;
  readonly to: string;
  /** `raised` by an assessment or override, `lowered` by the explicit reviewed event. */
  readonly direction: 'raised' | 'lowered';
  /** Why: the lowering event's reason, or the professional-judgement override's reason. */
  readonly reason?: string;
  /** What set it: an assessment, an override, a tier decision (e.g. triage), or the reasoned lowering. */
  readonly source?: 'assessment' | 'override' | 'decision' | 'lowering';
  /** The command that led to it. */
  readonly event?: string;
  /** The meeting whose decision it was, for decisions. */
  readonly meeting?: string;
}

/** An episode (a reported incident) was recorded on the case, at opening or later. */
export interface EpisodeRecorded extends EffectBase {
  readonly type: 'episode.recorded';
  readonly episodeId: string;
  readonly sourceAgency: string;
  readonly victimSurvivors: readonly string[];
  readonly personsUsingViolence: readonly string[];
  readonly childrenPresent: boolean;
  /** UTC instant it was reported to the case. */
  readonly reportedAt: string;
  /** UTC instant it happened, when known. */
  readonly occurredAt?: string;
}

/** The one lifecycle every work item follows. */
export type WorkItemStatus = 'open' | 'inProgress' | 'done' | 'cancelled' | 'incomplete';

export type EffectType = Effect['type'];
