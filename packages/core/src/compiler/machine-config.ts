import { isCaseCommand } from '../model/case-commands.js';
import type { FlowEdge } from '../model/flow-graph.js';
import { internalEventTypes } from '../model/internal-events.js';
import type { HumanTaskNode, PathwayNode, WaitNode } from '../model/nodes.js';
import { practiceStepNames, practiceSteps, type PracticeStep } from '../model/practice-steps.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent } from '../model/transitions.js';
import type { CloseWorkItemsParams, OpenWorkItemParams, ScheduleWaitParams } from './case-actions.js';
import { allGuards, type GuardRef } from './case-guards.js';
import type { ResolvedTemplate } from './resolved-template.js';

/** What each node state carries in its `meta`, so views can name the active activity and step. */
export interface NodeMeta {
  readonly nodeId: string;
  readonly nodeType: PathwayNode['type'];
  readonly step: PracticeStep;
}

/** What a compiled transition carries in its `meta`: the template transition or rule it stands for. */
export interface TransitionMeta {
  /** The template transition, for flow transitions. */
  readonly transition?: string;
  /** The escalation rule, for routes. */
  readonly rule?: string;
}

/**
 * A named action with JSON params, or a raised follow-up event (resolved by the machine builder):
 * its payload carries the tier being left and reached (`tierRaised`), a milestone, the command
 * that caused it (`cause`), or the command's own payload with its cause (`event`).
 */
export type ActionConfig = { readonly type: string; readonly params?: unknown } | { readonly raise: string; readonly payload?: 'tierRaised' | 'milestone' | 'cause' | 'event'; readonly value?: string };

export interface TransitionConfig {
  readonly target?: string;
  readonly guard?: GuardRef;
  readonly actions: readonly ActionConfig[];
  readonly meta?: TransitionMeta;
}

export interface StateConfig {
  readonly id?: string;
  readonly initial?: string;
  readonly type?: 'parallel';
  readonly meta?: NodeMeta | { readonly step: PracticeStep } | { readonly tier: string };
  readonly entry?: readonly ActionConfig[];
  readonly exit?: readonly ActionConfig[];
  readonly on?: Readonly<Record<string, readonly TransitionConfig[]>>;
  readonly always?: readonly TransitionConfig[];
  readonly states?: Readonly<Record<string, StateConfig>>;
}

/** State id of a node, so transitions can target it from any stage of the flow region. */
export function nodeStateId(nodeId: string): string {
  return `node:${nodeId}`;
}

/** One guard from a list: none, the single one, or all of them in order. */
function guardOf(guards: readonly GuardRef[]): GuardRef | undefined {
  if (guards.length === 0) return undefined;
  if (guards.length === 1) return guards[0];
  return { type: allGuards, params: { guards } };
}

function transition(config: { target?: string; guards?: readonly GuardRef[]; actions?: readonly ActionConfig[]; meta?: TransitionMeta }): TransitionConfig {
  const guard = guardOf(config.guards ?? []);
  return { ...(config.target ? { target: config.target } : {}), ...(guard ? { guard } : {}), actions: config.actions ?? [], ...(config.meta ? { meta: config.meta } : {}) };
}

const stageName = (step: PracticeStep) => `the ${practiceStepNames[step].toLowerCase()} stage's`;

