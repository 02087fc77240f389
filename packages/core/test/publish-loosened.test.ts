import { checkPublish, impact, loosenedSafeguards, parseTemplate, type PathwayTemplate } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { tinyTemplateJson } from './fixtures.js';

// What a new baseline version lets variants do that the last one did not: compatible with every
// variant (semver asks for a minor version), but a lower national floor, so it is listed for
// national assurance beside the breaking changes.

type Json = ReturnType<typeof tinyTemplateJson> & { version: string; parameters: Record<string, Record<string, unknown>>; invariants?: unknown[] };
type Node = { id: string; governance?: Record<string, unknown> };

function release(version: string, edit: (json: Json) => void = () => {}): PathwayTemplate {
  const json = tinyTemplateJson() as Json;
  json.version = version;
  edit(json);
  const parsed = parseTemplate(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
  return parsed.template;
}
const nodeOf = (json: Json, id: string) => (json.nodes as Node[]).find((node) => node.id === id)!;

const published = release('1.0.0');

describe('loosened safeguards', () => {
  it('lists a lock removed, a bound widened, a field opened for tailoring and a local effect allowed; a minor version is enough', () => {
    const next = release('1.1.0', (json) => {
      delete nodeOf(json, 'notify-advocate').governance;
      json.parameters.firstContactHigh!.governance = { mode: 'tailorable', bounds: { value: { max: 'PT48H' } }, reason: 'Wider (fictional).' };
      (json.milestones as { id: string; governance?: unknown }[]).find((milestone) => milestone.id === 'triaged')!.governance = { mode: 'free', localEffects: ['recordMilestone'] };
    });
    expect(loosenedSafeguards(published, next)).toEqual([
      'nodes "notify-advocate" was locked and is now free',
      'milestones "triaged" now allows local elements to recordMilestone',
      'parameter "firstContactHigh": "value" has wider bounds',
    ]);
    const check = checkPublish(published, next);
    expect(check.ok).toBe(true);
    expect(check.requiredBump).toBe('minor');
    expect(check.loosened).toHaveLength(3);
  });

  it('is the mirror of the breaking changes: tightening loosens nothing, and the same version twice loosens nothing', () => {
    const tighter = release('2.0.0', (json) => {
      json.parameters.firstContactHigh!.governance = { mode: 'locked', reason: 'Locked (fictional).' };
    });
    expect(checkPublish(published, tighter).breaking).toEqual(['parameter "firstContactHigh" is now locked']);
    expect(loosenedSafeguards(published, tighter)).toEqual([]);
    expect(loosenedSafeguards(tighter, published)).toEqual(['parameter "firstContactHigh" was locked and is now tailorable']);
    expect(loosenedSafeguards(published, release('1.0.1'))).toEqual([]);
  });

  it('lists a tailorable field newly opened on an element', () => {
    const next = release('1.1.0', (json) => {
      nodeOf(json, 'first-contact').governance = { mode: 'tailorable', bounds: { ownerRole: { values: ['specialist-victim-advocate'] } } };
    });
    const before = release('1.0.0', (json) => {
      nodeOf(json, 'first-contact').governance = { mode: 'tailorable', bounds: {} };
    });
    expect(loosenedSafeguards(before, next)).toEqual(['nodes "first-contact": "ownerRole" is now tailorable']);
  });

  it('is part of the impact report, against the latest published version below the proposed one', () => {
    const unlocked = release('1.2.0', (json) => {
      delete nodeOf(json, 'notify-advocate').governance;
    });
    const report = impact(unlocked, [release('0.9.0'), published, release('2.0.0')], []);
    expect(report.publish).toMatchObject({ against: `${published.id}@1.0.0`, requiredBump: 'minor', breaking: [], loosened: ['nodes "notify-advocate" was locked and is now free'], problems: [] });
    expect(impact(published, [release('2.0.0')], []).publish).toBeUndefined();
  });
});
