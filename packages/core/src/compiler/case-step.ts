import type { Effect, WorkItemStatus } from '../model/effects.js';
import type { EscalationRule } from '../model/escalations.js';
import type { InternalEventType } from '../model/internal-events.js';
import { own } from '../model/own.js';
import type { TimeSpan } from '../model/parameters.js';
import type { Locality } from '../model/template.js';
import { addTimeSpan } from '../time/deadlines.js';
import type { CaseContext, TimerRecord, WorkItemRecord } from './case-state.js';
import { dueOf, type ResolvedDeadline } from './deadline-rules.js';

/** A mutable copy of the context that one action changes. */
export type Draft = { -readonly [K in keyof CaseContext]: CaseContext[K] };

/** Hands an effect to the step being built (effects keep the order they are emitted in). */
export type Emit = (effect: Effect) => void;

/** An internal event an action raises for another region (e.g. a fact changed, for the escalations). */
export interface RaisedEvent {
  readonly type: InternalEventType;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Hands a raised event to the step being built. */
export type Raise = (event: RaisedEvent) => void;

/** What one action did: the new context, the effects it emitted and the events it raised, in order. */
export interface Step {
  readonly context: CaseContext;
  readonly effects: readonly Effect[];
  readonly raised: readonly RaisedEvent[];
}

/** The event an action runs for: a case event, or XState's `xstate.init` when the case opens. */
export type StepEvent = { readonly type: string; readonly at?: string; readonly seq?: number; readonly payload?: Readonly<Record<string, unknown>> };

/** Time of the event being applied; `xstate.init` carries none, so the case's opening time is used. */
export function eventTime(event: StepEvent, context: Pick<CaseContext, 'openedAt'>): string {
  return typeof event.at === 'string' ? event.at : context.openedAt;
}

/** Applies a change to a copy of the context and collects the effects it emits and the events it raises. */
export function change(context: CaseContext, apply: (draft: Draft, emit: Emit, raise: Raise) => void): Step {
  const effects: Effect[] = [];
  const raised: RaisedEvent[] = [];
  const draft: Draft = { ...context };
  apply(draft, (effect) => effects.push(effect), (event) => raised.push(event));
  return { context: draft, effects, raised };
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
  /** The listing work-item type of each meeting series. */
  readonly listingTypes: ReadonlyMap<string, string>;
  /** Meeting series flagged as the high-risk conference. */
  readonly conferences: ReadonlySet<string>;
}

/** A work item to open: its type and owner, and when it is due. */
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
  /** Its deadline: a span from now, or counted from a case fact. */
  readonly deadline?: ResolvedDeadline;
  /** A due instant given outright (a plan action's own due date). */
  readonly dueAt?: string;
}

/** Schedules the overdue timers that watch a work item due at `due`. */
function watchOverdue(draft: Draft, emit: Emit, event: StepEvent, settings: WorkItemSettings, item: WorkItemRecord, due: string): void {
  for (const overdue of settings.overdueRules) {
    if (overdue.workItemType !== undefined && overdue.workItemType !== item.workItemType) continue;
    scheduleTimer(draft, emit, event, settings.locality, { purpose: 'overdue', rule: overdue.rule.id, workItemId: item.id }, due, overdue.by);
  }
}

/** Remembers the case's listing at the high-risk conference, and whom it concerned (for repeat windows). */
function noteConferenceListing(draft: Draft, event: StepEvent, settings: WorkItemSettings, meeting: string | undefined): void {
  if (meeting === undefined || !settings.conferences.has(meeting)) return;
  const persons = Object.values(draft.persons);
  draft.conferenceListing = {
    at: eventTime(event, draft),
    meeting,
    victimSurvivors: persons.filter((p) => p.roles.includes('adult-victim-survivor') || p.roles.includes('child')).map((p) => p.id),
    personsUsingViolence: persons.filter((p) => p.roles.includes('person-using-violence')).map((p) => p.id),
  };
}

/**
 * Opens a work item, emits `workItem.created`, and schedules the overdue timers that watch it. A
 * named worker for its owner role (see `worker.assigned`) is its assignee.
 */
