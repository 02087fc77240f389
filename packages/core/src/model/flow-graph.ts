import type { Condition } from './conditions.js';
import type { PathwayNode } from './nodes.js';
import type { PracticeStep } from './practice-steps.js';
import type { PathwayTemplateData } from './template.js';
import type { ActionRef, GuardRef } from './transitions.js';

/** A stage criterion (sentry) an edge must meet because it leaves or enters a stage. */
export interface StageCriterion {
  readonly step: PracticeStep;
  readonly condition: Condition;
}

/** A template transition as an edge of the flow. */
export interface FlowEdge {
  readonly kind: 'transition';
  /** The transition's id. */
  readonly id: string;
  /** Its index under `transitions`, for problem paths. */
  readonly index: number;
  readonly from: string;
  readonly to: string;
  /** The event that takes it; undefined for automatic transitions (decision and notify nodes). */
  readonly on?: string;
  /** The named guard on the event, if any. */
  readonly guard?: GuardRef;
  /** The transition's own sentry over the case, if any. */
  readonly when?: Condition;
  /** The exit criterion of the stage it leaves, when it crosses stages. */
  readonly stageExit?: StageCriterion;
  /** The entry criterion of the stage it enters, when it crosses stages. */
  readonly stageEntry?: StageCriterion;
  /** Every sentry that must hold for it to be taken, in the order the engine checks them: `when`, stage exit, stage entry. */
  readonly conditions: readonly Condition[];
  /** Milestones its actions record, in order. */
  readonly milestones: readonly string[];
  readonly actions: readonly ActionRef[];
  /** What leaving a human task through it does to the task's work item. */
  readonly workItem: 'done' | 'cancelled';
}

/**
 * A way in from an entry-point slot: localities' intake sources lead from the start node to the
 * slot's target (as a transition on the source's own event), so the flow may enter there.
 */
export interface FlowEntryEdge {
  readonly kind: 'entryPoint';
  /** The adjustment point's id. */
  readonly point: string;
  readonly from: string;
  readonly to: string;
}

/** An escalation rule that routes the case to a node, from wherever it is. */
export interface FlowRoute {
  readonly rule: string;
  readonly to: string;
}

/**
 * A template's flow as one graph: nodes, transitions as edges (with their guards, sentries and the
 * stage criteria they must meet), entry points and escalation routes. The compiler, the graph and
 * cycle checks, the invariant evaluator and the variant checker all read the flow from here, so
 * they cannot disagree about what a case can do. Edges to or from a node that does not exist are
 * left out (the reference checks report them).
 */
export interface FlowGraph {
  readonly nodes: ReadonlyMap<string, PathwayNode>;
  /** Start nodes (a valid template has exactly one). */
  readonly starts: readonly string[];
  /** End nodes. */
  readonly ends: readonly string[];
  readonly edges: readonly FlowEdge[];
  readonly entries: readonly FlowEntryEdge[];
  readonly routes: readonly FlowRoute[];
  /** Transitions leaving a node, in template order. */
  outgoing(node: string): readonly FlowEdge[];
  /** Transitions and entry edges arriving at a node. */
  incoming(node: string): readonly (FlowEdge | FlowEntryEdge)[];
  /**
   * Nodes a case can be at: from a start along transitions and entry edges, and wherever a route
   * leads. Ids a transition names without a declared node are followed too (and may be included).
   */
  reachable(): ReadonlySet<string>;
  /** Nodes from which an end node can be reached along transitions (undeclared ids followed too). */
  canEnd(): ReadonlySet<string>;
}

const graphs = new WeakMap<object, FlowGraph>();

function milestonesOf(actions: readonly ActionRef[]): string[] {
  return actions.flatMap((action) => (action.name === 'recordMilestone' && typeof action.params.milestone === 'string' ? [action.params.milestone] : []));
}

