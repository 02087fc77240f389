import { checkPublish, checkVariant, compile, parseTemplate } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { baselineJson, parsed } from './case-driver.js';

// The designer's picture of a pathway (node positions, notes) is saved in the document, and is not
// part of the pathway: what compiles, what is checked and what is published ignore it.

const layout = { nodes: { intake: { x: 40, y: 120 }, 'triage-listing': { x: 480.5, y: -60 } }, notes: [{ id: 'note-1', x: 10, y: 10, text: 'Ask the hub about the Friday triage (fictional).' }] };

describe('the layout section', () => {
  it('is read with the template and kept out of its content hash and compiled machine', () => {
    const plain = parsed(baselineJson());
    const drawn = parsed({ ...baselineJson(), layout });
    expect(drawn.layout).toEqual(layout);
    expect(compile(drawn).contentHash).toBe(compile(plain).contentHash);
    expect(compile(drawn).machine).toBe(compile(plain).machine);
  });

  it('does not make a published version look changed, nor a variant need anything', () => {
    const plain = parsed(baselineJson());
    const drawn = parsed({ ...baselineJson(), layout: { ...layout, notes: [] } });
    expect(checkPublish(plain, drawn, new Map([[plain.version, JSON.stringify({ ...plain, layout: undefined })]])).problems.map((p) => p.code)).toEqual(['PWY_VERSION_BUMP_REQUIRED']);
    const variant = {
      kind: 'variant', id: 'nz-fictional', version: '1.0.0', title: { en: 'Fictional' }, locality: { id: 'fic', level: 'regional', name: 'Fictional' },
      extends: { id: plain.id, version: plain.version }, effectiveFrom: '2027-01-01',
      changes: [{ op: 'setParameter', name: 'triageCadence', value: 'daily' }],
      layout: { nodes: { intake: { x: 0, y: 0 } }, notes: [{ id: 'n', x: 1, y: 2, text: 'Regional note' }] },
    };
    expect(checkVariant(plain, variant).problems).toEqual([]);
  });

  it('is checked like any input: positions are finite numbers, notes bounded, no other keys', () => {
    const codes = (value: unknown) => parseTemplate({ ...baselineJson(), layout: value }).problems.map((p) => `${p.code} ${p.path.join('.')}`);
    expect(codes({ nodes: { intake: { x: 'left', y: 0 } } })).toEqual(['PWY_SCHEMA_INVALID_TYPE layout.nodes.intake.x']);
    expect(codes({ nodes: {}, colour: 'blue' })).toEqual(['PWY_SCHEMA_UNKNOWN_KEY layout.colour']);
    expect(codes({ notes: [{ id: 'n', x: 0, y: 0, text: 'x'.repeat(2001) }] })).toEqual(['PWY_SCHEMA_INVALID_VALUE layout.notes.0.text']);
  });
});