/** A flow edge as a machine transition: its guards in the order they are checked, its actions, and follow-ups. */
function compileEdge(resolved: ResolvedTemplate, edge: FlowEdge): TransitionConfig {
  const guards: GuardRef[] = [];
  const from = resolved.graph.nodes.get(edge.from)!;
  if (edge.on === timerFiredEvent) {
    guards.push({ type: 'timerDue' });
    if (from.type === 'wait') guards.push({ type: 'timerOfNode', params: { node: edge.from } });
  }
  // A plan version is approved at its approval activity only, and only when its own condition holds.
  const approvedHere = edge.on === 'plan.approved' ? resolved.template.planTypes.filter((plan) => (plan.approval.node ?? edge.from) === edge.from).map((plan) => plan.id) : [];
  if (approvedHere.length > 0) guards.push({ type: 'planApprovedHere', params: { planTypes: approvedHere, node: edge.from } }, { type: 'planApprovable' });
  if (edge.guard) {
    guards.push(edge.guard.name.includes('/') ? { type: 'pluginGuard', params: { name: edge.guard.name, params: edge.guard.params, node: edge.from } } : { type: edge.guard.name, params: edge.guard.params });
  }
  if (edge.when) guards.push({ type: 'conditionHolds', params: { condition: edge.when, about: `The condition of "${edge.id}"` } });
  // Sentries: leaving a stage needs its exit criterion; entering one needs its entry criterion.
  if (edge.stageExit) guards.push({ type: 'conditionHolds', params: { condition: edge.stageExit.condition, about: `${stageName(edge.stageExit.step)} exit criterion`.replace(/^the/, 'The') } });
  if (edge.stageEntry) guards.push({ type: 'conditionHolds', params: { condition: edge.stageEntry.condition, about: `${stageName(edge.stageEntry.step)} entry criterion`.replace(/^the/, 'The') } });
  const actions: ActionConfig[] = approvedHere.length > 0 ? [{ type: 'approvePlan' }] : [];
  for (const action of edge.actions) {
    if (action.name.includes('/')) {
      actions.push({ type: 'pluginAction', params: { name: action.name, params: action.params, node: edge.from, transition: edge.id } });
    } else if (action.name === 'notifyRole') {
      actions.push({ type: 'notifyRole', params: { role: action.params.role, message: action.params.message ?? edge.id, node: edge.from, transition: edge.id } });
    } else {
      actions.push({ type: 'recordMilestone', params: { milestone: action.params.milestone, transition: edge.id } }, { raise: internalEventTypes.milestoneReached, payload: 'milestone', value: String(action.params.milestone) });
    }
  }
  // Condition-triggered escalations are re-checked after anything that can change what holds.
  if (resolved.checksConditions) actions.push({ raise: internalEventTypes.conditionsCheck });
  return transition({ target: `#${nodeStateId(edge.to)}`, guards, actions, meta: { transition: edge.id } });
}

function workItemParams(resolved: ResolvedTemplate, node: HumanTaskNode): OpenWorkItemParams {
  const { template } = resolved;
  const type = node.workItemType === undefined ? undefined : template.workItemTypes.find((w) => w.id === node.workItemType);
  const due = node.due ?? type?.due;
  const ownerAgency = node.ownerAgency ?? type?.ownerAgency;
  return {
    node: node.id,
    workItemType: node.workItemType ?? node.id,
    ownerRole: node.ownerRole ?? type?.ownerRole ?? 'coordinator',
    ...(ownerAgency ? { ownerAgency } : {}),
    ...(due === undefined ? {} : { due: resolved.resolveDeadline(due) }),
    ...(node.meeting ? { meeting: node.meeting } : {}),
  };
}

/** A wait node's entry: a span (its own, a parameter's, or its meeting's cadence), or until an instant counted from a case fact. */
function waitParams(resolved: ResolvedTemplate, node: WaitNode): ScheduleWaitParams {
  const deadline = resolved.resolveDeadline(node.duration);
  return deadline.kind === 'span' ? { node: node.id, span: deadline.span } : { node: node.id, from: deadline.offset };
}