function breadthFirst(seeds: Iterable<string>, next: (node: string) => Iterable<string>): Set<string> {
  const seen = new Set(seeds);
  const queue = [...seen];
  for (let head = 0; head < queue.length; head += 1) {
    for (const target of next(queue[head]!)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

function buildFlowGraph(template: PathwayTemplateData): FlowGraph {
  const nodes = new Map<string, PathwayNode>();
  for (const node of template.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const stages = new Map(template.stages.map((stage) => [stage.step, stage]));
  const out = new Map<string, FlowEdge[]>();
  const into = new Map<string, (FlowEdge | FlowEntryEdge)[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const edges: FlowEdge[] = [];
  template.transitions.forEach((t, index) => {
    const from = nodes.get(t.from);
    const to = nodes.get(t.to);
    if (!from || !to) return;
    const exit = from.stage !== to.stage ? stages.get(from.stage)?.exitCriterion : undefined;
    const entry = from.stage !== to.stage ? stages.get(to.stage)?.entryCriterion : undefined;
    const edge: FlowEdge = {
      kind: 'transition',
      id: t.id,
      index,
      from: t.from,
      to: t.to,
      ...(t.on !== undefined ? { on: t.on } : {}),
      ...(t.guard ? { guard: t.guard } : {}),
      ...(t.when ? { when: t.when } : {}),
      ...(exit ? { stageExit: { step: from.stage, condition: exit } } : {}),
      ...(entry ? { stageEntry: { step: to.stage, condition: entry } } : {}),
      conditions: [...(t.when ? [t.when] : []), ...(exit ? [exit] : []), ...(entry ? [entry] : [])],
      milestones: milestonesOf(t.actions),
      actions: t.actions,
      workItem: t.workItem,
    };
    edges.push(edge);
    add(out, t.from, edge);
    add(into, t.to, edge);
  });
  const starts = template.nodes.filter((node) => node.type === 'start').map((node) => node.id);
  const ends = template.nodes.filter((node) => node.type === 'end').map((node) => node.id);
  const entries: FlowEntryEdge[] = [];
  for (const point of template.adjustmentPoints) {
    if (point.kind !== 'entryPoint' || !nodes.has(point.target)) continue;
    for (const start of starts) {
      const entryEdge: FlowEntryEdge = { kind: 'entryPoint', point: point.id, from: start, to: point.target };
      entries.push(entryEdge);
      add(into, point.target, entryEdge);
    }
  }
  const routeTargets = template.escalations.flatMap((rule) => rule.response.flatMap((response) => (response.kind === 'route' ? [{ rule: rule.id, to: response.to }] : [])));
  const routes = routeTargets.filter((route) => nodes.has(route.to));
  // Reachability follows every transition and route, even one naming a node that does not exist:
  // a missing node is then reported once, as a dangling reference, not as every node it cuts off.
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const t of template.transitions) {
    add(forward, t.from, t.to);
    add(backward, t.to, t.from);
  }
  const entryTargets = template.adjustmentPoints.flatMap((point) => (point.kind === 'entryPoint' ? [point.target] : []));
  let reachable: Set<string> | undefined;
  let canEnd: Set<string> | undefined;
  return {
    nodes,
    starts,
    ends,
    edges,
    entries,
    routes,
    outgoing: (node) => out.get(node) ?? [],
    incoming: (node) => into.get(node) ?? [],
    reachable() {
      // Entry-point targets and route targets count as ways in even without a start node, so a
      // template missing its start is not also reported as unreachable everywhere.
      reachable ??= breadthFirst([...starts, ...entryTargets, ...routeTargets.map((r) => r.to)], (node) => forward.get(node) ?? []);
      return reachable;
    },
    canEnd() {
      canEnd ??= breadthFirst(ends, (node) => backward.get(node) ?? []);
      return canEnd;
    },
  };
}

/**
 * The flow graph of a template. Built once per frozen (parsed) template and shared; built afresh
 * for a template still being assembled (a variant being applied), which may yet change.
 */
export function flowGraph(template: PathwayTemplateData): FlowGraph {
  if (!Object.isFrozen(template)) return buildFlowGraph(template);
  let graph = graphs.get(template);
  if (!graph) {
    graph = buildFlowGraph(template);
    graphs.set(template, graph);
  }
  return graph;
}
