import type { Effect, WorkItemStatus } from '../model/effects.js';
import type { EscalationRule } from '../model/escalations.js';
import { own } from '../model/own.js';
import type { TimeSpan } from '../model/parameters.js';
import type { Locality } from '../model/template.js';
import { addTimeSpan } from '../time/deadlines.js';
import type { CaseContext, TimerRecord, WorkItemRecord } from './case-state.js';

/** A mutable copy of the context that one action changes. */
export type Draft = { -readonly [K in keyof CaseContext]: CaseContext[K] };

/** Hands an effect to the step being built (effects keep the order they are emitted in). */
export type Emit = (effect: Effect) => void;

/** What one action did: the new context and the effects it emitted, in order. */
export interface Step {
  readonly context: CaseContext;
  readonly effects: readonly Effect[];
}

/** The event an action runs for: a case event, or XState's `xstate.init` when the case opens. */
export type StepEvent = { readonly type: string; readonly at?: string; readonly seq?: number; readonly payload?: Readonly<Record<string, unknown>> };

/** Time of the event being applied; `xstate.init` carries none, so the case's opening time is used. */
export function eventTime(event: StepEvent, context: Pick<CaseContext, 'openedAt'>): string {
  return typeof event.at === 'string' ? event.at : context.openedAt;
}

/** Applies a change to a copy of the context and collects the effects it emits. */
export function change(context: CaseContext, apply: (draft: Draft, emit: Emit) => void): Step {
  const effects: Effect[] = [];
  const draft: Draft = { ...context };
  apply(draft, (effect) => effects.push(effect));
  return { context: draft, effects };
}

/**
 * Ids are derived, never random: `caseId:seq:n`, where seq is the command's sequence number and n
 * counts ids handed out while applying it. Replaying the same events gives the same ids.
 */
export function nextId(draft: Draft, event: StepEvent): string {
  const seq = typeof event.seq === 'number' ? event.seq : 0;
  if (draft.idSeq !== seq) {
    draft.idSeq = seq;
    draft.idCount = 0;
  }
  draft.idCount += 1;
  return `${draft.caseId}:${seq}:${draft.idCount}`;
}

/** The calendar deadlines are counted in. */
export type Calendar = Pick<Locality, 'timeZone' | 'workingWeekdays' | 'holidays'>;

/** What the case needs to know of its template to open work items. */
export interface WorkItemSettings {
  readonly locality: Calendar;
  /** Overdue rules with their resolved margins. */
  readonly overdueRules: readonly { readonly rule: EscalationRule; readonly workItemType?: string; readonly by: TimeSpan }[];
}

/** A work item to open: its type and owner, and its deadline as a span from now or an instant. */
export interface NewWorkItem {
  readonly workItemType: string;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  readonly node?: string;
  readonly planType?: string;
  /** The escalation rule that opens it (recorded in the effect, for the history). */
  readonly escalation?: string;
  /** The meeting series it lists the case at, for meeting listings. */
  readonly meeting?: string;
  readonly dueIn?: TimeSpan;
  readonly dueAt?: string;
}

/** Opens a work item, emits `workItem.created`, and schedules the overdue timers that watch it. */
export function openWorkItem(draft: Draft, emit: Emit, event: StepEvent, settings: WorkItemSettings, item: NewWorkItem): WorkItemRecord {
  const id = nextId(draft, event);
  const now = eventTime(event, draft);
  const due = item.dueAt ?? (item.dueIn === undefined ? undefined : addTimeSpan(now, item.dueIn, settings.locality));
  const record: WorkItemRecord = {
    id,
    workItemType: item.workItemType,
    status: 'open',
    ownerRole: item.ownerRole,
    ...(item.ownerAgency ? { ownerAgency: item.ownerAgency } : {}),
    ...(due ? { due } : {}),
    ...(item.node ? { node: item.node } : {}),
    ...(item.planType ? { planType: item.planType } : {}),
  };
  draft.workItems = { ...draft.workItems, [id]: record };
  emit({
    type: 'workItem.created',
    effectId: id,
    workItemId: id,
    workItemType: record.workItemType,
    ownerRole: record.ownerRole,
    ...(record.ownerAgency ? { ownerAgency: record.ownerAgency } : {}),
    ...(record.node ? { node: record.node } : {}),
    ...(due ? { due } : {}),
    ...(item.escalation ? { escalation: item.escalation } : {}),
    ...(record.planType ? { planType: record.planType } : {}),
    ...(item.meeting ? { meeting: item.meeting } : {}),
  });
  if (due) {
    for (const overdue of settings.overdueRules) {
      if (overdue.workItemType !== undefined && overdue.workItemType !== record.workItemType) continue;
      scheduleTimer(draft, emit, event, settings.locality, { purpose: 'overdue', rule: overdue.rule.id, workItemId: id }, due, overdue.by);
    }
  }
  return record;
}

