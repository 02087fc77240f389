import type { LayoutEngine, LayoutGraph } from '../core/tidy-up.js';

/**
 * A layout engine that runs ELK in a web worker, so laying out 500 nodes never blocks the canvas.
 * The worker answers each `{ id, graph }` message with `{ id, graph }` or `{ id, error }`; the
 * app's worker module is three lines (see apps/designer/src/elk-worker.ts).
 */
export function workerLayoutEngine(worker: Worker): LayoutEngine {
  let next = 0;
  const waiting = new Map<number, { resolve: (graph: LayoutGraph) => void; reject: (error: Error) => void }>();
  worker.addEventListener('message', (event: MessageEvent<{ id: number; graph?: LayoutGraph; error?: string }>) => {
    const pending = waiting.get(event.data.id);
    if (!pending) return;
    waiting.delete(event.data.id);
    if (event.data.graph) pending.resolve(event.data.graph);
    else pending.reject(new Error(event.data.error ?? 'The layout worker failed.'));
  });
  return {
    layout: (graph) =>
      new Promise((resolve, reject) => {
        next += 1;
        waiting.set(next, { resolve, reject });
        worker.postMessage({ id: next, graph });
      }),
  };
}

/** Lays out on the main thread with the bundled ELK, where no worker is given (tests, small embeds). */
export async function mainThreadLayoutEngine(): Promise<LayoutEngine> {
  const module = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: new () => LayoutEngine };
  return new module.default();
}
