import type { PersonRole } from '../model/conditions.js';
import { own } from '../model/own.js';
import type { TimeSpan } from '../model/parameters.js';
import { withEpisodePersons, type Episode } from '../model/referral.js';
import { internalEventTypes } from '../model/internal-events.js';
import { addTimeSpan, compareInstants, toUtcIso } from '../time/deadlines.js';
import type { CaseContext, EpisodeFact, FactOffset, PersonRecord, PlanRecord, PlanVersionRecord } from './case-state.js';
import { tierRank } from './case-rules.js';
import {
  cancelTimers,
  change,
  describeFactOffset,
  eventTime,
  nextId,
  openWorkItem,
  retimeWorkItem,
  scheduleTimer,
  scheduleTimerAt,
  setWorkItemStatus,
  type Draft,
  type Emit,
  type Raise,
  type Step,
  type StepEvent,
} from './case-step.js';
import { dueOf, instantFromFact, type ResolvedDeadline } from './deadline-rules.js';
import type { AssessmentRecorded } from '../model/effects.js';
import { applyPluginResult, callHook, pluginCaseView, pluginState } from './plugin-runtime.js';
import { assessWithTool } from './risk-tools.js';
import type { ResolvedTemplate } from './resolved-template.js';

/** Parameters of the action a human-task node runs on entry. */
export interface OpenWorkItemParams {
  readonly node: string;
  readonly workItemType: string;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  readonly due?: ResolvedDeadline;
  /** The meeting series the activity works, for listings. */
  readonly meeting?: string;
}

/** Parameters of the action a human-task node runs on exit. */
export interface CloseWorkItemsParams {
  readonly node: string;
  /** Event types that complete the work item; leaving by any other event cancels it. */
  readonly completingEvents: readonly string[];
}

/** Parameters of a wait node's entry: a span from now, or until an instant counted from a case fact. */
export type ScheduleWaitParams = { readonly node: string; readonly span: TimeSpan } | { readonly node: string; readonly from: FactOffset };

/** An action's implementation: a pure function of the case, the event and its JSON params. */
export type ActionImplementation<P> = (context: CaseContext, event: StepEvent, params: P) => Step;

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function actorOf(event: StepEvent): string {
  return text((event as { readonly actor?: unknown }).actor ?? 'system');
}

function personsRecord(persons: readonly PersonRecord[]): Record<string, PersonRecord> {
  return Object.fromEntries(persons.map((person) => [person.id, person]));
}

