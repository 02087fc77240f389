import { assign } from 'xstate';
import { own } from './own.js';
import type { EscalationRule } from '../model/escalations.js';
import type { TimeSpan, TimeSpanOrRef } from '../model/parameters.js';
import type { PathwayTemplate } from '../model/template.js';
import type { CaseContext, CaseEvent, PersonRecord } from './case-context.js';
import type { Effect } from '../engine/effects.js';
import { addTimeSpan } from '../time/deadlines.js';
import { cancelTimers, eventTime, nextId, openWorkItem, scheduleTimer, setWorkItemStatus, update, type Draft, type WorkItemSettings } from './case-draft.js';
import { tierRank } from './case-logic.js';

/** `assign` with the case's context and event types fixed, so implementations are checked. */
function caseAssign<P>(fn: (args: { context: CaseContext; event: CaseEvent }, params: P) => Partial<CaseContext>) {
  return assign<CaseContext, CaseEvent, P, CaseEvent, never>(fn);
}

export interface OpenWorkItemParams {
  node: string;
  workItemType: string;
  ownerRole: string;
  ownerAgency?: string;
  due?: TimeSpan;
}

export interface CloseWorkItemsParams {
  node: string;
  /** Event types that complete the work item; leaving by any other event cancels it. */
  completingEvents: readonly string[];
}

