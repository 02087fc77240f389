import { assign } from 'xstate';
import type { Effect } from '../engine/effects.js';
import type { Locality } from '../model/template.js';
import type { TimeSpan } from '../model/parameters.js';
import { addTimeSpan } from '../time/deadlines.js';
import type { CaseContext, CaseEvent, TimerRecord, WorkItemRecord } from './case-context.js';

type Draft = { -readonly [K in keyof CaseContext]: CaseContext[K] };

/** Time of the event being applied; `xstate.init` carries none, so the case's opening time is used. */
function eventTime(event: { type: string }, openedAt: string): string {
  return 'at' in event && typeof event.at === 'string' ? event.at : openedAt;
}

function eventSeq(event: { type: string }): number {
  return 'seq' in event && typeof event.seq === 'number' ? event.seq : 0;
}

/**
 * Ids are derived, never random: `caseId:seq:n`, where seq is the command's sequence number and n
 * counts ids handed out while applying it. Replaying the same events gives the same ids.
 */
function nextId(draft: Draft, event: { type: string }): string {
  const seq = eventSeq(event);
  if (draft.idSeq !== seq) {
    draft.idSeq = seq;
    draft.idCount = 0;
  }
  draft.idCount += 1;
  return `${draft.caseId}:${seq}:${draft.idCount}`;
}

function update(context: CaseContext, change: (draft: Draft, emit: (effect: Effect) => void) => void): Partial<CaseContext> {
  const pending = [...context.pending];
  const draft: Draft = { ...context, pending };
  change(draft, (effect) => pending.push(effect));
  return draft;
}

/** `assign` with the case's context and event types fixed, so implementations are checked. */
function caseAssign<P>(fn: (args: { context: CaseContext; event: CaseEvent }, params: P) => Partial<CaseContext>) {
  return assign<CaseContext, CaseEvent, P, CaseEvent, never>(fn);
}

export interface OpenWorkItemParams {
  node: string;
  workItemType: string;
  ownerRole: string;
  due?: TimeSpan;
}

export interface CloseWorkItemsParams {
  node: string;
  /** Event types that complete the work item; leaving by any other event cancels it. */
  completingEvents: readonly string[];
}

export interface ScheduleTimerParams {
  node: string;
  span: TimeSpan;
}

/** Builds the action implementations for one locality's zone and calendar. */
export function caseActions(locality: Locality) {
  const at = (context: CaseContext, event: { type: string }) => eventTime(event, context.openedAt);
  return {
    openWorkItem: caseAssign(({ context, event }, params: OpenWorkItemParams) =>
      update(context, (draft, emit) => {
        const id = nextId(draft, event);
        const now = at(context, event);
        const due = params.due === undefined ? undefined : addTimeSpan(now, params.due, locality);
        const item: WorkItemRecord = {
          id,
          node: params.node,
          workItemType: params.workItemType,
          ownerRole: params.ownerRole,
          status: 'open',
          createdAt: now,
          ...(due ? { due } : {}),
        };
        draft.workItems = { ...draft.workItems, [id]: item };
        emit({
          type: 'workItem.created',
          effectId: id,
          node: params.node,
          workItemId: id,
          workItemType: params.workItemType,
          ownerRole: params.ownerRole,
          ...(due ? { due } : {}),
        });
      }),
    ),
    closeWorkItems: caseAssign(({ context, event }, params: CloseWorkItemsParams) =>
      update(context, (draft, emit) => {
        const status = params.completingEvents.includes(event.type) ? 'done' : 'cancelled';
        for (const item of Object.values(context.workItems)) {
          if (item.node !== params.node || (item.status !== 'open' && item.status !== 'inProgress')) continue;
          draft.workItems = { ...draft.workItems, [item.id]: { ...item, status } };
          emit({ type: 'workItem.updated', effectId: nextId(draft, event), node: params.node, workItemId: item.id, status });
        }
      }),
    ),
    scheduleTimer: caseAssign(({ context, event }, params: ScheduleTimerParams) =>
      update(context, (draft, emit) => {
        const id = nextId(draft, event);
        const due = addTimeSpan(at(context, event), params.span, locality);
        const timer: TimerRecord = { id, node: params.node, due };
        draft.timers = { ...draft.timers, [id]: timer };
        const span = typeof params.span === 'string' ? params.span : `${params.span.workingDays} working days`;
        emit({ type: 'timer.scheduled', effectId: id, node: params.node, timerId: id, due, span, timeZone: locality.timeZone });
      }),
    ),
    cancelTimers: caseAssign(({ context, event }, params: { node: string }) =>
      update(context, (draft, emit) => {
        const firedId = event.type === 'timer.fired' ? event.payload.timerId : undefined;
        const remaining: Record<string, TimerRecord> = {};
        for (const timer of Object.values(context.timers)) {
          if (timer.node !== params.node) remaining[timer.id] = timer;
          else if (timer.id !== firedId) emit({ type: 'timer.cancelled', effectId: nextId(draft, event), node: params.node, timerId: timer.id });
        }
        draft.timers = remaining;
      }),
    ),
    notifyRole: caseAssign(({ context, event }, params: { role: string; message: string; node?: string }) =>
      update(context, (draft, emit) => {
        emit({
          type: 'notify.role',
          effectId: nextId(draft, event),
          role: params.role,
          message: params.message,
          ...(params.node ? { node: params.node } : {}),
        });
      }),
    ),
    recordMilestone: caseAssign(({ context, event }, params: { milestone: string }) =>
      update(context, (draft, emit) => {
        if (context.milestones[params.milestone] !== undefined) return;
        draft.milestones = { ...draft.milestones, [params.milestone]: at(context, event) };
        emit({ type: 'milestone.reached', effectId: nextId(draft, event), milestone: params.milestone });
      }),
    ),
  };
}