function compileNode(resolved: ResolvedTemplate, node: PathwayNode): StateConfig {
  const outgoing = resolved.graph.outgoing(node.id);
  const entry: ActionConfig[] = [];
  const exit: ActionConfig[] = [];
  // Entering an activity where a plan is developed starts the plan's next version first.
  for (const plan of resolved.template.planTypes) if (plan.developedAt.includes(node.id)) entry.push({ type: 'startPlanVersion', params: { planType: plan.id } });
  if (node.type === 'humanTask') {
    entry.push({ type: 'openWorkItem', params: workItemParams(resolved, node) });
    const completingEvents = [...new Set(outgoing.filter((t) => t.workItem === 'done' && t.on).map((t) => t.on!))];
    exit.push({ type: 'closeWorkItems', params: { node: node.id, completingEvents } satisfies CloseWorkItemsParams });
  } else if (node.type === 'wait') {
    entry.push({ type: 'scheduleWait', params: waitParams(resolved, node) });
    exit.push({ type: 'cancelWaits', params: { node: node.id } });
  } else if (node.type === 'notify') {
    entry.push({ type: 'notifyRole', params: { role: node.role, message: node.id, node: node.id } });
  } else if (node.type === 'end') {
    // Closing ends everything still outstanding: open work items are cancelled, timers too.
    entry.push({ type: 'closeCase' });
  } else {
    // A plugin's node: the work item its node type opens (like a human task's), then its own hook.
    const contribution = resolved.plugins.nodeType(node.type);
    const workItemType = contribution?.definition.workItemType;
    if (workItemType !== undefined) {
      const type = resolved.template.workItemTypes.find((w) => w.id === workItemType);
      const due = resolved.typeDeadline(workItemType);
      entry.push({ type: 'openWorkItem', params: { node: node.id, workItemType, ownerRole: type?.ownerRole ?? 'coordinator', ...(type?.ownerAgency ? { ownerAgency: type.ownerAgency } : {}), ...(due ? { due } : {}) } satisfies OpenWorkItemParams });
      const completingEvents = [...new Set(outgoing.filter((t) => t.workItem === 'done' && t.on).map((t) => t.on!))];
      exit.push({ type: 'closeWorkItems', params: { node: node.id, completingEvents } satisfies CloseWorkItemsParams });
    }
    if (contribution?.definition.enter) entry.push({ type: 'pluginEnter', params: { type: node.type, node: node.id } });
  }
  const on: Record<string, TransitionConfig[]> = {};
  const always: TransitionConfig[] = [];
  for (const edge of outgoing) {
    const compiled = compileEdge(resolved, edge);
    if (edge.on === undefined) always.push(compiled);
    else (on[edge.on] ??= []).push(compiled);
  }
  // At a review point the reasoned lowering is taken here and handed to the tier region.
  const tiers = resolved.template.tiers;
  if (tiers?.lowering.at?.includes(node.id)) {
    (on[tiers.lowering.event] ??= []).push(
      transition({ guards: [{ type: 'caseOpen' }, { type: 'tierLoweringAllowed' }], actions: [{ raise: internalEventTypes.tierLower, payload: 'event' }] }),
    );
  }
  return {
    id: nodeStateId(node.id),
    meta: { nodeId: node.id, nodeType: node.type, step: node.stage },
    entry,
    exit,
    ...(Object.keys(on).length > 0 ? { on } : {}),
    ...(always.length > 0 ? { always } : {}),
  };
}

/** The flow region: one compound state per practice step, nodes inside; escalation routes at its root. */
function flowRegion(resolved: ResolvedTemplate): StateConfig {
  const { template, graph } = resolved;
  const stages: Record<string, StateConfig> = {};
  for (const step of practiceSteps) {
    const inStage = template.nodes.filter((node) => node.stage === step);
    stages[step] =
      inStage.length > 0
        ? {
            id: `stage:${step}`,
            meta: { step },
            initial: (inStage.find((node) => node.type === 'start') ?? inStage[0]!).id,
            states: Object.fromEntries(inStage.map((node) => [node.id, compileNode(resolved, node)])),
          }
        : { id: `stage:${step}`, meta: { step } };
  }
  const routeTargets = [...new Set(graph.routes.map((route) => route.to))];
  return {
    id: 'flow',
    initial: 'recognition',
    states: stages,
    ...(routeTargets.length > 0
      ? { on: { [internalEventTypes.escalationRoute]: routeTargets.map((node) => transition({ target: `#${nodeStateId(node)}`, guards: [{ type: 'routesTo', params: { node } }] })) } }
      : {}),
  };
}

/** The tier region: one state per tier; it rises on recomputation and falls only on the reasoned lowering event. */
function tierRegion(resolved: ResolvedTemplate): StateConfig {
  const tiers = resolved.template.tiers!;
  const levels = tiers.levels.map((level) => level.id);
  const reviewPoints = tiers.lowering.at;
  const states: Record<string, StateConfig> = {};
  ['unassessed', ...levels].forEach((state, rank) => {
    const higher = levels.slice(Math.max(0, rank));
    const lower = levels.slice(0, Math.max(0, rank - 1));
    const on: Record<string, TransitionConfig[]> = {};
    if (higher.length > 0) {
      on[internalEventTypes.tierRecompute] = higher.map((tier) =>
        transition({
          target: tier,
          guards: [{ type: 'tierRisesTo', params: { tier } }],
          // The follow-up is resolved before setTier so it still sees the tier being left.
          actions: [{ raise: internalEventTypes.tierRaised, payload: 'tierRaised', value: tier }, { type: 'setTier', params: { tier, direction: 'raised' } }],
        }),
      );
    }
    if (lower.length > 0) {
      // With review points the flow takes the lowering there and raises `tier.lower`; without, the tier takes it anywhere.
      const lowering = (tier: string) =>
        transition({
          target: tier,
          guards: [...(reviewPoints ? [] : [{ type: 'caseOpen' }, { type: 'tierLoweringAllowed' }]), { type: 'payloadEquals', params: { field: 'toTier', value: tier } }],
          actions: [{ type: 'setTier', params: { tier, direction: 'lowered' } }],
        });
      on[reviewPoints ? internalEventTypes.tierLower : tiers.lowering.event] = lower.map(lowering);
    }
    if (reviewPoints) {
      on[tiers.lowering.event] = [
        ...(on[tiers.lowering.event] ?? []),
        transition({ guards: [{ type: 'onlyAt', params: { code: 'PWY_TIER_LOWERING_INVALID', message: `The tier is lowered only at a review point (${reviewPoints.join(', ')}), never at intake or triage.` } }] }),
      ];
    }
    states[state] = { meta: { tier: state }, ...(Object.keys(on).length > 0 ? { on } : {}) };
  });
  return { id: 'tier', initial: 'unassessed', states };
}

