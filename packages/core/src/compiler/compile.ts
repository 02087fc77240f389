import { and, enqueueActions, raise, setup, type AnyStateMachine } from 'xstate';
import { PathwaysError } from '../errors/problem.js';
import { caseCommandPayloads } from '../model/case-commands.js';
import type { HumanTaskNode, PathwayNode } from '../model/nodes.js';
import { parseTemplate } from '../model/parse-template.js';
import { practiceSteps, type PracticeStep } from '../model/practice-steps.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent, type Transition } from '../model/transitions.js';
import { caseActions, type ResolvedTemplate } from './case-actions.js';
import type { CaseContext, CaseEvent, CaseInput } from './case-context.js';
import { caseGuards } from './case-guards.js';
import { contentHash } from './content-hash.js';
import { applyEscalations, type TriggerSource } from './escalation-logic.js';
import { resolveSpan } from './resolve-span.js';

/** What each node state carries in its `meta`, so views can name the active activity and step. */
export interface NodeMeta {
  readonly nodeId: string;
  readonly nodeType: PathwayNode['type'];
  readonly step: PracticeStep;
}

/** A compiled pathway: the XState machine plus the template it came from. */
export interface CompiledPathway {
  readonly template: PathwayTemplate;
  /** Hash of the template content the machine was compiled from. */
  readonly contentHash: string;
  readonly machine: AnyStateMachine;
}

type ActionObject = { type: string; params?: unknown } | ReturnType<typeof raise>;
type GuardObject = { type: string; params?: unknown } | ReturnType<typeof and>;
interface TransitionConfig {
  target?: string;
  guard?: GuardObject;
  actions: ActionObject[];
}
interface StateConfig {
  id?: string;
  initial?: string;
  type?: 'parallel';
  meta?: NodeMeta | { step: PracticeStep } | { tier: string };
  entry?: ActionObject[];
  exit?: ActionObject[];
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
  always?: TransitionConfig[];
  states?: Record<string, StateConfig>;
}

/** State id of a node, so transitions can target it from any stage of the flow region. */
export function nodeStateId(nodeId: string): string {
  return `node:${nodeId}`;
}

/** Raises an internal event that carries the triggering event's time, actor and sequence number. */
function raiseFollowUp(type: string, payload: (event: CaseEvent, context: CaseContext) => Record<string, unknown> = () => ({})) {
  return raise(({ event, context }: { event: CaseEvent; context: CaseContext }) => ({
    type,
    payload: payload(event, context),
    at: event.at ?? context.openedAt,
    actor: event.actor ?? 'system',
    seq: event.seq ?? 0,
  })) as unknown as ActionObject;
}

function combine(guards: GuardObject[]): GuardObject | undefined {
  if (guards.length === 0) return undefined;
  if (guards.length === 1) return guards[0];
  return and(guards as unknown as Parameters<typeof and>[0]) as GuardObject;
}

function compileTransition(template: PathwayTemplate, transition: Transition, nodes: ReadonlyMap<string, PathwayNode>): TransitionConfig {
  const from = nodes.get(transition.from)!;
  const to = nodes.get(transition.to)!;
  const guards: GuardObject[] = [];
  if (transition.on === timerFiredEvent && from.type === 'wait') guards.push({ type: 'timerOfNode', params: { node: transition.from } });
  if (transition.guard) guards.push({ type: transition.guard.name, params: transition.guard.params });
  if (transition.when) guards.push({ type: 'conditionHolds', params: { condition: transition.when } });
  // Sentries: leaving a stage needs its exit criterion; entering one needs its entry criterion.
  if (from.stage !== to.stage) {
    const exit = template.stages.find((s) => s.step === from.stage)?.exitCriterion;
    const entry = template.stages.find((s) => s.step === to.stage)?.entryCriterion;
    if (exit) guards.push({ type: 'conditionHolds', params: { condition: exit } });
    if (entry) guards.push({ type: 'conditionHolds', params: { condition: entry } });
  }
  const actions = transition.actions.flatMap((action): ActionObject[] => {
    if (action.name === 'notifyRole') {
      return [{ type: 'notifyRole', params: { role: action.params.role, message: action.params.message ?? transition.id, node: transition.from } }];
    }
    return [{ type: 'recordMilestone', params: action.params }, raiseFollowUp('milestone.reached', () => ({ milestone: action.params.milestone }))];
  });
  // Condition-triggered escalations are re-checked after anything that can change what holds.
  if (template.escalations.some((rule) => rule.trigger.kind === 'condition')) actions.push(raiseFollowUp('conditions.check'));
  const config: TransitionConfig = { target: `#${nodeStateId(transition.to)}`, actions };
  const guard = combine(guards);
  if (guard) config.guard = guard;
  return config;
}