/** The case rules that change the case's records, shared by the actions below. */
export function caseChanges(resolved: ResolvedTemplate) {
  const { template, workItems: settings } = resolved;
  const { locality } = template;
  const perVersion = resolved.conditionRules.perPlanVersion;

  const planEffect = (draft: Draft, emit: Emit, event: StepEvent, planType: string, version: number, status: 'draft' | 'approved' | 'superseded' | 'reviewDue') =>
    emit({ type: 'plan.version', effectId: nextId(draft, event), planType, version, status });

  /** Starts the next version of a plan as a draft, unless one is already in progress. */
  const startDraft = (draft: Draft, emit: Emit, event: StepEvent, planType: string): PlanVersionRecord => {
    const plan: PlanRecord = own(draft.plans, planType) ?? { planType };
    if (plan.draft) return plan.draft;
    const version: PlanVersionRecord = { version: (plan.inForce?.version ?? 0) + 1, status: 'draft', startedAt: eventTime(event, draft), milestones: {} };
    draft.plans = { ...draft.plans, [planType]: { ...plan, draft: version } };
    planEffect(draft, emit, event, planType, version.version, 'draft');
    return version;
  };

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

  /**
   * Records a dated case fact. Work due from it and waits until it move with it; the escalations
   * hear of it (a first recording sets off `factRecorded` rules). Recording the same value again
   * changes nothing.
   */
  const setFact = (draft: Draft, emit: Emit, raise: Raise, event: StepEvent, fact: string, value: string | null) => {
    // Facts are kept as UTC instants, like every other instant of the case, so equal moments compare equal.
    value = value === null ? null : toUtcIso(value);
    const previous = own(draft.facts, fact);
    if ((previous ?? null) === value) return;
    const { [fact]: _old, ...others } = draft.facts;
    draft.facts = value === null ? others : { ...others, [fact]: value };
    emit({ type: 'fact.recorded', effectId: nextId(draft, event), fact, value, event: event.type });
    // A cleared fact leaves what counted from it where it was: a deadline is never dropped silently.
    for (const item of Object.values(draft.workItems)) {
      if (item.dueFrom?.fact !== fact) continue;
      const due = instantFromFact(item.dueFrom, draft.facts, locality);
      if (due !== undefined) retimeWorkItem(draft, emit, event, settings, item, due);
    }
    for (const timer of Object.values(draft.timers)) {
      if (timer.dueFrom?.fact !== fact) continue;
      const due = instantFromFact(timer.dueFrom, draft.facts, locality);
      if (due === timer.due || (due === undefined && timer.due !== undefined)) continue;
      // A timer is replaced, never moved: the runtime may already hold the old one, which must not fire.
      if (timer.due !== undefined) cancelTimers(draft, emit, event, (t) => t.id === timer.id);
      else draft.timers = Object.fromEntries(Object.entries(draft.timers).filter(([id]) => id !== timer.id));
      const { id: _id, due: _due, ...kept } = timer;
      if (due !== undefined) scheduleTimerAt(draft, emit, event, locality, kept, due, describeFactOffset(timer.dueFrom));
      else {
        const id = nextId(draft, event);
        draft.timers = { ...draft.timers, [id]: { ...kept, id } };
      }
    }
    raise({ type: internalEventTypes.factChanged, payload: { fact, firstRecorded: previous === undefined && value !== null } });
  };

  /** Records an episode: its persons join the case, the episode rules see it, the history gets it. */
  const recordEpisode = (draft: Draft, emit: Emit, event: StepEvent, episode: Episode) => {
    const at = eventTime(event, draft);
    draft.persons = personsRecord(withEpisodePersons(Object.values(draft.persons), episode));
    // Only episodes some episode window still reaches are kept: the case state stays bounded.
    const kept = draft.episodes.filter((earlier) => resolved.episodeWindows.some((window) => compareInstants(addTimeSpan(earlier.reportedAt, window, locality), at) >= 0));
    const dropped = draft.episodes.filter((earlier) => !kept.includes(earlier)).map((earlier) => earlier.id);
    if (dropped.length > 0) draft.pastEpisodeIds = [...draft.pastEpisodeIds, ...dropped];
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
  };

  /** Records a milestone: for the case, and for a per-version milestone also for the plan version in progress. */
  const recordMilestone = (draft: Draft, emit: Emit, event: StepEvent, milestone: string, transition?: string) => {
    const at = eventTime(event, draft);
    const planType = perVersion.get(milestone);
    if (planType !== undefined) {
      const plan = own(draft.plans, planType);
      const version = plan?.draft ?? plan?.inForce ?? startDraft(draft, emit, event, planType);
      const current = own(draft.plans, planType)!;
      const updated = { ...version, milestones: { ...version.milestones, [milestone]: at } };
      draft.plans = { ...draft.plans, [planType]: version.status === 'draft' ? { ...current, draft: updated } : { ...current, inForce: updated } };
    }
    if (own(draft.milestones, milestone) !== undefined) return;
    draft.milestones = { ...draft.milestones, [milestone]: at };
    emit({ type: 'milestone.reached', effectId: nextId(draft, event), milestone, ...(transition ? { transition } : {}) });
  };

  /** Records one assessment: in the history always, and as the person's current level when it gives one. */
  const recordAssessment = (draft: Draft, emit: Emit, event: StepEvent, assessment: Omit<AssessmentRecorded, 'type' | 'effectId'>) => {
    emit({ type: 'assessment.recorded', effectId: nextId(draft, event), ...assessment });
    if (assessment.level === null) return;
    draft.risk = {
      ...draft.risk,
      [assessment.personId]: {
        level: assessment.level,
        assessedAt: eventTime(event, draft),
        by: actorOf(event),
        ...(assessment.tool ? { tool: assessment.tool } : {}),
        ...(typeof assessment.score === 'number' ? { score: assessment.score } : {}),
      },
    };
  };

  return { setFact, recordEpisode, recordMilestone, startDraft, planEffect, scheduleMissedReviews, recordAssessment };
}

