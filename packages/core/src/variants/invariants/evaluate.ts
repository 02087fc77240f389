import type { Condition } from '../../model/conditions.js';
import { analyseTemplate } from '../../model/checks/graph.js';
import { flowGraph, type FlowEdge } from '../../model/flow-graph.js';
import { pluginsParsedWith } from '../../model/parse-template.js';
import { registryOf } from '../../model/plugin-registry.js';
import type { Invariant } from '../../model/invariants.js';
import type { PathwayTemplate, PathwayTemplateData } from '../../model/template.js';
import { monitorFor, type Monitor, type StepFacts } from './monitor.js';
import { assumedFacts, evaluate, type Knowledge, type Truth } from './three-valued.js';

/** One step of a witness path: how the case moved and where it ended up. */
export interface WitnessStep {
  readonly kind: 'start' | 'transition' | 'entryPoint' | 'tierRaised' | 'tierLowered' | 'route' | 'planRevised';
  /** The node the case is at after the step. */
  readonly node: string;
  /** The case tier after the step (null: unassessed). */
  readonly tier: string | null;
  /** The transition taken, for `transition` steps. */
  readonly transition?: string;
  /** The entry-point slot a local intake source leads in through, for `entryPoint` steps. */
  readonly point?: string;
  /** The plan whose new version starts, for `planRevised` steps. */
  readonly planType?: string;
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
  /** The transition's id, or for an entry edge the entry-point slot's id. */
  readonly id: string;
  readonly kind: 'transition' | 'entryPoint';
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
  /** The review points where the tier may be lowered; anywhere when undefined. */
  readonly lowerAt?: ReadonlySet<number>;
  /** Per-version milestones that entering a node starts afresh (a plan is developed there). */
  readonly resetsAt: ReadonlyMap<number, readonly string[]>;
  /** Plan revisions an escalation can start at any time, with the milestones they start afresh. */
  readonly revisions: readonly { readonly planType: string; readonly resets: readonly string[] }[];
}

/**
 * The milestones taking a transition records: its `recordMilestone` actions, and what the plugin
 * actions it names and the plugin node it enters declare they record (`effects.recordMilestone`).
 * A plugin's declaration is what it may record, taken as recorded: an invariant such as "the child
 * check precedes plan approval" then depends on the flow passing the plugin's step, as it would on
 * a core action. Without this, a milestone only plugins record would count as never recorded, and
 * an invariant over it would hold for no case at all.
 */
function milestonesRecorder(template: PathwayTemplateData): (edge: FlowEdge) => readonly string[] {
  // Only a parsed template knows its plugins; templates without plugin elements need none.
  const registry = registryOf(pluginsParsedWith(template as PathwayTemplate));
  if (registry.plugins.length === 0) return (edge) => edge.milestones;
  const nodes = new Map(template.nodes.map((node) => [node.id, node]));
  return (edge) => {
    const byActions = edge.actions.flatMap((action) => (action.name.includes('/') ? (registry.action(action.name)?.definition.effects?.recordMilestone ?? []) : []));
    const entered = nodes.get(edge.to);
    const byNode = entered ? (registry.nodeType(entered.type)?.definition.effects?.recordMilestone ?? []) : [];
    return byActions.length + byNode.length === 0 ? edge.milestones : [...new Set([...edge.milestones, ...byActions, ...byNode])];
  };
}

