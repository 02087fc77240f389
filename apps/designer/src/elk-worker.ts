// The web worker "Tidy up" lays out in (ELK), so a large pathway never blocks the canvas. It
// answers each { id, graph } with { id, graph } or { id, error } (see workerLayoutEngine).
import ELK from 'elkjs/lib/elk.bundled.js';

const elk = new (ELK as unknown as new () => { layout(graph: unknown): Promise<unknown> })();

self.addEventListener('message', async (event: MessageEvent<{ id: number; graph: unknown }>) => {
  try {
    self.postMessage({ id: event.data.id, graph: await elk.layout(event.data.graph) });
  } catch (error) {
    self.postMessage({ id: event.data.id, error: error instanceof Error ? error.message : String(error) });
  }
});