/** The milestones region: each milestone is pending until reached, then reached for good. */
function milestonesRegion(template: PathwayTemplate): StateConfig {
  const states: Record<string, StateConfig> = {};
  for (const milestone of template.milestones) {
    states[milestone.id] = {
      initial: 'pending',
      states: {
        pending: { on: { [internalEventTypes.milestoneReached]: [transition({ target: 'reached', guards: [{ type: 'payloadEquals', params: { field: 'milestone', value: milestone.id } }] })] } },
        reached: {},
      },
    };
  }
  return { id: 'milestones', type: 'parallel', states };
}

/** The records region: the built-in commands that record persons, risk, episodes, facts, work items, workers and plans. */
function recordsRegion(resolved: ResolvedTemplate): StateConfig {
  const { template } = resolved;
  const recompute: ActionConfig = { raise: internalEventTypes.tierRecompute, payload: 'cause' };
  const checks: ActionConfig[] = resolved.checksConditions ? [{ raise: internalEventTypes.conditionsCheck }] : [];
  const open: GuardRef = { type: 'caseOpen' };
  const openWork: GuardRef[] = [open, { type: 'hasOpenWorkItems' }, { type: 'workItemOpen' }];
  const on: Record<string, TransitionConfig[]> = {
    'person.added': [transition({ guards: [open], actions: [{ type: 'addPerson' }, ...(template.tiers ? [recompute] : []), ...checks] })],
    'episode.reported': [transition({ guards: [open, { type: 'episodeNew' }], actions: [{ type: 'recordEpisode' }, ...checks] })],
    'workItem.progressed': [transition({ guards: openWork, actions: [{ type: 'progressWorkItem' }, ...checks] })],
    'workItem.assigned': [transition({ guards: openWork, actions: [{ type: 'assignWorkItem' }] })],
    'worker.assigned': [transition({ guards: [open], actions: [{ type: 'assignWorker' }] })],
  };
  if (template.facts.length > 0) on['fact.recorded'] = [transition({ guards: [open], actions: [{ type: 'recordFact' }, ...checks] })];
  // An event that only records dated facts (e.g. a release date from Corrections) can be sent at
  // any step; the recording rides on this transition like on any other (see ridingActions).
  const flowEvents = new Set(resolved.graph.edges.map((edge) => edge.on));
  const escalationEvents = ridingActions(resolved).escalationEvents;
  for (const event of template.events) {
    if (!event.records || Object.keys(event.records).length === 0 || flowEvents.has(event.type) || escalationEvents.has(event.type)) continue;
    on[event.type] = [transition({ guards: [open], actions: [...checks] })];
  }
  // A plugin's event that is a case record (a report of concern) is taken at any step where no flow
  // transition takes it; its record hook rides on this transition (see ridingActions).
  for (const event of resolved.plugins.events) {
    if (!event.definition.record || flowEvents.has(event.key) || escalationEvents.has(event.key)) continue;
    on[event.key] = [transition({ guards: [open], actions: [...checks] })];
  }
  if (template.tiers) {
    on['risk.assessed'] = [transition({ guards: [open, { type: 'personInCase' }], actions: [{ type: 'recordRisk' }, recompute, ...checks] })];
    on['tier.overridden'] = [transition({ guards: [open], actions: [{ type: 'recordOverride' }, recompute, ...checks] })];
    if (resolved.plugins.plugins.some((plugin) => Object.keys(plugin.definition.riskTools ?? {}).length > 0)) {
      on['riskTool.completed'] = [transition({ guards: [open, { type: 'personInCase' }, { type: 'judgementRaises' }], actions: [{ type: 'recordRiskTool' }, recompute, ...checks] })];
    }
  }
  if (template.planTypes.length > 0) {
    on['plan.actionAdded'] = [transition({ guards: [open], actions: [{ type: 'addPlanAction' }, ...checks] })];
    on['plan.reviewed'] = [transition({ guards: [open], actions: [{ type: 'reviewPlan' }, ...checks] })];
    // Approval is taken at each plan's approval activity (see compileEdge); anywhere else, this says where.
    const approvalSteps = [...new Set(resolved.graph.edges.filter((edge) => edge.on === 'plan.approved').map((edge) => edge.from))];
    const places = template.planTypes.map((plan) => `${plan.id} at ${plan.approval.node ? `"${plan.approval.node}"` : approvalSteps.map((node) => `"${node}"`).join(' or ')}`).join(', ');
    on['plan.approved'] = [transition({ guards: [{ type: 'onlyAt', params: { code: 'PWY_COMMAND_NOT_ALLOWED', message: `A plan version is approved at its approval step only: ${places}.` } }] })];
  }
  return { id: 'records', on };
}

