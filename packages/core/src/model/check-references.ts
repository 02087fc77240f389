import { problem, type Problem } from '../errors/problem.js';
import { automaticNodeTypes } from './nodes.js';
import type { TimeSpanOrRef } from './parameters.js';
import { practiceSteps } from './practice-steps.js';
import type { PathwayTemplate } from './template.js';
import { timerFiredEvent } from './transitions.js';

function duplicates<T>(items: readonly T[], idOf: (item: T) => string, collection: string, out: Problem[]): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const id = idOf(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else out.push(problem('PWY_DUPLICATE_ID', [collection, index], `The id "${id}" is already used by ${collection}[${first}].`));
  });
  return seen;
}

/**
 * Checks what a schema cannot: unique ids, references that resolve, the fixed stage order, node
 * shapes, and cycles of automatic transitions (which would spin forever in the engine).
 */
export function checkTemplateReferences(template: PathwayTemplate): Problem[] {
  const out: Problem[] = [];
  const nodeIndex = duplicates(template.nodes, (n) => n.id, 'nodes', out);
  duplicates(template.transitions, (t) => t.id, 'transitions', out);
  const eventIndex = duplicates(template.events, (e) => e.type, 'events', out);
  const roleIndex = duplicates(template.roles, (r) => r.id, 'roles', out);
  const milestoneIndex = duplicates(template.milestones, (m) => m.id, 'milestones', out);

  checkStages(template, out);

  const starts = template.nodes.flatMap((node, index) => (node.type === 'start' ? [index] : []));
  if (starts.length !== 1) {
    out.push(problem('PWY_START_NODE', ['nodes'], `Found ${starts.length} start nodes; exactly one is needed.`));
  }
  for (const index of starts) {
    if (template.nodes[index]!.stage !== 'recognition') {
      out.push(problem('PWY_START_NODE', ['nodes', index, 'stage'], 'The start node must be in the recognition stage.'));
    }
  }

  const checkSpan = (span: TimeSpanOrRef | undefined, path: (string | number)[]) => {
    if (span === undefined || typeof span === 'string' || !('param' in span)) return;
    const declared = template.parameters[span.param];
    if (!declared) out.push(problem('PWY_PARAMETER_UNKNOWN', [...path, 'param'], `No parameter named "${span.param}" is declared.`));
    else if (declared.kind !== 'duration') out.push(problem('PWY_PARAMETER_KIND', [...path, 'param'], `"${span.param}" is a ${declared.kind} parameter; a duration is needed here.`));
  };
  const checkRole = (roleId: string, path: (string | number)[]) => {
    if (!roleIndex.has(roleId)) out.push(problem('PWY_REFERENCE_DANGLING', path, `No role "${roleId}" is declared under roles.`));
  };

  template.nodes.forEach((node, index) => {
    if (node.type === 'humanTask') {
      checkRole(node.ownerRole, ['nodes', index, 'ownerRole']);
      checkSpan(node.due, ['nodes', index, 'due']);
    } else if (node.type === 'wait') {
      checkSpan(node.duration, ['nodes', index, 'duration']);
    } else if (node.type === 'notify') {
      checkRole(node.role, ['nodes', index, 'role']);
    }
  });

  template.transitions.forEach((t, index) => {
    const path = ['transitions', index];
    const fromIndex = nodeIndex.get(t.from);
    const from = fromIndex === undefined ? undefined : template.nodes[fromIndex];
    if (!from) out.push(problem('PWY_REFERENCE_DANGLING', [...path, 'from'], `No node "${t.from}" exists.`));
    if (!nodeIndex.has(t.to)) out.push(problem('PWY_REFERENCE_DANGLING', [...path, 'to'], `No node "${t.to}" exists.`));
    if (t.on !== undefined && t.on !== timerFiredEvent && !eventIndex.has(t.on)) {
      out.push(problem('PWY_REFERENCE_DANGLING', [...path, 'on'], `No event "${t.on}" is declared under events.`));
    }
    if (from) {
      if (automaticNodeTypes.has(from.type) && t.on !== undefined) {
        out.push(problem('PWY_NODE_SHAPE', [...path, 'on'], `"${from.id}" is a ${from.type} node: it moves on by itself, so its transitions take no "on".`));
      }
      if (!automaticNodeTypes.has(from.type) && t.on === undefined) {
        out.push(problem('PWY_NODE_SHAPE', [...path], `"${from.id}" is a ${from.type} node: its transitions need an "on" event.`));
      }
      if (t.on === timerFiredEvent && from.type !== 'wait') {
        out.push(problem('PWY_NODE_SHAPE', [...path, 'on'], `"${timerFiredEvent}" only leaves wait nodes; "${from.id}" is a ${from.type} node.`));
      }
      if (from.type === 'end') {
        out.push(problem('PWY_NODE_SHAPE', [...path, 'from'], `"${from.id}" is an end node: nothing leaves it.`));
      }
    }
    if (t.guard?.name === 'payloadEquals' && typeof t.guard.params.field !== 'string') {
      out.push(problem('PWY_SCHEMA_INVALID_VALUE', [...path, 'guard', 'params', 'field'], 'payloadEquals needs a "field" naming a payload field.'));
    }
    t.actions.forEach((action, actionIndex) => {
      const actionPath = [...path, 'actions', actionIndex, 'params'];
      if (action.name === 'recordMilestone') {
        const id = action.params.milestone;
        if (typeof id !== 'string' || !milestoneIndex.has(id)) {
          out.push(problem('PWY_REFERENCE_DANGLING', [...actionPath, 'milestone'], `recordMilestone needs "milestone" naming a declared milestone; got ${JSON.stringify(id ?? null)}.`));
        }
      } else if (action.name === 'notifyRole') {
        const id = action.params.role;
        if (typeof id !== 'string') out.push(problem('PWY_SCHEMA_INVALID_VALUE', [...actionPath, 'role'], 'notifyRole needs "role" naming a declared role.'));
        else checkRole(id, [...actionPath, 'role']);
      }
    });
  });

  out.push(...findEventlessCycles(template, nodeIndex));
  return out;
}