function workItemParams(template: PathwayTemplate, node: HumanTaskNode) {
  const type = node.workItemType === undefined ? undefined : template.workItemTypes.find((w) => w.id === node.workItemType);
  const due = node.due ?? type?.due;
  const ownerAgency = node.ownerAgency ?? type?.ownerAgency;
  return {
    node: node.id,
    workItemType: node.workItemType ?? node.id,
    ownerRole: node.ownerRole ?? type?.ownerRole ?? 'coordinator',
    ...(ownerAgency ? { ownerAgency } : {}),
    ...(due === undefined ? {} : { due: resolveSpan(template, due) }),
  };
}

function compileNode(template: PathwayTemplate, node: PathwayNode, outgoing: readonly Transition[], nodes: ReadonlyMap<string, PathwayNode>): StateConfig {
  const state: StateConfig = { id: nodeStateId(node.id), meta: { nodeId: node.id, nodeType: node.type, step: node.stage }, entry: [], exit: [] };
  if (node.type === 'humanTask') {
    state.entry!.push({ type: 'openWorkItem', params: workItemParams(template, node) });
    const completingEvents = [...new Set(outgoing.filter((t) => t.workItem === 'done' && t.on).map((t) => t.on!))];
    state.exit!.push({ type: 'closeWorkItems', params: { node: node.id, completingEvents } });
  } else if (node.type === 'wait') {
    state.entry!.push({ type: 'scheduleWait', params: { node: node.id, span: resolveSpan(template, node.duration) } });
    state.exit!.push({ type: 'cancelWaits', params: { node: node.id } });
  } else if (node.type === 'notify') {
    state.entry!.push({ type: 'notifyRole', params: { role: node.role, message: node.id, node: node.id } });
  } else if (node.type === 'end') {
    // Closing ends everything still outstanding: open work items are cancelled, timers too.
    state.entry!.push({ type: 'closeCase' });
  }
  const on: Record<string, TransitionConfig[]> = {};
  const always: TransitionConfig[] = [];
  for (const transition of outgoing) {
    const compiled = compileTransition(template, transition, nodes);
    if (transition.on === undefined) always.push(compiled);
    else (on[transition.on] ??= []).push(compiled);
  }
  if (Object.keys(on).length > 0) state.on = on;
  if (always.length > 0) state.always = always;
  return state;
}

