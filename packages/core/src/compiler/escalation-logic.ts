import type { EscalationRule } from '../model/escalations.js';
import { internalEventTypes } from '../model/internal-events.js';
import { own } from '../model/own.js';
import { timerFiredEvent } from '../model/transitions.js';
import type { Deadline } from '../model/parameters.js';
import { addTimeSpan } from '../time/deadlines.js';
import type { CaseContext, CaseEvent } from './case-state.js';
import { conditionHolds, episodesWithin, isRepeatEpisode, tierRank } from './case-rules.js';
import { change, dropTimer, nextId, openWorkItem, type Draft, type Emit, type Step } from './case-step.js';
import { callHook, pluginCaseView, pluginState } from './plugin-runtime.js';
import type { ResolvedTemplate } from './resolved-template.js';
import type { CaseChanges } from './case-actions.js';

/** Which kind of trigger an incoming event can set off. */
export type TriggerSource = 'tierRaised' | 'episode' | 'event' | 'timer' | 'condition' | 'fact';

/** Which kind of escalation trigger an event (as handled by the escalations region) can set off. */
export function triggerSourceOf(type: string): TriggerSource {
  if (type === internalEventTypes.tierRaised) return 'tierRaised';
  if (type === 'episode.reported') return 'episode';
  if (type === timerFiredEvent) return 'timer';
  if (type === internalEventTypes.conditionsCheck) return 'condition';
  if (type === internalEventTypes.factChanged) return 'fact';
  return 'event';
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** The rules of plugin trigger types the event sets off: each asked after the events it names. */
function pluginRules(context: CaseContext, event: CaseEvent, resolved: ResolvedTemplate): { rule: EscalationRule }[] {
  const fired: { rule: EscalationRule }[] = [];
  for (const rule of resolved.escalations.values()) {
    if (rule.trigger.kind !== 'plugin') continue;
    const contribution = resolved.plugins.trigger(rule.trigger.type);
    if (!contribution || !contribution.definition.on.includes(event.type)) continue;
    const { plugin, definition } = contribution;
    const params = rule.trigger.params;
    if (callHook(plugin, `trigger ${rule.trigger.type}`, () => definition.fires({ case: pluginCaseView(context), state: pluginState(context, plugin), at: event.at, event: event.type, payload: event.payload, params }))) fired.push({ rule });
  }
  return fired;
}

/** The rules an event sets off, each with the work item concerned (for overdue triggers). */
function firedRules(context: CaseContext, event: CaseEvent, source: TriggerSource, resolved: ResolvedTemplate): { rule: EscalationRule; workItemId?: string }[] {
  return [...builtInRules(context, event, source, resolved), ...pluginRules(context, event, resolved)];
}

function builtInRules(context: CaseContext, event: CaseEvent, source: TriggerSource, resolved: ResolvedTemplate): { rule: EscalationRule; workItemId?: string }[] {
  const { template } = resolved;
  const rules = [...resolved.escalations.values()];
  switch (source) {
    case 'tierRaised': {
      const from = tierRank(template.tiers, event.payload.from as string | null);
      const to = tierRank(template.tiers, text(event.payload.to));
      return rules
        .filter((rule) => rule.trigger.kind === 'tierRaised')
        .filter((rule) => {
          const threshold = rule.trigger.kind === 'tierRaised' && rule.trigger.to !== undefined ? tierRank(template.tiers, rule.trigger.to) : -1;
          return threshold < 0 ? to > from : from < threshold && threshold <= to;
        })
        .map((rule) => ({ rule }));
    }
    case 'episode': {
      const episode = { victimSurvivors: event.payload.victimSurvivors as string[], personsUsingViolence: (event.payload.personsUsingViolence as string[] | undefined) ?? [] };
      // The records region has already added the new episode; only earlier ones count as repeats.
      const earlier = context.episodes.filter((e) => e.id !== event.payload.episodeId);
      return rules
        .filter((rule) => {
          if (rule.trigger.kind === 'repeatEpisode') {
            return isRepeatEpisode(earlier, context.conferenceListing, episode, event.at, resolved.resolveSpan(rule.trigger.within), rule.trigger.anchor, template.locality);
          }
          if (rule.trigger.kind === 'episodeCount') {
            return episodesWithin(context.episodes, episode, event.at, resolved.resolveSpan(rule.trigger.within), template.locality) >= resolved.resolveNumber(rule.trigger.atLeast);
          }
          return false;
        })
        .map((rule) => ({ rule }));
    }
    case 'fact':
      return rules.filter((rule) => rule.trigger.kind === 'factRecorded' && rule.trigger.fact === event.payload.fact && event.payload.firstRecorded === true).map((rule) => ({ rule }));
    case 'event':
      return rules.filter((rule) => rule.trigger.kind === 'event' && rule.trigger.event === event.type).map((rule) => ({ rule }));
    case 'timer': {
      const timer = own(context.timers, text(event.payload.timerId));
      if (!timer) return [];
      if (timer.purpose === 'overdue' && timer.rule && timer.workItemId) {
        const item = own(context.workItems, timer.workItemId);
        const rule = resolved.escalations.get(timer.rule);
        // Work items leave the case state when they close, so an outstanding one is still open.
        if (!rule || !item) return [];
        return [{ rule, workItemId: item.id }];
      }
      if (timer.purpose === 'planReview' && timer.rule) {
        const rule = resolved.escalations.get(timer.rule);
        return rule ? [{ rule }] : [];
      }
      return [];
    }
    case 'condition':
      return rules
        .filter((rule) => rule.trigger.kind === 'condition' && !context.conditionsHeld[rule.id] && conditionHolds(rule.trigger.condition, context, resolved.conditionRules))
        .map((rule) => ({ rule }));
  }
}

function respond(draft: Draft, emit: Emit, event: CaseEvent, resolved: ResolvedTemplate, changes: CaseChanges, rule: EscalationRule, workItemId: string | undefined, routes: string[]): void {
  const { template } = resolved;
  const id = nextId(draft, event);
  let respondBy: string | undefined;
  for (const response of rule.response) {
    if (response.kind === 'raiseToRegionalHub') respondBy = addTimeSpan(event.at, resolved.resolveSpan(response.respondWithin), template.locality);
  }
  emit({
    type: 'escalation.raised',
    effectId: id,
    rule: rule.id,
    trigger: rule.trigger.kind,
    ...(workItemId ? { workItemId } : {}),
    ...(respondBy ? { regionalHubRespondBy: respondBy } : {}),
  });
  /** Work a response opens: of its type, owned as the response or the type says, due as the response or the type says. */
  const openWork = (response: { readonly workItemType: string; readonly ownerRole?: string; readonly due?: Deadline }, planType?: string) => {
    const type = template.workItemTypes.find((w) => w.id === response.workItemType);
    const deadline = response.due !== undefined ? resolved.resolveDeadline(response.due) : resolved.typeDeadline(response.workItemType);
    openWorkItem(draft, emit, event, resolved.workItems, {
      workItemType: response.workItemType,
      ownerRole: response.ownerRole ?? type?.ownerRole ?? 'coordinator',
      escalation: rule.id,
      ...(planType ? { planType } : {}),
      ...(type?.ownerAgency ? { ownerAgency: type.ownerAgency } : {}),
      ...(deadline ? { deadline } : {}),
    });
  };
  for (const response of rule.response) {
    switch (response.kind) {
      case 'route':
        routes.push(response.to);
        break;
      case 'createWorkItem':
        openWork(response);
        break;
      case 'notify':
        emit({ type: 'notify.role', effectId: nextId(draft, event), role: response.role, message: rule.id });
        break;
      case 'listAtMeeting': {
        const meeting = template.meetings.find((m) => m.id === response.meeting);
        const listingType = resolved.workItems.listingTypes.get(response.meeting) ?? 'meeting-listing';
        const type = template.workItemTypes.find((w) => w.id === listingType);
        openWorkItem(draft, emit, event, resolved.workItems, {
          workItemType: listingType,
          ownerRole: meeting?.chairRole ?? type?.ownerRole ?? 'coordinator',
          escalation: rule.id,
          meeting: response.meeting,
        });
        break;
      }
      case 'revisePlan': {
        const plan = own(draft.plans, response.planType);
        if (plan?.inForce && !plan.inForce.reviewDue) {
          draft.plans = { ...draft.plans, [response.planType]: { ...plan, inForce: { ...plan.inForce, reviewDue: true } } };
          changes.planEffect(draft, emit, event, response.planType, plan.inForce.version, 'reviewDue');
        }
        changes.startDraft(draft, emit, event, response.planType);
        openWork(response, response.planType);
        break;
      }
      case 'raiseToRegionalHub':
        break;
    }
  }
}

/** What the escalation action did: the step, and the nodes the flow must be routed to. */
export interface EscalationStep extends Step {
  /** Nodes to route the flow to, raised as internal events so no transition crosses regions. */
  readonly routes: readonly string[];
}

/** Runs every escalation rule the event sets off. */
export function applyEscalations(context: CaseContext, event: CaseEvent, resolved: ResolvedTemplate, changes: CaseChanges): EscalationStep {
  const source = triggerSourceOf(event.type);
  // Rules triggered by the event's own type fire whatever else the event can set off (a rule on
  // `episode.reported` fires besides the repeat rules); a rule with a `when` fires only while it holds.
  const triggered = source === 'event' ? firedRules(context, event, 'event', resolved) : [...firedRules(context, event, source, resolved), ...firedRules(context, event, 'event', resolved)];
  const fired = triggered.filter(({ rule }) => rule.when === undefined || conditionHolds(rule.when, context, resolved.conditionRules));
  const routes: string[] = [];
  const step = change(context, (draft, emit) => {
    if (source === 'timer') {
      const timer = own(context.timers, text(event.payload.timerId));
      // A wait node's own timer is removed by the node's exit; every other timer is done once fired.
      if (timer && timer.purpose !== 'wait') dropTimer(draft, timer.id);
    }
    if (source === 'condition') {
      const held: Record<string, boolean> = {};
      for (const rule of resolved.escalations.values()) {
        if (rule.trigger.kind === 'condition') held[rule.id] = conditionHolds(rule.trigger.condition, context, resolved.conditionRules);
      }
      draft.conditionsHeld = held;
    }
    for (const { rule, workItemId } of fired) respond(draft, emit, event, resolved, changes, rule, workItemId, routes);
  });
  return { ...step, routes };
}