function checkStages(template: PathwayTemplate, out: Problem[]): void {
  const declared = template.stages.map((s) => s.step);
  for (const step of practiceSteps) {
    if (!declared.includes(step)) out.push(problem('PWY_STAGE_MISSING', ['stages'], `No stage is declared for the practice step "${step}".`));
  }
  const seen = new Set<string>();
  template.stages.forEach((s, index) => {
    if (seen.has(s.step)) out.push(problem('PWY_DUPLICATE_ID', ['stages', index, 'step'], `The step "${s.step}" has more than one stage.`));
    seen.add(s.step);
  });
  const order = declared.filter((step, index) => declared.indexOf(step) === index);
  const expected = practiceSteps.filter((step) => order.includes(step));
  if (order.join() !== expected.join()) {
    out.push(problem('PWY_STAGE_ORDER', ['stages'], `Stages are listed as ${order.join(', ')}.`));
  }
}

/** Finds cycles made only of automatic transitions (iteratively, so large templates are safe). */
function findEventlessCycles(template: PathwayTemplate, nodeIndex: Map<string, number>): Problem[] {
  const edges = new Map<string, { to: string; index: number }[]>();
  template.transitions.forEach((t, index) => {
    if (t.on !== undefined || !nodeIndex.has(t.from) || !nodeIndex.has(t.to)) return;
    const list = edges.get(t.from) ?? [];
    list.push({ to: t.to, index });
    edges.set(t.from, list);
  });
  const state = new Map<string, 'active' | 'done'>();
  const problems: Problem[] = [];
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number; via: number }[] = [{ node: root, next: 0, via: -1 }];
    state.set(root, 'active');
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next >= out.length) {
        state.set(frame.node, 'done');
        stack.pop();
        continue;
      }
      const edge = out[frame.next]!;
      frame.next += 1;
      const seen = state.get(edge.to);
      if (seen === 'active') {
        const start = stack.findIndex((f) => f.node === edge.to);
        const cycle = [...stack.slice(start).map((f) => f.node), edge.to];
        problems.push(problem('PWY_EVENTLESS_CYCLE', ['transitions', edge.index], `Automatic transitions loop forever: ${cycle.join(' → ')}.`));
      } else if (seen === undefined) {
        state.set(edge.to, 'active');
        stack.push({ node: edge.to, next: 0, via: edge.index });
      }
    }
  }
  return problems;
}