/** Template data the actions need, with parameters already resolved. */
export interface ResolvedTemplate {
  readonly template: PathwayTemplate;
  readonly workItems: WorkItemSettings;
  /** Plan types with their resolved review cadence. */
  readonly planReview: ReadonlyMap<string, TimeSpan | undefined>;
  /** Missed-review rules with their resolved grace, by plan type (undefined: any plan type). */
  readonly missedReviewRules: readonly { readonly rule: string; readonly planType?: string; readonly after: TimeSpan }[];
  readonly resolveSpan: (span: TimeSpanOrRef) => TimeSpan;
  readonly escalations: ReadonlyMap<string, EscalationRule>;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** The action implementations: each a pure function of (context, event, params) returning new context. */
export function caseActions(resolved: ResolvedTemplate) {
  const { template, workItems: settings } = resolved;
  const { locality } = template;
  /** One timer per missed-review rule, at the review's due time plus the rule's grace. */
  const scheduleMissedReviews = (draft: Draft, emit: (effect: Effect) => void, event: CaseEvent, planType: string) => {
    const cadence = resolved.planReview.get(planType);
    if (!cadence) return;
    const dueAt = addTimeSpan(event.at, cadence, locality);
    for (const missed of resolved.missedReviewRules) {
      if (missed.planType !== undefined && missed.planType !== planType) continue;
      scheduleTimer(draft, emit, event, locality, { purpose: 'planReview', planType, rule: missed.rule }, dueAt, missed.after);
    }
  };
  return {
    openWorkItem: caseAssign(({ context, event }, params: OpenWorkItemParams) =>
      update(context, (draft, emit) => {
        // An escalation may already have opened this work (e.g. first contact when the tier rose):
        // the activity takes it over, with its earlier due time, instead of duplicating it.
        const existing = Object.values(context.workItems).find(
          (item) => item.workItemType === params.workItemType && item.node === undefined && (item.status === 'open' || item.status === 'inProgress'),
        );
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
      }),
    ),
    closeWorkItems: caseAssign(({ context, event }, params: CloseWorkItemsParams) =>
      update(context, (draft, emit) => {
        const status = params.completingEvents.includes(event.type) ? 'done' : 'cancelled';
        for (const item of Object.values(context.workItems)) {
          if (item.node === params.node && (item.status === 'open' || item.status === 'inProgress')) setWorkItemStatus(draft, emit, event, item, status);
        }
      }),
    ),
    scheduleWait: caseAssign(({ context, event }, params: { node: string; span: TimeSpan }) =>
      update(context, (draft, emit) => {
        scheduleTimer(draft, emit, event, locality, { purpose: 'wait', node: params.node }, eventTime(event, context), params.span);
      }),
    ),
    cancelWaits: caseAssign(({ context, event }, params: { node: string }) =>
      update(context, (draft, emit) => cancelTimers(draft, emit, event, (timer) => timer.purpose === 'wait' && timer.node === params.node)),
    ),
    notifyRole: caseAssign(({ context, event }, params: { role: string; message: string; node?: string }) =>
      update(context, (draft, emit) => {
        emit({ type: 'notify.role', effectId: nextId(draft, event), role: params.role, message: params.message, ...(params.node ? { node: params.node } : {}) });
      }),
    ),
    recordMilestone: caseAssign(({ context, event }, params: { milestone: string }) =>
      update(context, (draft, emit) => {
        if (own(context.milestones, params.milestone) !== undefined) return;
        draft.milestones = { ...draft.milestones, [params.milestone]: eventTime(event, context) };
        emit({ type: 'milestone.reached', effectId: nextId(draft, event), milestone: params.milestone });
      }),
    ),
    addPerson: caseAssign(({ context, event }) =>
      update(context, (draft) => {
        const personId = text(event.payload.personId);
        const roles = event.payload.roles as PersonRecord['roles'];
        const existing = own(context.persons, personId)?.roles ?? [];
        draft.persons = { ...draft.persons, [personId]: { id: personId, roles: [...new Set([...existing, ...roles])] } };
      }),
    ),
    recordRisk: caseAssign(({ context, event }) =>
      update(context, (draft) => {
        const personId = text(event.payload.personId);
        const tool = event.payload.tool === undefined ? {} : { tool: text(event.payload.tool) };
        draft.risk = { ...draft.risk, [personId]: { level: text(event.payload.level), assessedAt: event.at, by: event.actor, ...tool } };
      }),
    ),
    recordOverride: caseAssign(({ context, event }) =>
      update(context, (draft) => {
        draft.override = { level: text(event.payload.level), reason: text(event.payload.reason), by: event.actor, at: event.at };
      }),
    ),
    setTier: caseAssign(({ context, event }, params: { tier: string; direction: 'raised' | 'lowered' }) =>
      update(context, (draft, emit) => {
        const reason = params.direction === 'lowered' ? text(event.payload.reason) : context.override?.level === params.tier ? context.override.reason : undefined;
        draft.tierHistory = [...context.tierHistory, { at: event.at, from: context.tier, to: params.tier, by: event.actor, ...(reason ? { reason } : {}) }];
        draft.tier = params.tier;
        if (params.direction === 'lowered' && context.override && tierRank(template.tiers, context.override.level) > tierRank(template.tiers, params.tier)) {
          draft.override = null;
        }
        emit({ type: 'tier.changed', effectId: nextId(draft, event), from: context.tier, to: params.tier, direction: params.direction });
      }),
    ),
    recordEpisode: caseAssign(({ context, event }) =>
      update(context, (draft) => {
        const payload = event.payload;
        const persons = { ...draft.persons };
        const addRole = (id: string, role: PersonRecord['roles'][number]) => {
          const roles = own(persons, id)?.roles ?? [];
          persons[id] = { id, roles: roles.includes(role) ? roles : [...roles, role] };
        };
        (payload.victimSurvivors as string[]).forEach((id) => addRole(id, 'adult-victim-survivor'));
        (payload.personsUsingViolence as string[]).forEach((id) => addRole(id, 'person-using-violence'));
        draft.persons = persons;
        draft.episodes = [
          ...context.episodes,
          {
            id: text(payload.episodeId),
            reportedAt: event.at,
            sourceAgency: text(payload.sourceAgency),
            victimSurvivors: payload.victimSurvivors as string[],
            personsUsingViolence: payload.personsUsingViolence as string[],
            childrenPresent: payload.childrenPresent === true,
          },
        ];
      }),
    ),
    progressWorkItem: caseAssign(({ context, event }) =>
      update(context, (draft, emit) => {
        const item = own(context.workItems, text(event.payload.workItemId));
        if (!item) return;
        const reason = event.payload.reason === undefined ? undefined : text(event.payload.reason);
        setWorkItemStatus(draft, emit, event, item, event.payload.status as 'inProgress', reason);
      }),
    ),
    addPlanAction: caseAssign(({ context, event }) =>
      update(context, (draft, emit) => {
        const planType = text(event.payload.planType);
        if (!context.plans[planType]) draft.plans = { ...draft.plans, [planType]: { planType, status: 'draft' } };
        const type = template.workItemTypes.find((w) => w.id === event.payload.workItemType);
        const ownerRole = event.payload.ownerRole === undefined ? (type?.ownerRole ?? 'coordinator') : text(event.payload.ownerRole);
        const ownerAgency = event.payload.ownerAgency === undefined ? type?.ownerAgency : text(event.payload.ownerAgency);
        openWorkItem(draft, emit, event, settings, {
          workItemType: text(event.payload.workItemType),
          ownerRole,
          planType,
          ...(ownerAgency ? { ownerAgency } : {}),
          ...(event.payload.due !== undefined ? { dueAt: text(event.payload.due) } : type?.due !== undefined ? { dueIn: resolved.resolveSpan(type.due) } : {}),
        });
      }),
    ),
    approvePlan: caseAssign(({ context, event }) =>
      update(context, (draft, emit) => {
        const planType = text(event.payload.planType);
        const plan = context.plans[planType] ?? { planType, status: 'draft' as const };
        draft.plans = { ...draft.plans, [planType]: { ...plan, status: 'approved', approvedAt: event.at } };
        cancelTimers(draft, emit, event, (timer) => timer.purpose === 'planReview' && timer.planType === planType);
        scheduleMissedReviews(draft, emit, event, planType);
      }),
    ),
    reviewPlan: caseAssign(({ context, event }) =>
      update(context, (draft, emit) => {
        const planType = text(event.payload.planType);
        const plan = context.plans[planType] ?? { planType, status: 'draft' as const };
        draft.plans = { ...draft.plans, [planType]: { ...plan, lastReviewedAt: event.at, lastOutcome: text(event.payload.outcome) } };
        cancelTimers(draft, emit, event, (timer) => timer.purpose === 'planReview' && timer.planType === planType);
        if (plan.status === 'approved') scheduleMissedReviews(draft, emit, event, planType);
      }),
    ),
    closeCase: caseAssign(({ context, event }) =>
      update(context, (draft, emit) => {
        for (const item of Object.values(context.workItems)) {
          if (item.status === 'open' || item.status === 'inProgress') setWorkItemStatus(draft, emit, event, item, 'cancelled');
        }
        cancelTimers(draft, emit, event, () => true);
      }),
    ),
  };
}
