import type { Condition } from '../../model/conditions.js';
import { analyseTemplate } from '../../model/checks/graph.js';
import type { Invariant } from '../../model/invariants.js';
import type { PathwayTemplate } from '../../model/template.js';
import { monitorFor, type Monitor, type StepFacts } from './monitor.js';
import { assumedFacts, evaluate, type Knowledge, type Truth } from './three-valued.js';

/** One step of a witness path: how the case moved and where it ended up. */
export interface WitnessStep {
  readonly kind: 'start' | 'transition' | 'tierRaised' | 'tierLowered' | 'route';
  /** The node the case is at after the step. */
  readonly node: string;
  /** The case tier after the step (null: unassessed). */
  readonly tier: string | null;
  /** The transition taken, for `transition` steps. */
  readonly transition?: string;
  /** The escalation rule, for `route` steps. */
  readonly rule?: string;
}

/** The verdict on one invariant. */
export interface InvariantVerdict {
  readonly invariant: string;
  readonly index: number;
  readonly holds: boolean;
  readonly message: string;
  /** The shortest offending path, for invariants that fail along a path. */
  readonly witness?: readonly WitnessStep[];
}

interface Edge {
  readonly id: string;
  readonly to: string;
  readonly milestones: readonly string[];
  readonly guards: readonly Condition[];
}

interface Graph {
  readonly nodeIds: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly out: readonly (readonly Edge[])[];
  readonly routes: readonly { readonly rule: string; readonly to: number }[];
  readonly start: number;
  readonly tierIds: readonly string[];
  readonly canLower: boolean;
}

function buildGraph(template: PathwayTemplate): Graph {
  const nodeIds = template.nodes.map((node) => node.id);
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const stageOf = new Map(template.nodes.map((node) => [node.id, node.stage]));
  const criteria = new Map(template.stages.map((stage) => [stage.step, stage]));
  const out: Edge[][] = nodeIds.map(() => []);
  for (const t of template.transitions) {
    const from = index.get(t.from);
    if (from === undefined || !index.has(t.to)) continue;
    const guards: Condition[] = [];
    if (t.when) guards.push(t.when);
    const fromStage = stageOf.get(t.from);
    const toStage = stageOf.get(t.to);
    if (fromStage !== toStage) {
      const exit = fromStage ? criteria.get(fromStage)?.exitCriterion : undefined;
      const entry = toStage ? criteria.get(toStage)?.entryCriterion : undefined;
      if (exit) guards.push(exit);
      if (entry) guards.push(entry);
    }
    const milestones = t.actions.flatMap((action) => (action.name === 'recordMilestone' && typeof action.params.milestone === 'string' ? [action.params.milestone] : []));
    out[from]!.push({ id: t.id, to: t.to, milestones, guards });
  }
  const routes = template.escalations.flatMap((rule) =>
    rule.response.flatMap((response) => (response.kind === 'route' && index.has(response.to) ? [{ rule: rule.id, to: index.get(response.to)! }] : [])),
  );
  const start = template.nodes.findIndex((node) => node.type === 'start');
  return { nodeIds, index, out, routes, start: Math.max(0, start), tierIds: template.tiers?.levels.map((level) => level.id) ?? [], canLower: template.tiers !== undefined };
}

function all(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.every((value) => value === true) ? true : 'unknown';
}

/**
 * Searches the product of the graph, the tier and the invariant's monitor for the shortest path
 * that breaks it. Guards over facts the analysis does not track are taken as possibly true; the
 * tier can rise at any time and fall only by the lowering event. Breadth-first, so the witness is
 * the shortest offending path, and linear in the size of the product.
 */
