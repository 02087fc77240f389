import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { canvasModel, checkDocument, moveNodes, openDocument, tidyUp, type LayoutEngine } from '../src/core/index.js';
import { fileNamed, library } from './library.js';

// Tidy-up with ELK (bundled here; a web worker in the browser): every node stays in its practice
// step's lane, no two overlap, and a tidy-up of a selection moves only the selection.

// elkjs is CommonJS; under NodeNext its default export types as the module, not the class.
const engine = new (ELK as unknown as new () => LayoutEngine)();

function baselineModel() {
  const opened = openDocument(fileNamed('nz-national-baseline.json'), library);
  if (!opened.ok) throw new Error('open');
  return { document: opened.document, model: canvasModel(opened.document, checkDocument(opened.document)) };
}

describe('tidy up', () => {
  it('lays out every node inside its own lane, without overlaps', async () => {
    const { model } = baselineModel();
    const positions = await tidyUp(model, engine);
    expect(Object.keys(positions).sort()).toEqual(model.nodes.map((n) => n.id).sort());
    for (const node of model.nodes) {
      const lane = model.lanes.find((l) => l.step === node.stage)!;
      const at = positions[node.id]!;
      expect(at.x, node.id).toBeGreaterThanOrEqual(lane.x);
      expect(at.x + 210, node.id).toBeLessThanOrEqual(lane.x + lane.width + 10);
    }
    const boxes = Object.entries(positions);
    for (const [a, p] of boxes) for (const [b, q] of boxes) if (a < b) expect(Math.abs(p.x - q.x) < 200 && Math.abs(p.y - q.y) < 70, `${a} overlaps ${b}`).toBe(false);
  });

  it('moves only the selection; what the user placed elsewhere stays where it is', async () => {
    const { document, model } = baselineModel();
    const placed = moveNodes(document, { intake: { x: 5, y: 5 } });
    const positions = await tidyUp(canvasModel(placed, checkDocument(placed)), engine, new Set(['triage-listing', 'assign-lead-agency']));
    expect(Object.keys(positions).sort()).toEqual(['assign-lead-agency', 'triage-listing']);
    const tidied = moveNodes(placed, positions);
    expect(tidied.layout.nodes.intake).toEqual({ x: 5, y: 5 });
    expect(model.nodes.length).toBeGreaterThan(30);
  });
});
