import type { Problem } from '../../errors/problem.js';
import type { PathwayTemplate } from '../template.js';
import { indexTemplate } from './template-index.js';

function breadthFirst(starts: Iterable<string>, next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(starts);
  const queue = [...seen];
  for (let head = 0; head < queue.length; head += 1) {
    for (const target of next.get(queue[head]!) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/**
 * Graph analysis of a parsed template: nodes no case can reach, nodes from which no case can ever
 * end, and practice steps with nothing in them. Linear in nodes + transitions.
 */
export function analyseTemplate(template: PathwayTemplate): Problem[] {
  const index = indexTemplate(template);
  index.problems.length = 0;
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const t of template.transitions) {
    add(forward, t.from, t.to);
    add(backward, t.to, t.from);
  }
  const routeTargets = template.escalations.flatMap((e) => e.response.flatMap((r) => (r.kind === 'route' ? [r.to] : [])));
  const entryTargets = template.adjustmentPoints.flatMap((p) => (p.kind === 'entryPoint' ? [p.target] : []));
  const starts = template.nodes.filter((n) => n.type === 'start').map((n) => n.id);
  const reachable = breadthFirst([...starts, ...routeTargets, ...entryTargets], forward);
  const canEnd = breadthFirst(template.nodes.filter((n) => n.type === 'end').map((n) => n.id), backward);

  template.nodes.forEach((node, i) => {
    if (!reachable.has(node.id)) {
      index.report('PWY_NODE_UNREACHABLE', ['nodes', i], `No case can reach "${node.id}": no transition or escalation leads to it from the start.`);
    }
    if (!canEnd.has(node.id)) {
      index.report('PWY_DEAD_END', ['nodes', i], `A case at "${node.id}" can never reach an end node.`);
    }
  });
  const used = new Set(template.nodes.map((n) => n.stage));
  template.stages.forEach((stage, i) => {
    if (!used.has(stage.step)) {
      index.report('PWY_STAGE_EMPTY', ['stages', i], `The ${stage.step} stage has no activities.`);
    }
  });
  return index.problems;
}
