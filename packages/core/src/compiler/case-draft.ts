import type { Effect } from '../engine/effects.js';
import type { Locality } from '../model/template.js';
import type { EscalationRule } from '../model/escalations.js';
import type { TimeSpan } from '../model/parameters.js';
import { addTimeSpan } from '../time/deadlines.js';
import type { CaseContext, CaseEvent, TimerRecord, WorkItemRecord } from './case-context.js';

/** A mutable copy of the context that actions change, plus the effects they emit. */
export type Draft = { -readonly [K in keyof CaseContext]: CaseContext[K] };

/** Time of the event being applied; `xstate.init` carries none, so the case's opening time is used. */
export function eventTime(event: { type: string }, context: CaseContext): string {
  return 'at' in event && typeof event.at === 'string' ? event.at : context.openedAt;
}

/**
 * Ids are derived, never random: `caseId:seq:n`, where seq is the command's sequence number and n
 * counts ids handed out while applying it. Replaying the same events gives the same ids.
 */
export function nextId(draft: Draft, event: { type: string }): string {
  const seq = 'seq' in event && typeof event.seq === 'number' ? event.seq : 0;
  if (draft.idSeq !== seq) {
    draft.idSeq = seq;
    draft.idCount = 0;
  }
  draft.idCount += 1;
  return `${draft.caseId}:${seq}:${draft.idCount}`;
}

/** Applies a change to a copy of the context; returns the new context for `assign`. */
export function update(context: CaseContext, change: (draft: Draft, emit: (effect: Effect) => void) => void): CaseContext {
  const pending = [...context.pending];
  const draft: Draft = { ...context, pending };
  change(draft, (effect) => pending.push(effect));
  return draft;
}

/** What the case needs to know of its template to open work items. */
export interface WorkItemSettings {
  readonly locality: Locality;
  /** Overdue rules with their resolved margins. */
  readonly overdueRules: readonly { readonly rule: EscalationRule; readonly workItemType?: string; readonly by: TimeSpan }[];
}

/** Opens a work item, emits `workItem.created`, and schedules the overdue timers that watch it. */
export function openWorkItem(
  draft: Draft,
  emit: (effect: Effect) => void,
  event: CaseEvent | { type: string },
  settings: WorkItemSettings,
  item: Omit<WorkItemRecord, 'id' | 'status' | 'createdAt'> & { readonly dueIn?: TimeSpan; readonly dueAt?: string },
): WorkItemRecord {
  const id = nextId(draft, event);
  const now = eventTime(event, draft);
  const { dueIn, dueAt, ...rest } = item;
  const due = dueAt ?? (dueIn === undefined ? undefined : addTimeSpan(now, dueIn, settings.locality));
  const record: WorkItemRecord = { ...rest, id, status: 'open', createdAt: now, ...(due ? { due } : {}) };
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
    ...(record.escalation ? { escalation: record.escalation } : {}),
    ...(record.planType ? { planType: record.planType } : {}),
    ...(record.meeting ? { meeting: record.meeting } : {}),
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
export function scheduleTimer(
  draft: Draft,
  emit: (effect: Effect) => void,
  event: { type: string },
  locality: Locality,
  timer: Omit<TimerRecord, 'id' | 'due'>,
  from: string,
  span: TimeSpan,
): TimerRecord {
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

/** Cancels timers matching a predicate, except the one firing now; emits `timer.cancelled`. */
export function cancelTimers(draft: Draft, emit: (effect: Effect) => void, event: CaseEvent | { type: string }, matches: (timer: TimerRecord) => boolean): void {
  const firing = event.type === 'timer.fired' ? (event as CaseEvent).payload.timerId : undefined;
  const remaining: Record<string, TimerRecord> = {};
  for (const timer of Object.values(draft.timers)) {
    if (!matches(timer)) remaining[timer.id] = timer;
    else if (timer.id !== firing) emit({ type: 'timer.cancelled', effectId: nextId(draft, event), timerId: timer.id, ...(timer.node ? { node: timer.node } : {}) });
  }
  draft.timers = remaining;
}

/** Moves a work item to a new status; closing it cancels the timers watching it. */
export function setWorkItemStatus(draft: Draft, emit: (effect: Effect) => void, event: CaseEvent | { type: string }, item: WorkItemRecord, status: WorkItemRecord['status'], reason?: string): void {
  draft.workItems = { ...draft.workItems, [item.id]: { ...item, status, ...(reason ? { reason } : {}) } };
  emit({ type: 'workItem.updated', effectId: nextId(draft, event), workItemId: item.id, status, ...(item.node ? { node: item.node } : {}), ...(reason ? { reason } : {}) });
  if (status !== 'open' && status !== 'inProgress') cancelTimers(draft, emit, event, (timer) => timer.workItemId === item.id);
}