/** The search's view of the one flow graph: nodes by index, edges with the sentries that guard them. */
function buildGraph(template: PathwayTemplateData): Graph {
  const flow = flowGraph(template);
  const recorded = milestonesRecorder(template);
  const nodeIds = template.nodes.map((node) => node.id);
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const out: Edge[][] = nodeIds.map(() => []);
  for (const edge of flow.edges) {
    out[index.get(edge.from)!]!.push({ id: edge.id, kind: 'transition', to: edge.to, milestones: recorded(edge), guards: edge.conditions });
  }
  // Entry edges come after the transitions, so a witness prefers the flow's own way in.
  for (const entry of flow.entries) out[index.get(entry.from)!]!.push({ id: entry.point, kind: 'entryPoint', to: entry.to, milestones: [], guards: [] });
  const routes = flow.routes.map((route) => ({ rule: route.rule, to: index.get(route.to)! }));
  const start = flow.starts[0] === undefined ? 0 : index.get(flow.starts[0])!;
  const lowering = template.tiers?.lowering.at;
  const perVersion = (planType: string) => template.milestones.filter((m) => m.perPlanVersion === planType).map((m) => m.id);
  const resetsAt = new Map<number, string[]>();
  for (const plan of template.planTypes) {
    for (const node of plan.developedAt) {
      const at = index.get(node);
      if (at !== undefined) resetsAt.set(at, [...(resetsAt.get(at) ?? []), ...perVersion(plan.id)]);
    }
  }
  const revised = new Set(template.escalations.flatMap((rule) => rule.response.flatMap((r) => (r.kind === 'revisePlan' ? [r.planType] : []))));
  return {
    nodeIds,
    index,
    out,
    routes,
    start,
    tierIds: template.tiers?.levels.map((level) => level.id) ?? [],
    canLower: template.tiers !== undefined,
    ...(lowering ? { lowerAt: new Set(lowering.flatMap((id) => (index.has(id) ? [index.get(id)!] : []))) } : {}),
    resetsAt,
    revisions: [...revised].map((planType) => ({ planType, resets: perVersion(planType) })).filter((revision) => revision.resets.length > 0),
  };
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
function searchViolation(template: PathwayTemplateData, graph: Graph, monitor: Monitor, useRoutes: boolean): WitnessStep[] | undefined {
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
      const resets = graph.resetsAt.get(to);
      const facts: StepFacts = { enteredNode: edge.to, milestones: edge.milestones, tierRank: rank, lowered: false, ...(resets ? { resets } : {}) };
      const step: WitnessStep = edge.kind === 'transition' ? { kind: 'transition', node: edge.to, tier: tierName(rank), transition: edge.id } : { kind: 'entryPoint', node: edge.to, tier: tierName(rank), point: edge.id };
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
    for (const revision of graph.revisions) {
      const found = visit(node, rank, { milestones: [], tierRank: rank, lowered: false, resets: revision.resets }, { kind: 'planRevised', node: graph.nodeIds[node]!, tier: tierName(rank), planType: revision.planType });
      if (found) return found;
    }
    // The tier falls only by the reasoned lowering, and (where the template names them) only at its review points.
    if (graph.canLower && (graph.lowerAt === undefined || graph.lowerAt.has(node))) {
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
export function evaluateInvariants(template: PathwayTemplateData): InvariantVerdict[] {
  const graph = buildGraph(template);
  let reachable: ReadonlySet<string> | undefined;
  return template.invariants.map((invariant, index) => {
    const name = `${invariant.id}: ${describe(invariant)}`;
    const rule = invariant.rule;
    const monitor = monitorFor(invariant, template);
    if (monitor) {
      // Witnesses along the flow read better than ones that start with an escalation route, so
      // the search first tries without routes; a violation found either way is real.
      const found = searchViolation(template, graph, monitor, false) ?? searchViolation(template, graph, monitor, true);
      if (!found) return { invariant: invariant.id, index, holds: true, message: `${name} holds.` };
      const path = found.map((step) => {
        if (step.kind === 'transition' || step.kind === 'start') return step.node;
        if (step.kind === 'route') return `${step.node} (routed by ${step.rule})`;
        if (step.kind === 'entryPoint') return `${step.node} (a local intake source, entry point ${step.point})`;
        if (step.kind === 'planRevised') return `[new version of ${step.planType}]`;
        return `[tier ${step.tier ?? 'none'}]`;
      });
      return { invariant: invariant.id, index, holds: false, witness: found, message: `${name} is broken: a case can go ${path.join(' → ')}.` };
    }
    if (rule.kind === 'reachable') {
      reachable ??= flowGraph(template).reachable();
      const target = rule.target;
      const holds =
        'node' in target
          ? reachable.has(target.node)
          : 'milestone' in target
            ? flowGraph(template).edges.some((edge) => reachable!.has(edge.from) && milestonesRecorder(template)(edge).includes(target.milestone))
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
