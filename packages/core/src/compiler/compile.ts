import { and, setup, type AnyStateMachine } from 'xstate';
import type { HumanTaskNode, PathwayNode } from '../model/nodes.js';
import type { TimeSpan, TimeSpanOrRef } from '../model/parameters.js';
import { practiceSteps, type PracticeStep } from '../model/practice-steps.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent, type Transition } from '../model/transitions.js';
import { PathwaysError } from '../errors/problem.js';
import { parseTemplate } from '../model/parse-template.js';
import { caseActions } from './case-actions.js';
import type { CaseContext, CaseEvent, CaseInput } from './case-context.js';
import { contentHash } from './content-hash.js';
import { caseGuards } from './case-guards.js';

/** What each node state carries in its `meta`, so views can name the active activity and step. */
export interface NodeMeta {
  readonly nodeId: string;
  readonly nodeType: PathwayNode['type'];
  readonly step: PracticeStep;
}

/** A compiled pathway: the XState machine plus the lookups the engine needs. */
export interface CompiledPathway {
  readonly template: PathwayTemplate;
  /** Hash of the template content the machine was compiled from. */
  readonly contentHash: string;
  readonly machine: AnyStateMachine;
}

type ActionObject = { type: string; params?: Record<string, unknown> };
type GuardObject = { type: string; params?: Record<string, unknown> } | ReturnType<typeof and>;
interface TransitionConfig {
  target: string;
  guard?: GuardObject;
  actions: ActionObject[];
}
interface StateConfig {
  id?: string;
  initial?: string;
  type?: 'parallel';
  meta?: NodeMeta | { step: PracticeStep };
  entry?: ActionObject[];
  exit?: ActionObject[];
  on?: Record<string, TransitionConfig[]>;
  always?: TransitionConfig[];
  states?: Record<string, StateConfig>;
}

/** State id of a node, so transitions can target it from any stage of the flow region. */
export function nodeStateId(nodeId: string): string {
  return `node:${nodeId}`;
}

function resolveSpan(template: PathwayTemplate, span: TimeSpanOrRef): TimeSpan {
  if (typeof span === 'string' || !('param' in span)) return span;
  const parameter = template.parameters[span.param];
  if (!parameter || parameter.kind !== 'duration') throw new PathwaysError('PWY_PARAMETER_UNKNOWN', `No duration parameter named "${span.param}".`);
  return parameter.value;
}

function compileTransition(transition: Transition, fromType: PathwayNode['type']): TransitionConfig {
  const guards: GuardObject[] = [];
  if (transition.on === timerFiredEvent && fromType === 'wait') guards.push({ type: 'timerOfNode', params: { node: transition.from } });
  if (transition.guard) guards.push({ type: transition.guard.name, params: transition.guard.params });
  const actions = transition.actions.map((action): ActionObject => {
    if (action.name === 'notifyRole') {
      return { type: 'notifyRole', params: { role: action.params.role, message: action.params.message ?? transition.id, node: transition.from } };
    }
    return { type: action.name, params: action.params };
  });
  const config: TransitionConfig = { target: `#${nodeStateId(transition.to)}`, actions };
  if (guards.length === 1) config.guard = guards[0]!;
  else if (guards.length > 1) config.guard = and(guards as unknown as Parameters<typeof and>[0]) as GuardObject;
  return config;
}

function compileNode(template: PathwayTemplate, node: PathwayNode, outgoing: readonly Transition[]): StateConfig {
  const state: StateConfig = {
    id: nodeStateId(node.id),
    meta: { nodeId: node.id, nodeType: node.type, step: node.stage },
    entry: [],
    exit: [],
  };
  if (node.type === 'humanTask') {
    state.entry!.push({ type: 'openWorkItem', params: workItemParams(template, node) });
    const completingEvents = [...new Set(outgoing.filter((t) => t.workItem === 'done' && t.on).map((t) => t.on!))];
    state.exit!.push({ type: 'closeWorkItems', params: { node: node.id, completingEvents } });
  } else if (node.type === 'wait') {
    state.entry!.push({ type: 'scheduleTimer', params: { node: node.id, span: resolveSpan(template, node.duration) } });
    state.exit!.push({ type: 'cancelTimers', params: { node: node.id } });
  } else if (node.type === 'notify') {
    state.entry!.push({ type: 'notifyRole', params: { role: node.role, message: node.id, node: node.id } });
  }
  const on: Record<string, TransitionConfig[]> = {};
  const always: TransitionConfig[] = [];
  for (const transition of outgoing) {
    const compiled = compileTransition(transition, node.type);
    if (transition.on === undefined) always.push(compiled);
    else (on[transition.on] ??= []).push(compiled);
  }
  if (Object.keys(on).length > 0) state.on = on;
  if (always.length > 0) state.always = always;
  return state;
}

function workItemParams(template: PathwayTemplate, node: HumanTaskNode) {
  return {
    node: node.id,
    workItemType: node.workItemType ?? node.id,
    ownerRole: node.ownerRole,
    ...(node.due === undefined ? {} : { due: resolveSpan(template, node.due) }),
  };
}

function buildMachine(template: PathwayTemplate) {
  const outgoing = new Map<string, Transition[]>();
  for (const transition of template.transitions) {
    const list = outgoing.get(transition.from) ?? [];
    list.push(transition);
    outgoing.set(transition.from, list);
  }
  const stages: Record<string, StateConfig> = {};
  for (const step of practiceSteps) {
    const nodes = template.nodes.filter((node) => node.stage === step);
    const stageState: StateConfig = { id: `stage:${step}`, meta: { step } };
    if (nodes.length > 0) {
      const start = nodes.find((node) => node.type === 'start') ?? nodes[0]!;
      stageState.initial = start.id;
      stageState.states = Object.fromEntries(nodes.map((node) => [node.id, compileNode(template, node, outgoing.get(node.id) ?? [])]));
    }
    stages[step] = stageState;
  }

  const config: StateConfig & { context: (args: { input: CaseInput }) => CaseContext } = {
    type: 'parallel',
    context: ({ input }) => ({
      caseId: input.caseId,
      openedAt: input.openedAt,
      pending: [],
      idSeq: 0,
      idCount: 0,
      workItems: {},
      timers: {},
      milestones: {},
    }),
    states: {
      flow: { id: 'flow', initial: 'recognition', states: stages },
    },
  };

  const builder = setup({
    types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput },
    actions: caseActions(template.locality),
    guards: caseGuards,
  });
  // The config is built from template data, so action and guard names are only known at run
  // time; parseTemplate has already checked every name against the implementations above.
  type MachineConfig = Parameters<typeof builder.createMachine>[0];
  return builder.createMachine({ id: 'case', ...config } as unknown as MachineConfig);
}

const cache = new Map<string, CompiledPathway>();
const cacheLimit = 64;

/**
 * Compiles a template into an XState v5 machine. Pure and deterministic; results are cached by
 * the template's content hash, so compiling the same content twice returns the same machine.
 * Throws a `PathwaysError` with every problem if the template is not valid.
 */
export function compile(template: PathwayTemplate): CompiledPathway {
  const hash = contentHash(template);
  const cached = cache.get(hash);
  if (cached) return cached;
  const checked = parseTemplate(template);
  if (!checked.ok) {
    throw new PathwaysError('PWY_TEMPLATE_UNUSABLE', `The template has ${checked.problems.length} problem(s); run \`pathways validate\`.`, checked.problems);
  }
  const compiled: CompiledPathway = { template: checked.template, contentHash: hash, machine: buildMachine(checked.template) };
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(hash, compiled);
  return compiled;
}