function searchViolation(template: PathwayTemplate, graph: Graph, monitor: Monitor, useRoutes: boolean): WitnessStep[] | undefined {
  const tiers = graph.tierIds.length + 1; // -1 (unassessed) .. levels-1
  const size = graph.nodeIds.length * tiers * monitor.states;
  const key = (node: number, rank: number, state: number) => (node * tiers + (rank + 1)) * monitor.states + state;
  const previous = new Int32Array(size).fill(-2);
  const how: (WitnessStep | undefined)[] = new Array(size);
  const queue: number[] = [];
  const tierName = (rank: number) => (rank < 0 ? null : graph.tierIds[rank]!);
  const knowledge = (rank: number, state: number, extra?: ReturnType<typeof assumedFacts>): Knowledge => ({
    tiers: template.tiers,
    tierRank: rank,
    milestones: extra ? new Map([...monitor.knownMilestones(state), ...extra.milestones]) : monitor.knownMilestones(state),
    personsAtLeast: extra?.personsAtLeast ?? new Map(),
  });
  const witness = (end: number, last?: WitnessStep): WitnessStep[] => {
    const steps: WitnessStep[] = last ? [last] : [];
    for (let at = end; at >= 0; at = previous[at]!) steps.push(how[at]!);
    return steps.reverse();
  };

  const startFacts: StepFacts = { enteredNode: graph.nodeIds[graph.start]!, milestones: [], tierRank: -1, lowered: false };
  const first = monitor.step(0, startFacts);
  const startStep: WitnessStep = { kind: 'start', node: graph.nodeIds[graph.start]!, tier: null };
  if (first === 'violation') return [startStep];
  const startKey = key(graph.start, -1, first);
  previous[startKey] = -1;
  how[startKey] = startStep;
  queue.push(startKey);

  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head]!;
    const state = current % monitor.states;
    const rank = (Math.floor(current / monitor.states) % tiers) - 1;
    const node = Math.floor(current / monitor.states / tiers);
    const enqueue = (nextNode: number, nextRank: number, next: number, step: WitnessStep) => {
      const k = key(nextNode, nextRank, next);
      if (previous[k] !== -2) return;
      previous[k] = current;
      how[k] = step;
      queue.push(k);
    };
    const visit = (nextNode: number, nextRank: number, facts: StepFacts, step: WitnessStep): WitnessStep[] | undefined => {
      const next = monitor.step(state, facts);
      if (next === 'violation') return witness(current, step);
      enqueue(nextNode, nextRank, next, step);
      return undefined;
    };

    for (const edge of graph.out[node]!) {
      const to = graph.index.get(edge.to)!;
      const facts: StepFacts = { enteredNode: edge.to, milestones: edge.milestones, tierRank: rank, lowered: false };
      const step: WitnessStep = { kind: 'transition', node: edge.to, tier: tierName(rank), transition: edge.id };
      const possible = all(edge.guards.map((g) => evaluate(g, knowledge(rank, state)))) !== false;
      if (monitor.assume && monitor.wouldViolate(state, facts)) {
        // A violation counts only where the invariant's condition can hold as the step is taken;
        // where it cannot, the step is an ordinary one and the search goes on past it.
        const assumed = assumedFacts(monitor.assume);
        const withAssumption = knowledge(rank, state, assumed);
        if (evaluate(monitor.assume, withAssumption) !== false && all(edge.guards.map((g) => evaluate(g, withAssumption))) !== false) {
          return witness(current, step);
        }
        if (possible) enqueue(to, rank, state, step);
        continue;
      }
      if (!possible) continue;
      const found = visit(to, rank, facts, step);
      if (found) return found;
    }
    for (let higher = rank + 1; higher < graph.tierIds.length; higher += 1) {
      const found = visit(node, higher, { milestones: [], tierRank: higher, lowered: false }, { kind: 'tierRaised', node: graph.nodeIds[node]!, tier: tierName(higher) });
      if (found) return found;
    }
    if (graph.canLower) {
      for (let lower = 0; lower < rank; lower += 1) {
        const found = visit(node, lower, { milestones: [], tierRank: lower, lowered: true }, { kind: 'tierLowered', node: graph.nodeIds[node]!, tier: tierName(lower) });
        if (found) return found;
      }
    }
    for (const route of useRoutes ? graph.routes : []) {
      const target = graph.nodeIds[route.to]!;
      const found = visit(route.to, rank, { enteredNode: target, milestones: [], tierRank: rank, lowered: false }, { kind: 'route', node: target, tier: tierName(rank), rule: route.rule });
      if (found) return found;
    }
  }
  return undefined;
}

