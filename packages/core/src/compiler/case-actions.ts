import type { Episode } from '../model/referral.js';
import { withEpisodePersons } from '../model/referral.js';
import { own } from '../model/own.js';
import type { PersonRole } from '../model/conditions.js';
import type { TimeSpan } from '../model/parameters.js';
import { addTimeSpan, compareInstants } from '../time/deadlines.js';
import type { CaseContext, EpisodeFact, PersonRecord } from './case-state.js';
import { tierRank } from './case-rules.js';
import { cancelTimers, change, eventTime, nextId, openWorkItem, scheduleTimer, setWorkItemStatus, type Draft, type Emit, type Step, type StepEvent } from './case-step.js';
import type { ResolvedTemplate } from './resolved-template.js';

/** Parameters of the action a human-task node runs on entry. */
export interface OpenWorkItemParams {
  readonly node: string;
  readonly workItemType: string;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  readonly due?: TimeSpan;
}

/** Parameters of the action a human-task node runs on exit. */
export interface CloseWorkItemsParams {
  readonly node: string;
  /** Event types that complete the work item; leaving by any other event cancels it. */
  readonly completingEvents: readonly string[];
}

/** An action's implementation: a pure function of the case, the event and its JSON params. */
export type ActionImplementation<P> = (context: CaseContext, event: StepEvent, params: P) => Step;

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function personsRecord(persons: readonly PersonRecord[]): Record<string, PersonRecord> {
  return Object.fromEntries(persons.map((person) => [person.id, person]));
}

/** Records an episode: its persons join the case, the repeat rules see it, the history gets it. */
function recordEpisode(draft: Draft, emit: Emit, event: StepEvent, resolved: ResolvedTemplate, episode: Episode): void {
  const at = eventTime(event, draft);
  draft.persons = personsRecord(withEpisodePersons(Object.values(draft.persons), episode));
  // Only episodes some repeat window still reaches are kept: the case state stays bounded.
  const kept = draft.episodes.filter((earlier) => resolved.repeatWindows.some((window) => compareInstants(addTimeSpan(earlier.reportedAt, window, resolved.template.locality), at) >= 0));
  const fact: EpisodeFact = { id: episode.episodeId, reportedAt: at, victimSurvivors: episode.victimSurvivors, personsUsingViolence: episode.personsUsingViolence };
  draft.episodes = [...kept, fact];
  emit({
    type: 'episode.recorded',
    effectId: nextId(draft, event),
    episodeId: episode.episodeId,
    sourceAgency: episode.sourceAgency,
    victimSurvivors: episode.victimSurvivors,
    personsUsingViolence: episode.personsUsingViolence,
    childrenPresent: episode.childrenPresent,
    reportedAt: at,
    ...(episode.occurredAt ? { occurredAt: episode.occurredAt } : {}),
  });
}

