import { flowGraph } from '../flow-graph.js';
import type { TemplateIndex } from './template-index.js';

/**
 * Reports cycles made only of automatic transitions (no `on`): the engine would follow them for
 * ever. Iterative depth-first search, so large templates cannot overflow the stack.
 */
export function checkEventlessCycles(index: TemplateIndex): void {
  const graph = flowGraph(index.template);
  const automatic = (node: string) => graph.outgoing(node).filter((edge) => edge.on === undefined);
  const state = new Map<string, 'active' | 'done'>();
  // Roots in the order their first automatic transition is listed, so the cycle reported is the
  // one an author meets first when reading the transitions.
  const roots = [...new Set(graph.edges.filter((edge) => edge.on === undefined).map((edge) => edge.from))];
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'active');
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const out = automatic(frame.node);
      if (frame.next >= out.length) {
        state.set(frame.node, 'done');
        stack.pop();
        continue;
      }
      const edge = out[frame.next]!;
      frame.next += 1;
      const seen = state.get(edge.to);
      if (seen === 'active') {
        const cycle = [...stack.slice(stack.findIndex((f) => f.node === edge.to)).map((f) => f.node), edge.to];
        index.report('PWY_EVENTLESS_CYCLE', ['transitions', edge.index], `Automatic transitions loop forever: ${cycle.join(' → ')}.`);
      } else if (seen === undefined) {
        state.set(edge.to, 'active');
        stack.push({ node: edge.to, next: 0 });
      }
    }
  }
}
