import { isCaseCommand } from '../model/case-commands.js';
import type { FlowEdge } from '../model/flow-graph.js';
import { internalEventTypes } from '../model/internal-events.js';
import type { HumanTaskNode, PathwayNode } from '../model/nodes.js';
import { practiceStepNames, practiceSteps, type PracticeStep } from '../model/practice-steps.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent } from '../model/transitions.js';
import type { CloseWorkItemsParams, OpenWorkItemParams } from './case-actions.js';
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

/** A named action with JSON params, or a raised follow-up event (resolved by the machine builder). */
export type ActionConfig = { readonly type: string; readonly params?: unknown } | { readonly raise: string; readonly payload?: 'tierRaised' | 'milestone' | 'route'; readonly value?: string };

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
  if (edge.guard) guards.push({ type: edge.guard.name, params: edge.guard.params });
  if (edge.when) guards.push({ type: 'conditionHolds', params: { condition: edge.when, about: `The condition of "${edge.id}"` } });
  // Sentries: leaving a stage needs its exit criterion; entering one needs its entry criterion.
  if (edge.stageExit) guards.push({ type: 'conditionHolds', params: { condition: edge.stageExit.condition, about: `${stageName(edge.stageExit.step)} exit criterion`.replace(/^the/, 'The') } });
  if (edge.stageEntry) guards.push({ type: 'conditionHolds', params: { condition: edge.stageEntry.condition, about: `${stageName(edge.stageEntry.step)} entry criterion`.replace(/^the/, 'The') } });
  const actions = edge.actions.flatMap((action): ActionConfig[] => {
    if (action.name === 'notifyRole') {
      return [{ type: 'notifyRole', params: { role: action.params.role, message: action.params.message ?? edge.id, node: edge.from } }];
    }
    return [{ type: 'recordMilestone', params: { milestone: action.params.milestone } }, { raise: internalEventTypes.milestoneReached, payload: 'milestone', value: String(action.params.milestone) }];
  });
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
    ...(due === undefined ? {} : { due: resolved.resolveSpan(due) }),
  };
}