/** The escalations region: handlers for every trigger; routes are raised, never targeted across regions. */
function escalationsRegion(resolved: ResolvedTemplate): StateConfig {
  const escalate: ActionConfig = { type: 'escalate' };
  const checks: ActionConfig[] = resolved.checksConditions ? [{ raise: internalEventTypes.conditionsCheck }] : [];
  const on: Record<string, TransitionConfig[]> = {
    [internalEventTypes.tierRaised]: [transition({ actions: [escalate, ...checks] })],
    'episode.reported': [transition({ guards: [{ type: 'caseOpen' }, { type: 'episodeNew' }], actions: [escalate] })],
    [timerFiredEvent]: [transition({ guards: [{ type: 'timerDue' }], actions: [escalate, ...checks] })],
    [internalEventTypes.factChanged]: [transition({ actions: [escalate, ...checks] })],
  };
  if (resolved.checksConditions) on[internalEventTypes.conditionsCheck] = [transition({ actions: [escalate] })];
  for (const event of ridingActions(resolved).escalationEvents) {
    if (!on[event]) on[event] = [transition({ guards: [{ type: 'caseOpen' }], actions: [escalate, ...checks] })];
  }
  return { id: 'escalations', on };
}

/** A plugin event's record hook: its guard and action, on every transition of the event (the action first). */
interface Recorder {
  readonly guard?: GuardRef;
  readonly action: { readonly type: 'pluginAction'; readonly params: { readonly name: string; readonly params: Readonly<Record<string, unknown>> } };
}

/** The record hooks of the installed plugins' events, by event type. */
function recorders(resolved: ResolvedTemplate): ReadonlyMap<string, Recorder> {
  const found = new Map<string, Recorder>();
  for (const { plugin, key, definition } of resolved.plugins.events) {
    if (!definition.record) continue;
    const { action, guard } = definition.record;
    found.set(key, {
      ...(guard === undefined ? {} : { guard: { type: 'pluginGuard', params: { name: `${plugin.name}/${guard}`, params: {} } } }),
      action: { type: 'pluginAction', params: { name: `${plugin.name}/${action}`, params: {} } },
    });
  }
  return found;
}

/**
 * What events do besides the transitions that take them, attached to every transition of the
 * event wherever it is taken (a refused command does none of it):
 * - an event that `records` case facts records them from its payload;
 * - an event that `assessesTier` records the decision and has the tier re-derived;
 * - a built-in command or the tier-lowering event that triggers an escalation rule runs the rule on
 *   the transition that takes it (its own guards decide). A template's own events that trigger
 *   rules are handled by the escalations region in every state instead (a barrier can be raised at
 *   any time): `escalationEvents`.
 */
