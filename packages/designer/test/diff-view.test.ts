import { diff, formatDiff } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { canvasModel, checkDocument, designDiff, removeElement } from '../src/core/index.js';
import { opened } from './library.js';

// What changed, on the canvas: the same diff as `pathways diff`, its nodes marked, removed ones drawn
// as ghosts where they were.

describe('differences', () => {
  it("marks Canterbury's changes against the baseline, with the CLI's diff text", () => {
    const canterbury = opened('canterbury-regional.json');
    const check = checkDocument(canterbury);
    const differences = designDiff(canterbury, check)!;
    expect(differences.from).toBe('nz-national-baseline@3.0.0');
    expect(differences.text).toBe(formatDiff(diff(canterbury.parent!.template, check.resolved!)));
    expect(differences.nodes.get('chc/kaupapa-maori-service')).toBe('added');
    expect(differences.entries.some((e) => e.collection === 'parameters' && e.id === 'firstContactHigh' && e.kind === 'changed')).toBe(true);
    const model = canvasModel(canterbury, check, undefined, differences);
    expect(model.nodes.find((n) => n.id === 'chc/kaupapa-maori-service')?.change).toBe('added');
    expect(model.nodes.find((n) => n.id === 'triage-listing')?.change).toBeUndefined();
  });

  it('draws what a baseline draft removed as a ghost where it was', () => {
    const baseline = opened('nz-national-baseline.json');
    const removed = removeElement(baseline, 'nodes', 'agree-follow-up');
    if (!removed.ok) throw new Error('remove');
    const check = checkDocument(removed.document);
    const differences = designDiff(removed.document, check)!;
    expect(differences.from).toBe('nz-national-baseline@3.0.0');
    const ghost = canvasModel(removed.document, check, undefined, differences).nodes.find((n) => n.id === 'removed:agree-follow-up');
    expect(ghost).toMatchObject({ change: 'removed', editable: false, stage: 'monitoring' });
  });
});