function reachableNodes(graph: Graph): Set<string> {
  const seen = new Set<number>([graph.start]);
  const queue = [graph.start];
  for (let head = 0; head < queue.length; head += 1) {
    const next = [...graph.out[queue[head]!]!.map((edge) => graph.index.get(edge.to)!), ...graph.routes.map((route) => route.to)];
    for (const n of next) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return new Set([...seen].map((i) => graph.nodeIds[i]!));
}

function describe(invariant: Invariant): string {
  const ref = (r: { node: string } | { milestone: string } | { tier: string }) => ('node' in r ? r.node : 'milestone' in r ? `milestone ${r.milestone}` : `tier ${r.tier}`);
  const rule = invariant.rule;
  switch (rule.kind) {
    case 'mustPass':
      return `mustPass(${ref(rule.from)}, ${ref(rule.to)}, ${rule.via.map(ref).join(' | ')})`;
    case 'precedes':
      return `precedes(${ref(rule.first)}, ${ref(rule.then)}${rule.when ? `, when ${typeof rule.when === 'string' ? rule.when : 'condition'}` : ''})`;
    case 'reachable':
      return `reachable(${ref(rule.target)})`;
    default:
      return rule.kind;
  }
}

/** Evaluates every invariant of a template; failing ones carry a witness where there is a path to show. */
export function evaluateInvariants(template: PathwayTemplate): InvariantVerdict[] {
  const graph = buildGraph(template);
  let reachable: Set<string> | undefined;
  return template.invariants.map((invariant, index) => {
    const name = `${invariant.id}: ${describe(invariant)}`;
    const rule = invariant.rule;
    const monitor = monitorFor(invariant, template);
    if (monitor) {
      // Witnesses along the flow read better than ones that start with an escalation route, so
      // the search first tries without routes; a violation found either way is real.
      const found = searchViolation(template, graph, monitor, false) ?? searchViolation(template, graph, monitor, true);
      if (!found) return { invariant: invariant.id, index, holds: true, message: `${name} holds.` };
      const path = found.map((step) => (step.kind === 'transition' ? step.node : step.kind === 'route' ? `${step.node} (routed by ${step.rule})` : step.kind === 'start' ? step.node : `[tier ${step.tier ?? 'none'}]`));
      return { invariant: invariant.id, index, holds: false, witness: found, message: `${name} is broken: a case can go ${path.join(' → ')}.` };
    }
    if (rule.kind === 'reachable') {
      reachable ??= reachableNodes(graph);
      const target = rule.target;
      const holds =
        'node' in target
          ? reachable.has(target.node)
          : 'milestone' in target
            ? template.transitions.some((t) => reachable!.has(t.from) && t.actions.some((a) => a.name === 'recordMilestone' && a.params.milestone === target.milestone))
            : graph.tierIds.includes(target.tier);
      return { invariant: invariant.id, index, holds, message: holds ? `${name} holds.` : `${name} is broken: no case can reach it.` };
    }
    if (rule.kind === 'noDeadEnds') {
      const deadEnds = analyseTemplate(template).filter((p) => p.code === 'PWY_DEAD_END').map((p) => template.nodes[p.path[1] as number]?.id);
      return { invariant: invariant.id, index, holds: deadEnds.length === 0, message: deadEnds.length === 0 ? `${name} holds.` : `${name} is broken: no end can be reached from ${deadEnds.join(', ')}.` };
    }
    const roles = new Set(template.roles.map((role) => role.id));
    const types = new Map(template.workItemTypes.map((type) => [type.id, type]));
    const missing = template.nodes.flatMap((node) => {
      if (node.type !== 'humanTask') return [];
      const owner = node.ownerRole ?? (node.workItemType ? types.get(node.workItemType)?.ownerRole : undefined);
      return owner !== undefined && roles.has(owner) ? [] : [node.id];
    });
    return { invariant: invariant.id, index, holds: missing.length === 0, message: missing.length === 0 ? `${name} holds.` : `${name} is broken: ${missing.join(', ')} ha${missing.length === 1 ? 's' : 've'} no existing owner role.` };
  });
}