function compileNode(resolved: ResolvedTemplate, node: PathwayNode): StateConfig {
  const outgoing = resolved.graph.outgoing(node.id);
  const entry: ActionConfig[] = [];
  const exit: ActionConfig[] = [];
  if (node.type === 'humanTask') {
    entry.push({ type: 'openWorkItem', params: workItemParams(resolved, node) });
    const completingEvents = [...new Set(outgoing.filter((t) => t.workItem === 'done' && t.on).map((t) => t.on!))];
    exit.push({ type: 'closeWorkItems', params: { node: node.id, completingEvents } satisfies CloseWorkItemsParams });
  } else if (node.type === 'wait') {
    entry.push({ type: 'scheduleWait', params: { node: node.id, span: resolved.resolveSpan(node.duration) } });
    exit.push({ type: 'cancelWaits', params: { node: node.id } });
  } else if (node.type === 'notify') {
    entry.push({ type: 'notifyRole', params: { role: node.role, message: node.id, node: node.id } });
  } else if (node.type === 'end') {
    // Closing ends everything still outstanding: open work items are cancelled, timers too.
    entry.push({ type: 'closeCase' });
  }
  const on: Record<string, TransitionConfig[]> = {};
  const always: TransitionConfig[] = [];
  for (const edge of outgoing) {
    const compiled = compileEdge(resolved, edge);
    if (edge.on === undefined) always.push(compiled);
    else (on[edge.on] ??= []).push(compiled);
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
      on[tiers.lowering.event] = withEscalation(resolved.template, tiers.lowering.event, lower.map((tier) =>
        transition({
          target: tier,
          guards: [{ type: 'caseOpen' }, { type: 'tierLoweringAllowed' }, { type: 'payloadEquals', params: { field: 'toTier', value: tier } }],
          actions: [{ type: 'setTier', params: { tier, direction: 'lowered' } }],
        }),
      ));
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

/** The records region: the built-in commands that record persons, risk, episodes, work items and plans. */
function recordsRegion(resolved: ResolvedTemplate): StateConfig {
  const { template } = resolved;
  const recompute: ActionConfig = { raise: internalEventTypes.tierRecompute };
  const checks: ActionConfig[] = resolved.checksConditions ? [{ raise: internalEventTypes.conditionsCheck }] : [];
  const open: GuardRef = { type: 'caseOpen' };
  const on: Record<string, TransitionConfig[]> = {
    'person.added': [transition({ guards: [open], actions: [{ type: 'addPerson' }, ...(template.tiers ? [recompute] : []), ...checks] })],
    'episode.reported': [transition({ guards: [open], actions: [{ type: 'recordEpisode' }, ...checks] })],
    'workItem.progressed': [transition({ guards: [open, { type: 'hasOpenWorkItems' }, { type: 'workItemOpen' }], actions: [{ type: 'progressWorkItem' }, ...checks] })],
  };
  if (template.tiers) {
    on['risk.assessed'] = [transition({ guards: [open, { type: 'personInCase' }], actions: [{ type: 'recordRisk' }, recompute, ...checks] })];
    on['tier.overridden'] = [transition({ guards: [open], actions: [{ type: 'recordOverride' }, recompute, ...checks] })];
  }
  if (template.planTypes.length > 0) {
    on['plan.actionAdded'] = [transition({ guards: [open], actions: [{ type: 'addPlanAction' }, ...checks] })];
    on['plan.approved'] = [transition({ guards: [open, { type: 'planApprovable' }], actions: [{ type: 'approvePlan' }, ...checks] })];
    on['plan.reviewed'] = [transition({ guards: [open], actions: [{ type: 'reviewPlan' }, ...checks] })];
  }
  return { id: 'records', on: Object.fromEntries(Object.entries(on).map(([event, transitions]) => [event, withEscalation(template, event, transitions)])) };
}

/**
 * Events that trigger escalation rules, split by who handles them. A template's own events are
 * handled by the escalations region in every state (a barrier can be raised at any time). A
 * built-in command or the tier-lowering event has guards of its own (an open work item, a plan's
 * approval condition, a reasoned lowering), so its escalation rides on the transition that takes
 * it: a refused command never sets an escalation off.
 */
function ridingEscalations(template: PathwayTemplate): { readonly template: ReadonlySet<string>; readonly guarded: ReadonlySet<string> } {
  const own = new Set<string>();
  const guarded = new Set<string>();
  for (const rule of template.escalations) {
    if (rule.trigger.kind !== 'event' || rule.trigger.event === 'episode.reported') continue;
    if (isCaseCommand(rule.trigger.event) || rule.trigger.event === template.tiers?.lowering.event) guarded.add(rule.trigger.event);
    else own.add(rule.trigger.event);
  }
  return { template: own, guarded };
}

/** Adds the escalation action to a guarded command's transitions when a rule triggers on it. */
function withEscalation(template: PathwayTemplate, event: string, transitions: readonly TransitionConfig[]): TransitionConfig[] {
  if (!ridingEscalations(template).guarded.has(event)) return [...transitions];
  return transitions.map((t) => ({ ...t, actions: [...t.actions, { type: 'escalate' }] }));
}

/** The escalations region: handlers for every trigger; routes are raised, never targeted across regions. */
function escalationsRegion(resolved: ResolvedTemplate): StateConfig {
  const escalate: ActionConfig = { type: 'escalate' };
  const checks: ActionConfig[] = resolved.checksConditions ? [{ raise: internalEventTypes.conditionsCheck }] : [];
  const on: Record<string, TransitionConfig[]> = {
    [internalEventTypes.tierRaised]: [transition({ actions: [escalate, ...checks] })],
    'episode.reported': [transition({ guards: [{ type: 'caseOpen' }], actions: [escalate] })],
    [timerFiredEvent]: [transition({ guards: [{ type: 'timerDue' }], actions: [escalate, ...checks] })],
  };
  if (resolved.checksConditions) on[internalEventTypes.conditionsCheck] = [transition({ actions: [escalate] })];
  for (const event of ridingEscalations(resolved.template).template) {
    if (!on[event]) on[event] = [transition({ guards: [{ type: 'caseOpen' }], actions: [escalate, ...checks] })];
  }
  return { id: 'escalations', on };
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
  return { id: 'case', type: 'parallel', entry: [{ type: 'recordOpening' }], states: regions };
}