/** The flow region: one compound state per practice step, nodes inside; escalation routes at its root. */
function flowRegion(template: PathwayTemplate): StateConfig {
  const nodes = new Map(template.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<string, Transition[]>();
  for (const transition of template.transitions) {
    const list = outgoing.get(transition.from);
    if (list) list.push(transition);
    else outgoing.set(transition.from, [transition]);
  }
  const stages: Record<string, StateConfig> = {};
  for (const step of practiceSteps) {
    const inStage = template.nodes.filter((node) => node.stage === step);
    const stageState: StateConfig = { id: `stage:${step}`, meta: { step } };
    if (inStage.length > 0) {
      stageState.initial = (inStage.find((node) => node.type === 'start') ?? inStage[0]!).id;
      stageState.states = Object.fromEntries(inStage.map((node) => [node.id, compileNode(template, node, outgoing.get(node.id) ?? [], nodes)]));
    }
    stages[step] = stageState;
  }
  const routeTargets = [...new Set(template.escalations.flatMap((e) => e.response.flatMap((r) => (r.kind === 'route' ? [r.to] : []))))];
  const flow: StateConfig = { id: 'flow', initial: 'recognition', states: stages };
  if (routeTargets.length > 0) {
    flow.on = { 'escalation.route': routeTargets.map((node) => ({ guard: { type: 'routesTo', params: { node } }, target: `#${nodeStateId(node)}`, actions: [] })) };
  }
  return flow;
}

/** The tier region: one state per tier; it rises on recomputation and falls only on the reasoned lowering event. */
function tierRegion(template: PathwayTemplate): StateConfig {
  const tiers = template.tiers!;
  const levels = tiers.levels.map((level) => level.id);
  const states: Record<string, StateConfig> = {};
  const all = ['unassessed', ...levels];
  all.forEach((state, rank) => {
    const higher = levels.slice(Math.max(0, rank));
    const lower = levels.slice(0, Math.max(0, rank - 1));
    const on: Record<string, TransitionConfig[]> = {};
    if (higher.length > 0) {
      on['tier.recompute'] = higher.map((tier) => ({
        guard: { type: 'tierRisesTo', params: { tier } },
        target: tier,
        // The follow-up is resolved before setTier so it still sees the tier being left.
        actions: [raiseFollowUp('tier.raised', (_event, context) => ({ from: context.tier, to: tier })), { type: 'setTier', params: { tier, direction: 'raised' } }],
      }));
    }
    if (lower.length > 0) {
      on[tiers.lowering.event] = lower.map((tier) => ({ guard: { type: 'lowersTo', params: { tier } }, target: tier, actions: [{ type: 'setTier', params: { tier, direction: 'lowered' } }] }));
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
        pending: { on: { 'milestone.reached': [{ guard: { type: 'payloadEquals', params: { field: 'milestone', value: milestone.id } }, target: 'reached', actions: [] }] } },
        reached: {},
      },
    };
  }
  return { id: 'milestones', type: 'parallel', states };
}

/** The case region: the built-in commands that record persons, risk, episodes, work items and plans. */
function caseRegion(template: PathwayTemplate): StateConfig {
  const recompute = raiseFollowUp('tier.recompute');
  const checks = template.escalations.some((rule) => rule.trigger.kind === 'condition') ? [raiseFollowUp('conditions.check')] : [];
  return {
    id: 'records',
    on: {
      'person.added': { actions: [{ type: 'addPerson' }, recompute, ...checks] },
      'risk.assessed': { actions: [{ type: 'recordRisk' }, recompute, ...checks] },
      'tier.overridden': { actions: [{ type: 'recordOverride' }, recompute, ...checks] },
      'episode.reported': { actions: [{ type: 'recordEpisode' }, ...checks] },
      'workItem.progressed': { actions: [{ type: 'progressWorkItem' }, ...checks] },
      'plan.actionAdded': { actions: [{ type: 'addPlanAction' }, ...checks] },
      'plan.approved': { guard: { type: 'planApprovable' }, actions: [{ type: 'approvePlan' }, ...checks] },
      'plan.reviewed': { actions: [{ type: 'reviewPlan' }, ...checks] },
    },
  };
}

/** The escalations region: handlers for every trigger; routes are raised, never targeted across regions. */
function escalationsRegion(template: PathwayTemplate): StateConfig {
  const escalate = (_source: TriggerSource): ActionObject => ({ type: 'escalate' });
  const checks = template.escalations.some((rule) => rule.trigger.kind === 'condition') ? [raiseFollowUp('conditions.check')] : [];
  const on: Record<string, TransitionConfig> = {
    'tier.raised': { actions: [escalate('tierRaised'), ...checks] },
    'episode.reported': { actions: [escalate('episode')] },
    [timerFiredEvent]: { actions: [escalate('timer'), ...checks] },
  };
  if (checks.length > 0) on['conditions.check'] = { actions: [escalate('condition')] };
  for (const rule of template.escalations) {
    if (rule.trigger.kind === 'event') on[rule.trigger.event] = { actions: [escalate('event'), ...checks] };
  }
  return { id: 'escalations', on };
}

/** Which kind of escalation trigger an event (as handled by the escalations region) can set off. */
function triggerSourceOf(type: string): TriggerSource {
  if (type === 'tier.raised') return 'tierRaised';
  if (type === 'episode.reported') return 'episode';
  if (type === timerFiredEvent) return 'timer';
  if (type === 'conditions.check') return 'condition';
  return 'event';
}

function buildMachine(template: PathwayTemplate): AnyStateMachine {
  const resolved: ResolvedTemplate = {
    template,
    resolveSpan: (span) => resolveSpan(template, span),
    escalations: new Map(template.escalations.map((rule) => [rule.id, rule])),
    planReview: new Map(template.planTypes.map((plan) => [plan.id, plan.reviewEvery === undefined ? undefined : resolveSpan(template, plan.reviewEvery)])),
    missedReviewRules: template.escalations.flatMap((rule) =>
      rule.trigger.kind === 'planReviewMissed'
        ? [{ rule: rule.id, after: rule.trigger.after === undefined ? 'PT0S' : resolveSpan(template, rule.trigger.after), ...(rule.trigger.planType ? { planType: rule.trigger.planType } : {}) }]
        : [],
    ),
    workItems: {
      locality: template.locality,
      overdueRules: template.escalations.flatMap((rule) =>
        rule.trigger.kind === 'workItemOverdue'
          ? [{ rule, by: rule.trigger.by === undefined ? 'PT0S' : resolveSpan(template, rule.trigger.by), ...(rule.trigger.workItemType ? { workItemType: rule.trigger.workItemType } : {}) }]
          : [],
      ),
    },
  };
  const regions: Record<string, StateConfig> = {
    flow: flowRegion(template),
    records: caseRegion(template),
    milestones: milestonesRegion(template),
    escalations: escalationsRegion(template),
  };
  if (template.tiers) regions.tier = tierRegion(template);

  const builder = setup({
    types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput },
    actions: {
      ...caseActions(resolved),
      escalate: enqueueActions(({ context, event, enqueue }) => {
        const outcome = applyEscalations(context, event, triggerSourceOf(event.type), resolved);
        enqueue.assign(outcome.context);
        for (const node of outcome.routes) enqueue.raise({ type: 'escalation.route', payload: { node }, at: event.at, actor: 'system', seq: event.seq });
      }),
    },
    guards: caseGuards(template),
  });
  const config = {
    id: 'case',
    type: 'parallel',
    context: ({ input }: { input: CaseInput }): CaseContext => ({
      caseId: input.caseId,
      openedAt: input.openedAt,
      pending: [],
      idSeq: 0,
      idCount: 0,
      persons: Object.fromEntries(input.persons.map((person) => [person.id, person])),
      episodes: input.episode ? [input.episode] : [],
      risk: {},
      override: null,
      tier: null,
      tierHistory: [],
      workItems: {},
      plans: {},
      timers: {},
      milestones: {},
      conditionsHeld: {},
      escalations: [],
    }),
    states: regions,
  };
  // The config is built from template data, so action and guard names are only known at run
  // time; parseTemplate has already checked every name against the implementations above.
  type MachineConfig = Parameters<typeof builder.createMachine>[0];
  return builder.createMachine(config as unknown as MachineConfig);
}

