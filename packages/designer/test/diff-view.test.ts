import { diff, formatDiff } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { beforeCanvasModel, canvasModel, checkDocument, DesignerSession, designDiff, removeElement } from '../src/core/index.js';
import { fileNamed, library, opened } from './library.js';

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

  it('compares with any other version: an earlier baseline, or another variant resolved', () => {
    const session = new DesignerSession(library);
    session.openFile(fileNamed('nz-national-baseline.json'));
    const baseline = session.getSnapshot().active!;
    const earlier = session.comparison({ file: 'nz-national-baseline-2.0.0.json' });
    if (!earlier.ok) throw new Error(earlier.message);
    const sinceV2 = designDiff(baseline.document, baseline.check, earlier.template)!;
    expect(sinceV2.from).toBe('nz-national-baseline@2.0.0');
    expect(sinceV2.text).toBe(formatDiff(diff(earlier.template, baseline.check.resolved!)));
    // 3.0.0 made the child-expertise check the plugin's node: it changed since 2.0.0.
    expect(sinceV2.nodes.get('child-expertise-check')).toBe('changed');

    // Rangiora (local, over Canterbury) against Canterbury resolved: what the local level adds.
    session.openFile(fileNamed('rangiora-local.json'));
    const rangiora = session.getSnapshot().active!;
    const canterbury = session.comparison({ file: 'canterbury-regional.json' });
    if (!canterbury.ok) throw new Error(canterbury.message);
    const local = designDiff(rangiora.document, rangiora.check, canterbury.template)!;
    expect(local.from).toBe('nz-canterbury@3.0.0');
    expect(local.text).toBe(formatDiff(diff(canterbury.template, rangiora.check.resolved!)));
    expect(local.entries.length).toBeGreaterThan(0);

    // An open document by its tab, as edited.
    const tab = session.getSnapshot().documents.find((doc) => doc.name === 'nz-national-baseline.json')!;
    const open = session.comparison({ key: tab.key });
    expect(open.ok && open.template.version).toBe('3.0.0');

    expect(session.comparison({ file: 'not-in-the-library.json' })).toEqual({ ok: false, message: 'not-in-the-library.json is not in the library.' });
    // A library file is opened and checked once, however often the active document changes.
    const again = session.comparison({ file: 'canterbury-regional.json' });
    expect(again.ok && again.template).toBe(canterbury.template);
  });

  it('draws the version compared with on its own, side by side: what was removed or changed marked, nothing editable', () => {
    const baseline = opened('nz-national-baseline.json');
    const removed = removeElement(baseline, 'nodes', 'agree-follow-up');
    if (!removed.ok) throw new Error('remove');
    const check = checkDocument(removed.document);
    const differences = designDiff(removed.document, check)!;
    const before = beforeCanvasModel(differences, library.plugins);
    expect(before.nodes.find((n) => n.id === 'agree-follow-up')).toMatchObject({ change: 'removed', editable: false });
    expect(before.nodes.some((n) => n.id.startsWith('removed:'))).toBe(false);
    expect(before.nodes.every((n) => !n.editable)).toBe(true);
    expect(before.slots).toEqual([]);
    const removedTransitions = differences.entries.filter((e) => e.collection === 'transitions' && e.kind === 'removed').map((e) => e.id);
    expect(removedTransitions.length).toBeGreaterThan(0);
    for (const id of removedTransitions) expect(before.edges.find((e) => e.id === id)?.change).toBe('removed');
    // The document's own side keeps the ghost overlay as before.
    expect(canvasModel(removed.document, check, undefined, differences).nodes.some((n) => n.id === 'removed:agree-follow-up')).toBe(true);
  });
});