function ridingActions(resolved: ResolvedTemplate): { readonly byEvent: ReadonlyMap<string, readonly ActionConfig[]>; readonly escalationEvents: ReadonlySet<string> } {
  const { template } = resolved;
  const byEvent = new Map<string, ActionConfig[]>();
  const add = (event: string, ...actions: ActionConfig[]) => byEvent.set(event, [...(byEvent.get(event) ?? []), ...actions]);
  for (const event of template.events) {
    if (event.records && Object.keys(event.records).length > 0) add(event.type, { type: 'recordFactsFromPayload', params: { fields: event.records } });
    if (event.assessesTier) add(event.type, { type: 'recordDecision', params: event.assessesTier }, { raise: internalEventTypes.tierRecompute, payload: 'cause' });
  }
  const escalationEvents = new Set<string>();
  // A plugin trigger type is asked after the events it names, like an event trigger on each.
  const triggerEvents = template.escalations.flatMap((rule) => {
    if (rule.trigger.kind === 'event') return [rule.trigger.event];
    if (rule.trigger.kind === 'plugin') return resolved.plugins.trigger(rule.trigger.type)?.definition.on ?? [];
    return [];
  });
  // An event the flow takes somewhere is the flow's: the escalation rides on the flow's transitions,
  // so a command the flow refuses (wrong step, a guard) stays refused and sets nothing off. Only an
  // event no flow transition takes (a barrier raised, information requested) is taken at any step.
  const flowEvents = new Set(resolved.graph.edges.map((edge) => edge.on));
  for (const event of new Set(triggerEvents)) {
    if (event === 'episode.reported' || event === timerFiredEvent) continue;
    if (isCaseCommand(event) || event === template.tiers?.lowering.event || flowEvents.has(event)) {
      if (!byEvent.get(event)?.some((action) => 'type' in action && action.type === 'escalate')) add(event, { type: 'escalate' });
    } else escalationEvents.add(event);
  }
  return { byEvent, escalationEvents };
}

interface Riding {
  readonly byEvent: ReadonlyMap<string, readonly ActionConfig[]>;
  readonly escalationEvents: ReadonlySet<string>;
  readonly recorders: ReadonlyMap<string, Recorder>;
}

const namesAction = (actions: readonly ActionConfig[], name: string) => actions.some((action) => 'type' in action && action.type === 'pluginAction' && (action.params as { name?: unknown }).name === name);

/**
 * A transition with what rides on its event: the record hook's guard after the transition's own (so
 * a closed case or a wrong step is refused as such first), its action before the transition's
 * actions, the riding actions last.
 */
function ride(t: TransitionConfig, event: string, riding: Riding, region: string | undefined): TransitionConfig {
  const extra = (riding.byEvent.get(event) ?? []).filter((action) => !(region === 'escalations' && 'type' in action && action.type === 'escalate' && riding.escalationEvents.has(event)));
  const recorder = riding.recorders.get(event);
  if (!recorder && extra.length === 0) return t;
  // A transition that names the record action itself runs it once.
  const first = recorder && !namesAction(t.actions, recorder.action.params.name) ? [recorder.action] : [];
  const guard = guardOf([...(t.guard ? [t.guard] : []), ...(recorder?.guard ? [recorder.guard] : [])]);
  const { guard: _replaced, ...rest } = t;
  return { ...rest, ...(guard ? { guard } : {}), actions: [...first, ...t.actions, ...extra] };
}

/** Attaches what rides on each event to every transition of it, in every state of every region. */
function withRidingActions(state: StateConfig, riding: Riding, region?: string): StateConfig {
  const on = state.on ? Object.fromEntries(Object.entries(state.on).map(([event, transitions]) => [event, transitions.map((t) => ride(t, event, riding, region))])) : undefined;
  const states = state.states ? Object.fromEntries(Object.entries(state.states).map(([key, child]) => [key, withRidingActions(child, riding, region ?? key)])) : undefined;
  return { ...state, ...(on ? { on } : {}), ...(states ? { states } : {}) };
}

/** The whole statechart of a pathway, as plain configuration: parallel regions over one context. */
export function caseMachineConfig(resolved: ResolvedTemplate): StateConfig {
  const regions: Record<string, StateConfig> = {
    flow: flowRegion(resolved),
    records: recordsRegion(resolved),
    milestones: milestonesRegion(resolved.template),
    escalations: escalationsRegion(resolved),
  };
  if (resolved.template.tiers) regions.tier = tierRegion(resolved);
  const root: StateConfig = { id: 'case', type: 'parallel', entry: [{ type: 'recordOpening' }], states: regions };
  return withRidingActions(root, { ...ridingActions(resolved), recorders: recorders(resolved) });
}