const cache = new Map<string, CompiledPathway>();
// Compiling the very same template object again skips hashing its content.
const byIdentity = new WeakMap<PathwayTemplate, CompiledPathway>();
const cacheLimit = 64;

/** Built-in command types, which templates may use as transition events without declaring them. */
export const builtInEventTypes: ReadonlySet<string> = new Set(Object.keys(caseCommandPayloads));

/**
 * Compiles a template into an XState v5 machine. Pure and deterministic; results are cached by
 * the template's content hash, so compiling the same content twice returns the same machine.
 * Throws a `PathwaysError` with every problem if the template is not valid.
 */
export function compile(template: PathwayTemplate): CompiledPathway {
  const known = byIdentity.get(template);
  if (known) return known;
  const hash = contentHash(template);
  const cached = cache.get(hash);
  if (cached) {
    byIdentity.set(template, cached);
    return cached;
  }
  const checked = parseTemplate(template);
  if (!checked.ok) {
    throw new PathwaysError('PWY_TEMPLATE_UNUSABLE', `The template has ${checked.problems.length} problem(s); run \`pathways validate\`.`, checked.problems);
  }
  const compiled: CompiledPathway = { template: checked.template, contentHash: hash, machine: buildMachine(checked.template) };
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(hash, compiled);
  byIdentity.set(template, compiled);
  return compiled;
}