/** Schedules a durable timer `span` after `from` and emits `timer.scheduled`. */
export function scheduleTimer(draft: Draft, emit: Emit, event: StepEvent, locality: Calendar, timer: Omit<TimerRecord, 'id' | 'due'>, from: string, span: TimeSpan): TimerRecord {
  const id = nextId(draft, event);
  const due = addTimeSpan(from, span, locality);
  const record: TimerRecord = { ...timer, id, due };
  draft.timers = { ...draft.timers, [id]: record };
  emit({
    type: 'timer.scheduled',
    effectId: id,
    timerId: id,
    purpose: timer.purpose,
    due,
    span: typeof span === 'string' ? span : `${span.workingDays} working days`,
    timeZone: locality.timeZone,
    ...(timer.node ? { node: timer.node } : {}),
  });
  return record;
}

/** The timer whose firing is being applied, if the event is `timer.fired`. */
function firingTimer(event: StepEvent): unknown {
  return event.type === 'timer.fired' ? event.payload?.timerId : undefined;
}

/** Cancels timers matching a predicate, except the one firing now; emits `timer.cancelled`. */
export function cancelTimers(draft: Draft, emit: Emit, event: StepEvent, matches: (timer: TimerRecord) => boolean): void {
  const firing = firingTimer(event);
  const cancelled = Object.values(draft.timers).filter(matches);
  if (cancelled.length === 0) return;
  draft.timers = Object.fromEntries(Object.entries(draft.timers).filter(([, timer]) => !matches(timer)));
  for (const timer of cancelled) {
    if (timer.id !== firing) emit({ type: 'timer.cancelled', effectId: nextId(draft, event), timerId: timer.id, ...(timer.node ? { node: timer.node } : {}) });
  }
}

/** Removes a timer that has fired (it is done with), without a cancellation. */
export function dropTimer(draft: Draft, timerId: string): void {
  if (!own(draft.timers, timerId)) return;
  const { [timerId]: _fired, ...rest } = draft.timers;
  draft.timers = rest;
}

/**
 * Moves a work item to a new status and emits `workItem.updated`. A closed work item leaves the
 * case state (counted by type and status) and the timers watching it are cancelled.
 */
export function setWorkItemStatus(draft: Draft, emit: Emit, event: StepEvent, item: WorkItemRecord, status: WorkItemStatus, reason?: string): void {
  emit({ type: 'workItem.updated', effectId: nextId(draft, event), workItemId: item.id, status, ...(item.node ? { node: item.node } : {}), ...(reason ? { reason } : {}) });
  if (status === 'open' || status === 'inProgress') {
    draft.workItems = { ...draft.workItems, [item.id]: { ...item, status } };
    return;
  }
  const { [item.id]: _closed, ...outstanding } = draft.workItems;
  draft.workItems = outstanding;
  const counts = own(draft.closedWorkItems, item.workItemType) ?? { done: 0, cancelled: 0, incomplete: 0 };
  draft.closedWorkItems = { ...draft.closedWorkItems, [item.workItemType]: { ...counts, [status]: counts[status] + 1 } };
  cancelTimers(draft, emit, event, (timer) => timer.workItemId === item.id);
}