export function openWorkItem(draft: Draft, emit: Emit, event: StepEvent, settings: WorkItemSettings, item: NewWorkItem): WorkItemRecord {
  const id = nextId(draft, event);
  const now = eventTime(event, draft);
  const timing = item.dueAt !== undefined ? { due: item.dueAt } : item.deadline ? dueOf(item.deadline, now, draft.facts, settings.locality) : {};
  const assignee = own(draft.workers, item.ownerRole);
  const record: WorkItemRecord = {
    id,
    workItemType: item.workItemType,
    status: 'open',
    ownerRole: item.ownerRole,
    ...(item.ownerAgency ? { ownerAgency: item.ownerAgency } : {}),
    ...(timing.due ? { due: timing.due } : {}),
    ...(timing.dueFrom ? { dueFrom: timing.dueFrom } : {}),
    ...(item.node ? { node: item.node } : {}),
    ...(item.planType ? { planType: item.planType } : {}),
    ...(item.meeting ? { meeting: item.meeting } : {}),
    ...(assignee ? { assignee } : {}),
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
    ...(record.due ? { due: record.due } : {}),
    ...(item.escalation ? { escalation: item.escalation } : {}),
    ...(record.planType ? { planType: record.planType } : {}),
    ...(item.meeting ? { meeting: item.meeting } : {}),
    ...(assignee ? { assignee } : {}),
  });
  noteConferenceListing(draft, event, settings, item.meeting);
  if (record.due) watchOverdue(draft, emit, event, settings, record, record.due);
  return record;
}

/**
 * Gives an outstanding work item a new due time (a case fact it counts from changed, or an
 * activity took it over with an earlier bound): emits `workItem.updated` with the due time and
 * re-schedules the timers that watch it.
 */
export function retimeWorkItem(draft: Draft, emit: Emit, event: StepEvent, settings: WorkItemSettings, item: WorkItemRecord, due: string | undefined, changes: Partial<Pick<WorkItemRecord, 'node' | 'dueFrom'>> = {}): void {
  const { due: _old, ...rest } = item;
  const next: WorkItemRecord = { ...rest, ...changes, ...(due ? { due } : {}) };
  draft.workItems = { ...draft.workItems, [item.id]: next };
  if (due === item.due) return;
  emit({ type: 'workItem.updated', effectId: nextId(draft, event), workItemId: item.id, status: item.status, ...(next.node ? { node: next.node } : {}), ...(due ? { due } : {}) });
  cancelTimers(draft, emit, event, (timer) => timer.workItemId === item.id);
  if (due) watchOverdue(draft, emit, event, settings, next, due);
}

/** Schedules a durable timer `span` after `from` and emits `timer.scheduled`. */
export function scheduleTimer(draft: Draft, emit: Emit, event: StepEvent, locality: Calendar, timer: Omit<TimerRecord, 'id' | 'due'>, from: string, span: TimeSpan): TimerRecord {
  return scheduleTimerAt(draft, emit, event, locality, timer, addTimeSpan(from, span, locality), typeof span === 'string' ? span : `${span.workingDays} working days`);
}

/** Schedules a durable timer at an instant and emits `timer.scheduled`; `span` says how it was counted, for people. */
export function scheduleTimerAt(draft: Draft, emit: Emit, event: StepEvent, locality: Calendar, timer: Omit<TimerRecord, 'id' | 'due'>, due: string, span: string): TimerRecord {
  const id = nextId(draft, event);
  const record: TimerRecord = { ...timer, id, due };
  draft.timers = { ...draft.timers, [id]: record };
  emit({ type: 'timer.scheduled', effectId: id, timerId: id, purpose: timer.purpose, due, span, timeZone: locality.timeZone, ...(timer.node ? { node: timer.node } : {}) });
  return record;
}

/** How a fact offset reads, for people: "2 days before safetyOrderExpiresAt". */
export function describeFactOffset(offset: NonNullable<TimerRecord['dueFrom']>): string {
  const span = offset.before ?? offset.after;
  const text = span === undefined ? '' : typeof span === 'string' ? `${span} ` : `${span.workingDays} working days `;
  return `${text}${offset.before !== undefined ? 'before ' : offset.after !== undefined ? 'after ' : 'at '}${offset.fact}`;
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