/** The action implementations of one compiled pathway; each a pure function returning new context, effects and raised events. */
export function caseActions(resolved: ResolvedTemplate) {
  const { template, workItems: settings } = resolved;
  const { locality } = template;
  const changes = caseChanges(resolved);
  const payload = (event: StepEvent) => event.payload ?? {};

  const actions = {
    /** The case opens (XState's init event carries the referral as `input`): its episode is recorded like any later one. */
    recordOpening: ((context, event) =>
      change(context, (draft, emit) => {
        const opening = (event as { readonly input?: { readonly episode?: Episode } }).input?.episode;
        if (opening) changes.recordEpisode(draft, emit, event, opening);
      })) satisfies ActionImplementation<undefined>,
    openWorkItem: ((context, event, params) =>
      change(context, (draft, emit) => {
        // An escalation may already have opened this work (first contact when the tier rose, a
        // listing at this meeting): the activity takes it over instead of opening a second one,
        // and its due time is never later than the activity's own bound.
        const existing = Object.values(context.workItems).find(
          (item) => item.node === undefined && (params.meeting !== undefined ? item.meeting === params.meeting : item.workItemType === params.workItemType),
        );
        if (existing) {
          const bound = params.due ? dueOf(params.due, eventTime(event, draft), draft.facts, locality).due : undefined;
          const earlier = bound !== undefined && (existing.due === undefined || compareInstants(bound, existing.due) < 0);
          retimeWorkItem(draft, emit, event, settings, existing, earlier ? bound : existing.due, { node: params.node });
          return;
        }
        openWorkItem(draft, emit, event, settings, {
          node: params.node,
          workItemType: params.workItemType,
          ownerRole: params.ownerRole,
          ...(params.ownerAgency ? { ownerAgency: params.ownerAgency } : {}),
          ...(params.due ? { deadline: params.due } : {}),
          ...(params.meeting ? { meeting: params.meeting } : {}),
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
        if ('span' in params) {
          scheduleTimer(draft, emit, event, locality, { purpose: 'wait', node: params.node }, eventTime(event, context), params.span);
          return;
        }
        const due = instantFromFact(params.from, draft.facts, locality);
        if (due) scheduleTimerAt(draft, emit, event, locality, { purpose: 'wait', node: params.node, dueFrom: params.from }, due, describeFactOffset(params.from));
        else {
          // Until the fact is recorded the wait has no end; recording it schedules the timer.
          const id = nextId(draft, event);
          draft.timers = { ...draft.timers, [id]: { id, purpose: 'wait', node: params.node, dueFrom: params.from } };
        }
      })) satisfies ActionImplementation<ScheduleWaitParams>,
    cancelWaits: ((context, event, params) =>
      change(context, (draft, emit) => cancelTimers(draft, emit, event, (timer) => timer.purpose === 'wait' && timer.node === params.node))) satisfies ActionImplementation<{ readonly node: string }>,
    notifyRole: ((context, event, params) =>
      change(context, (draft, emit) => {
        emit({ type: 'notify.role', effectId: nextId(draft, event), role: params.role, message: params.message, ...(params.node ? { node: params.node } : {}), ...(params.transition ? { transition: params.transition } : {}) });
      })) satisfies ActionImplementation<{ readonly role: string; readonly message: string; readonly node?: string; readonly transition?: string }>,
    recordMilestone: ((context, event, params) =>
      change(context, (draft, emit) => changes.recordMilestone(draft, emit, event, params.milestone, params.transition))) satisfies ActionImplementation<{ readonly milestone: string; readonly transition?: string }>,
    addPerson: ((context, event) =>
      change(context, (draft) => {
        const personId = text(payload(event).personId);
        const roles = payload(event).roles as readonly PersonRole[];
        const existing = own(context.persons, personId)?.roles ?? [];
        draft.persons = { ...draft.persons, [personId]: { id: personId, roles: [...new Set([...existing, ...roles])] } };
      })) satisfies ActionImplementation<undefined>,
    /** An assessment by hand: the level given, recorded like every other assessment. */
    recordRisk: ((context, event) =>
      change(context, (draft, emit) => {
        const tool = payload(event).tool === undefined ? {} : { tool: text(payload(event).tool) };
        changes.recordAssessment(draft, emit, event, { personId: text(payload(event).personId), level: text(payload(event).level), ...tool });
      })) satisfies ActionImplementation<undefined>,
    /**
     * A plugin's risk tool: the answers scored by the tool, the score's band giving a level, raised
     * by professional judgement when given (the guard has refused a judgement that would lower it).
     * A tool that cannot score gives no level: the answers are recorded and the person's level stays.
     */
    recordRiskTool: ((context, event) =>
      change(context, (draft, emit) => {
        const contribution = resolved.plugins.riskTool(text(payload(event).tool));
        if (!contribution) return;
        const answers = (payload(event).answers ?? {}) as Readonly<Record<string, unknown>>;
        const assessed = assessWithTool(contribution, answers, template);
        const judgement = payload(event).judgement as { readonly level: string; readonly reason: string } | undefined;
        changes.recordAssessment(draft, emit, event, {
          personId: text(payload(event).personId),
          level: judgement?.level ?? assessed.scoreLevel,
          tool: assessed.tool,
          toolVersion: assessed.toolVersion,
          score: assessed.score,
          scoreLevel: assessed.scoreLevel,
          ...(judgement ? { judgement } : {}),
          answers,
        });
      })) satisfies ActionImplementation<undefined>,
    recordOverride: ((context, event) =>
      change(context, (draft) => {
        draft.override = { level: text(payload(event).level), reason: text(payload(event).reason), by: actorOf(event), at: eventTime(event, context) };
      })) satisfies ActionImplementation<undefined>,
    /** A decision that assesses the tier (e.g. triage): it sets the tier when none is set and raises it, never lowers it. */
    recordDecision: ((context, event, params) =>
      change(context, (draft) => {
        const level = own(payload(event), params.field);
        if (typeof level !== 'string' || tierRank(template.tiers, level) <= tierRank(template.tiers, context.decision?.level)) return;
        draft.decision = { level, at: eventTime(event, context), by: actorOf(event), event: event.type, ...(params.meeting ? { meeting: params.meeting } : {}) };
      })) satisfies ActionImplementation<{ readonly field: string; readonly meeting?: string }>,
    setTier: ((context, event, params) =>
      change(context, (draft, emit) => {
        const cause = typeof payload(event).cause === 'string' ? text(payload(event).cause) : event.type;
        let source: 'assessment' | 'override' | 'decision' | 'lowering' = 'lowering';
        let reason: string | undefined;
        let meeting: string | undefined;
        if (params.direction === 'lowered') reason = text(payload(event).reason);
        else if (context.override?.level === params.tier) [source, reason] = ['override', context.override.reason];
        else if (context.decision?.level === params.tier) [source, meeting] = ['decision', context.decision.meeting];
        else source = 'assessment';
        draft.tier = params.tier;
        if (params.direction === 'lowered') {
          // A lowering below an override or a decision ends it: only a new one raises the tier again.
          if (context.override && tierRank(template.tiers, context.override.level) > tierRank(template.tiers, params.tier)) draft.override = null;
          if (context.decision && tierRank(template.tiers, context.decision.level) > tierRank(template.tiers, params.tier)) draft.decision = null;
        }
        emit({
          type: 'tier.changed',
          effectId: nextId(draft, event),
          from: context.tier,
          to: params.tier,
          direction: params.direction,
          source,
          event: cause,
          ...(reason ? { reason } : {}),
          ...(meeting ? { meeting } : {}),
        });
      })) satisfies ActionImplementation<{ readonly tier: string; readonly direction: 'raised' | 'lowered' }>,
    recordEpisode: ((context, event) =>
      change(context, (draft, emit) => changes.recordEpisode(draft, emit, event, payload(event) as unknown as Episode))) satisfies ActionImplementation<undefined>,
    progressWorkItem: ((context, event) =>
      change(context, (draft, emit) => {
        const item = own(context.workItems, text(payload(event).workItemId));
        if (!item) return;
        const reason = payload(event).reason === undefined ? undefined : text(payload(event).reason);
        setWorkItemStatus(draft, emit, event, item, payload(event).status as 'inProgress', reason);
      })) satisfies ActionImplementation<undefined>,
    assignWorkItem: ((context, event) =>
      change(context, (draft, emit) => {
        const item = own(context.workItems, text(payload(event).workItemId));
        const assignee = payload(event).assignee === null ? null : text(payload(event).assignee);
        if (!item || (item.assignee ?? null) === assignee) return;
        const { assignee: _previous, ...rest } = item;
        draft.workItems = { ...draft.workItems, [item.id]: assignee === null ? rest : { ...rest, assignee } };
        emit({ type: 'workItem.assigned', effectId: nextId(draft, event), workItemId: item.id, assignee });
      })) satisfies ActionImplementation<undefined>,
    /** The case's named worker for a role: its outstanding unassigned work goes to them, and new work of the role too. */
    assignWorker: ((context, event) =>
      change(context, (draft, emit) => {
        const role = text(payload(event).role);
        const worker = payload(event).worker === null ? null : text(payload(event).worker);
        const { [role]: _previous, ...others } = context.workers;
        draft.workers = worker === null ? others : { ...others, [role]: worker };
        if (worker === null) return;
        for (const item of Object.values(context.workItems)) {
          if (item.ownerRole !== role || item.assignee !== undefined) continue;
          draft.workItems = { ...draft.workItems, [item.id]: { ...item, assignee: worker } };
          emit({ type: 'workItem.assigned', effectId: nextId(draft, event), workItemId: item.id, assignee: worker });
        }
      })) satisfies ActionImplementation<undefined>,
    recordFact: ((context, event) =>
      change(context, (draft, emit, raise) => {
        const value = payload(event).value;
        changes.setFact(draft, emit, raise, event, text(payload(event).fact), value === null || value === undefined ? null : text(value));
      })) satisfies ActionImplementation<undefined>,
    /** A plugin node's `enter` hook: what it returns is applied to the case, within what its node type declares. */
    pluginEnter: ((context, event, params) =>
      change(context, (draft, emit, raise) => {
        const contribution = resolved.plugins.nodeType(params.type);
        const enter = contribution?.definition.enter;
        if (!contribution || !enter) return;
        const { plugin, definition } = contribution;
        const node = resolved.graph.nodes.get(params.node);
        const config = node && 'config' in node ? node.config : {};
        const hook = `${params.type} enter`;
        const result = callHook(plugin, hook, () => enter.call(definition, { case: pluginCaseView(context), state: pluginState(context, plugin), at: eventTime(event, context), node: params.node, config }));
        applyPluginResult(draft, emit, raise, event, resolved, changes, plugin, result, definition.effects, { hook, node: params.node });
      })) satisfies ActionImplementation<{ readonly type: string; readonly node: string }>,
    /** A plugin's action named on a transition (`<plugin>/<action>`), within the effects it declares. */
    pluginAction: ((context, event, params) =>
      change(context, (draft, emit, raise) => {
        const contribution = resolved.plugins.action(params.name);
        if (!contribution) return;
        const { plugin, definition } = contribution;
        const hook = `action ${params.name}`;
        const result = callHook(plugin, hook, () =>
          definition.run({ case: pluginCaseView(context), state: pluginState(context, plugin), at: eventTime(event, context), event: event.type, payload: payload(event), params: params.params, node: params.node }),
        );
        applyPluginResult(draft, emit, raise, event, resolved, changes, plugin, result, definition.effects, { hook, transition: params.transition });
      })) satisfies ActionImplementation<{ readonly name: string; readonly params: Readonly<Record<string, unknown>>; readonly node?: string; readonly transition?: string }>,
    /** An event that records case facts from its payload (e.g. a safety order's expiry with the safety actions). */
    recordFactsFromPayload: ((context, event, params) =>
      change(context, (draft, emit, raise) => {
        for (const [field, fact] of Object.entries(params.fields)) {
          const value = own(payload(event), field);
          if (typeof value === 'string') changes.setFact(draft, emit, raise, event, fact, value);
        }
      })) satisfies ActionImplementation<{ readonly fields: Readonly<Record<string, string>> }>,
    addPlanAction: ((context, event) =>
      change(context, (draft, emit) => {
        const data = payload(event);
        const planType = text(data.planType);
        // Actions join the version being developed, or the living plan in force; the first starts version 1.
        const plan = own(draft.plans, planType);
        if (!plan?.draft && !plan?.inForce) changes.startDraft(draft, emit, event, planType);
        const type = template.workItemTypes.find((w) => w.id === data.workItemType);
        const ownerRole = data.ownerRole === undefined ? (type?.ownerRole ?? 'coordinator') : text(data.ownerRole);
        const ownerAgency = data.ownerAgency === undefined ? type?.ownerAgency : text(data.ownerAgency);
        const deadline = type?.due !== undefined ? resolved.resolveDeadline(type.due) : undefined;
        openWorkItem(draft, emit, event, settings, {
          workItemType: text(data.workItemType),
          ownerRole,
          planType,
          ...(ownerAgency ? { ownerAgency } : {}),
          ...(data.due !== undefined ? { dueAt: text(data.due) } : deadline ? { deadline } : {}),
        });
      })) satisfies ActionImplementation<undefined>,
    /** Entering an activity where a plan is developed starts its next version, unless one is in progress. */
    startPlanVersion: ((context, event, params) =>
      change(context, (draft, emit) => {
        changes.startDraft(draft, emit, event, params.planType);
      })) satisfies ActionImplementation<{ readonly planType: string }>,
    approvePlan: ((context, event) =>
      change(context, (draft, emit) => {
        const planType = text(payload(event).planType);
        const version = changes.startDraft(draft, emit, event, planType);
        const plan = own(draft.plans, planType)!;
        if (plan.inForce) changes.planEffect(draft, emit, event, planType, plan.inForce.version, 'superseded');
        const approved: PlanVersionRecord = { ...version, status: 'approved', approvedAt: eventTime(event, context) };
        draft.plans = { ...draft.plans, [planType]: { planType, inForce: approved } };
        changes.planEffect(draft, emit, event, planType, approved.version, 'approved');
        cancelTimers(draft, emit, event, (timer) => timer.purpose === 'planReview' && timer.planType === planType);
        changes.scheduleMissedReviews(draft, emit, event, planType);
      })) satisfies ActionImplementation<undefined>,
    reviewPlan: ((context, event) =>
      change(context, (draft, emit) => {
        const planType = text(payload(event).planType);
        const plan = own(context.plans, planType);
        const inForce = plan?.inForce;
        if (!plan || !inForce) return;
        draft.plans = { ...draft.plans, [planType]: { ...plan, inForce: { ...inForce, lastReviewedAt: eventTime(event, context), lastOutcome: text(payload(event).outcome) } } };
        cancelTimers(draft, emit, event, (timer) => timer.purpose === 'planReview' && timer.planType === planType);
        changes.scheduleMissedReviews(draft, emit, event, planType);
      })) satisfies ActionImplementation<undefined>,
    closeCase: ((context, event) =>
      change(context, (draft, emit) => {
        draft.closed = true;
        for (const item of Object.values(context.workItems)) setWorkItemStatus(draft, emit, event, item, 'cancelled');
        cancelTimers(draft, emit, event, () => true);
      })) satisfies ActionImplementation<undefined>,
  };
  return { actions, changes };
}

/** The case rules that change records, as the escalation logic uses them too. */
export type CaseChanges = ReturnType<typeof caseChanges>;

/** The names of the actions a compiled pathway provides (the escalation action besides). */
export type CaseActionName = keyof ReturnType<typeof caseActions>['actions'];
