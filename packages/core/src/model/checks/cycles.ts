import type { TemplateIndex } from './template-index.js';

/**
 * Reports cycles made only of automatic transitions (no `on`): the engine would follow them for
 * ever. Iterative depth-first search, so large templates cannot overflow the stack.
 */
export function checkEventlessCycles(index: TemplateIndex): void {
  const edges = new Map<string, { to: string; index: number }[]>();
  index.template.transitions.forEach((t, i) => {
    if (t.on !== undefined || !index.nodes.has(t.from) || !index.nodes.has(t.to)) return;
    const list = edges.get(t.from) ?? [];
    list.push({ to: t.to, index: i });
    edges.set(t.from, list);
  });
  const state = new Map<string, 'active' | 'done'>();
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
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
        const cycle = [...stack.slice(stack.findIndex((f) => f.node === edge.to)).map((f) => f.node), edge.to];
        index.report('PWY_EVENTLESS_CYCLE', ['transitions', edge.index], `Automatic transitions loop forever: ${cycle.join(' → ')}.`);
      } else if (seen === undefined) {
        state.set(edge.to, 'active');
        stack.push({ node: edge.to, next: 0 });
      }
    }
  }
}