/** The action implementations of one compiled pathway; each a pure function returning new context and effects. */
export function caseActions(resolved: ResolvedTemplate) {
  const { template, workItems: settings } = resolved;
  const { locality } = template;
  /** One timer per missed-review rule, at the review's due time plus the rule's grace. */
  const scheduleMissedReviews = (draft: Draft, emit: Emit, event: StepEvent, planType: string) => {
    const cadence = resolved.planReview.get(planType);
    if (!cadence) return;
    const dueAt = addTimeSpan(eventTime(event, draft), cadence, locality);
    for (const missed of resolved.missedReviewRules) {
      if (missed.planType !== undefined && missed.planType !== planType) continue;
      scheduleTimer(draft, emit, event, locality, { purpose: 'planReview', planType, rule: missed.rule }, dueAt, missed.after);
    }
  };
  const payload = (event: StepEvent) => event.payload ?? {};

  const actions = {
    /** The case opens (XState's init event carries the referral as `input`): its episode is recorded like any later one. */
    recordOpening: ((context, event) =>
      change(context, (draft, emit) => {
        const opening = (event as { readonly input?: { readonly episode?: Episode } }).input?.episode;
        if (opening) recordEpisode(draft, emit, event, resolved, opening);
      })) satisfies ActionImplementation<undefined>,
    openWorkItem: ((context, event, params) =>
      change(context, (draft, emit) => {
        // An escalation may already have opened this work (e.g. first contact when the tier rose):
        // the activity takes it over, with its earlier due time, instead of duplicating it.
        const existing = Object.values(context.workItems).find((item) => item.workItemType === params.workItemType && item.node === undefined);
        if (existing) {
          draft.workItems = { ...draft.workItems, [existing.id]: { ...existing, node: params.node } };
          return;
        }
        openWorkItem(draft, emit, event, settings, {
          node: params.node,
          workItemType: params.workItemType,
          ownerRole: params.ownerRole,
          ...(params.ownerAgency ? { ownerAgency: params.ownerAgency } : {}),
          ...(params.due ? { dueIn: params.due } : {}),
        });
      })) satisfies ActionImplementation<OpenWorkItemParams>,
    closeWorkItems: ((context, event, params) =>
      change(context, (draft, emit) => {
        const status = params.completingEvents.includes(event.type) ? 'done' : 'cancelled';
        for (const item of Object.values(context.workItems)) {
          if (item.node === params.node) setWorkItemStatus(draft, emit, event, item, status);
        }
      })) satisfies ActionImplementation<CloseWorkItemsParams>,
    scheduleWait: ((context, event, params) =>
      change(context, (draft, emit) => {
        scheduleTimer(draft, emit, event, locality, { purpose: 'wait', node: params.node }, eventTime(event, context), params.span);
      })) satisfies ActionImplementation<{ readonly node: string; readonly span: TimeSpan }>,
    cancelWaits: ((context, event, params) =>
      change(context, (draft, emit) => cancelTimers(draft, emit, event, (timer) => timer.purpose === 'wait' && timer.node === params.node))) satisfies ActionImplementation<{ readonly node: string }>,
    notifyRole: ((context, event, params) =>
      change(context, (draft, emit) => {
        emit({ type: 'notify.role', effectId: nextId(draft, event), role: params.role, message: params.message, ...(params.node ? { node: params.node } : {}) });
      })) satisfies ActionImplementation<{ readonly role: string; readonly message: string; readonly node?: string }>,
    recordMilestone: ((context, event, params) =>
      change(context, (draft, emit) => {
        if (own(context.milestones, params.milestone) !== undefined) return;
        draft.milestones = { ...draft.milestones, [params.milestone]: eventTime(event, context) };
        emit({ type: 'milestone.reached', effectId: nextId(draft, event), milestone: params.milestone });
      })) satisfies ActionImplementation<{ readonly milestone: string }>,
    addPerson: ((context, event) =>
      change(context, (draft) => {
        const personId = text(payload(event).personId);
        const roles = payload(event).roles as readonly PersonRole[];
        const existing = own(context.persons, personId)?.roles ?? [];
        draft.persons = { ...draft.persons, [personId]: { id: personId, roles: [...new Set([...existing, ...roles])] } };
      })) satisfies ActionImplementation<undefined>,
    recordRisk: ((context, event) =>
      change(context, (draft) => {
        const personId = text(payload(event).personId);
        const tool = payload(event).tool === undefined ? {} : { tool: text(payload(event).tool) };
        draft.risk = { ...draft.risk, [personId]: { level: text(payload(event).level), assessedAt: eventTime(event, context), by: text((event as { actor?: unknown }).actor), ...tool } };
      })) satisfies ActionImplementation<undefined>,
    recordOverride: ((context, event) =>
      change(context, (draft) => {
        draft.override = { level: text(payload(event).level), reason: text(payload(event).reason), by: text((event as { actor?: unknown }).actor), at: eventTime(event, context) };
      })) satisfies ActionImplementation<undefined>,
    setTier: ((context, event, params) =>
      change(context, (draft, emit) => {
        const reason = params.direction === 'lowered' ? text(payload(event).reason) : context.override?.level === params.tier ? context.override.reason : undefined;
        draft.tier = params.tier;
        if (params.direction === 'lowered' && context.override && tierRank(template.tiers, context.override.level) > tierRank(template.tiers, params.tier)) {
          draft.override = null;
        }
        emit({ type: 'tier.changed', effectId: nextId(draft, event), from: context.tier, to: params.tier, direction: params.direction, ...(reason ? { reason } : {}) });
      })) satisfies ActionImplementation<{ readonly tier: string; readonly direction: 'raised' | 'lowered' }>,
    recordEpisode: ((context, event) =>
      change(context, (draft, emit) => recordEpisode(draft, emit, event, resolved, payload(event) as unknown as Episode))) satisfies ActionImplementation<undefined>,
    progressWorkItem: ((context, event) =>
      change(context, (draft, emit) => {
        const item = own(context.workItems, text(payload(event).workItemId));
        if (!item) return;
        const reason = payload(event).reason === undefined ? undefined : text(payload(event).reason);
        setWorkItemStatus(draft, emit, event, item, payload(event).status as 'inProgress', reason);
      })) satisfies ActionImplementation<undefined>,
    addPlanAction: ((context, event) =>
      change(context, (draft, emit) => {
        const data = payload(event);
        const planType = text(data.planType);
        if (!own(context.plans, planType)) draft.plans = { ...draft.plans, [planType]: { planType, status: 'draft' } };
        const type = template.workItemTypes.find((w) => w.id === data.workItemType);
        const ownerRole = data.ownerRole === undefined ? (type?.ownerRole ?? 'coordinator') : text(data.ownerRole);
        const ownerAgency = data.ownerAgency === undefined ? type?.ownerAgency : text(data.ownerAgency);
        openWorkItem(draft, emit, event, settings, {
          workItemType: text(data.workItemType),
          ownerRole,
          planType,
          ...(ownerAgency ? { ownerAgency } : {}),
          ...(data.due !== undefined ? { dueAt: text(data.due) } : type?.due !== undefined ? { dueIn: resolved.resolveSpan(type.due) } : {}),
        });
      })) satisfies ActionImplementation<undefined>,
    approvePlan: ((context, event) =>
      change(context, (draft, emit) => {
        const planType = text(payload(event).planType);
        const plan = own(context.plans, planType) ?? { planType, status: 'draft' as const };
        draft.plans = { ...draft.plans, [planType]: { ...plan, status: 'approved', approvedAt: eventTime(event, context) } };
        cancelTimers(draft, emit, event, (timer) => timer.purpose === 'planReview' && timer.planType === planType);
        scheduleMissedReviews(draft, emit, event, planType);
      })) satisfies ActionImplementation<undefined>,
    reviewPlan: ((context, event) =>
      change(context, (draft, emit) => {
        const planType = text(payload(event).planType);
        const plan = own(context.plans, planType) ?? { planType, status: 'draft' as const };
        draft.plans = { ...draft.plans, [planType]: { ...plan, lastReviewedAt: eventTime(event, context), lastOutcome: text(payload(event).outcome) } };
        cancelTimers(draft, emit, event, (timer) => timer.purpose === 'planReview' && timer.planType === planType);
        if (plan.status === 'approved') scheduleMissedReviews(draft, emit, event, planType);
      })) satisfies ActionImplementation<undefined>,
    closeCase: ((context, event) =>
      change(context, (draft, emit) => {
        draft.closed = true;
        for (const item of Object.values(context.workItems)) setWorkItemStatus(draft, emit, event, item, 'cancelled');
        cancelTimers(draft, emit, event, () => true);
      })) satisfies ActionImplementation<undefined>,
  };
  return actions;
}

/** The names of the actions a compiled pathway provides (the escalation action besides). */
export type CaseActionName = keyof ReturnType<typeof caseActions>;
