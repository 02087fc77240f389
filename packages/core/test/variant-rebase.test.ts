import { checkPublish, checkVariant, impact, parseTemplate, parseVariant, rebase, type PathwayTemplate, type PathwayVariant, type PathwayVariantInput } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { tinyTemplateJson } from './fixtures.js';

// A regional hub keeps its variant when the national team publishes a new version: `rebase`
// re-applies every change onto the new version and names each one the new version collides with,
// with what to do about it. Nothing is dropped silently.

type TemplateJson = ReturnType<typeof tinyTemplateJson> & { version: string; parameters: Record<string, Record<string, unknown>>; roles: Record<string, unknown>[] };

/** The walking-skeleton template at `version`, after `edit` (a national release). */
function release(version: string, edit: (json: TemplateJson) => void = () => {}): PathwayTemplate {
  const json = tinyTemplateJson() as TemplateJson;
  json.version = version;
  edit(json);
  const parsed = parseTemplate(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
  return parsed.template;
}

const node = (json: TemplateJson, id: string) => json.nodes.find((n) => n.id === id)!;

const v1 = release('1.0.0');

/** The region's variant of 1.0.0; each change is one a later release can collide with. */
function regionalVariant(changes: PathwayVariantInput['changes'], range: string | null = '^1.0.0'): PathwayVariant {
  const parsed = parseVariant({
    kind: 'variant',
    id: 'tiny-region',
    version: '1.0.0',
    title: { en: 'Tiny pathway, region' },
    locality: { id: 'rgn', level: 'regional', name: 'Region' },
    extends: { id: v1.id, version: v1.version, ...(range === null ? {} : { range }) },
    effectiveFrom: '2026-08-01',
    changes,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
  return parsed.variant;
}

const variant = regionalVariant([
  { op: 'setParameter', name: 'firstContactHigh', value: 'PT12H', reason: 'Regional commitment: 12 hours.' },
  { op: 'setParameter', name: 'triageDue', value: 'PT8H' },
  { op: 'setField', collection: 'nodes', id: 'first-contact', field: 'ownerRole', value: 'coordinator' },
  { op: 'replace', collection: 'roles', id: 'coordinator', element: { id: 'coordinator', label: { en: 'Regional coordinator' } } },
  { op: 'add', collection: 'roles', element: { id: 'rgn/kaimahi', label: { en: 'Kaimahi' } } },
  { op: 'setParameterGovernance', name: 'reviewCadence', governance: { mode: 'locked', reason: 'Fixed regionally.' } },
]);

describe('rebase of a regional variant onto a new national version', () => {
  it('is a valid variant of the version it extends (the starting point of every case below)', () => {
    expect(checkVariant(v1, variant).problems).toEqual([]);
  });

  it('applies every change when the new version touches none of them, and keeps a range the new version satisfies', () => {
    const result = rebase(variant, v1, release('1.1.0'));
    expect(result.conflicts).toBe(0);
    expect(result.outcomes.map((o) => o.status)).toEqual(Array(variant.changes.length).fill('applied'));
    expect(result.variant.extends).toEqual({ id: v1.id, version: '1.1.0', range: '^1.0.0' });
    expect(result.variant.changes).toEqual(variant.changes);
  });

  it('drops a range the new version falls outside: it no longer proposes anything', () => {
    expect(rebase(variant, v1, release('2.0.0')).variant.extends).toEqual({ id: v1.id, version: '2.0.0' });
    expect(rebase(regionalVariant(variant.changes, null), v1, release('1.1.0')).variant.extends).toEqual({ id: v1.id, version: '1.1.0' });
  });

  it('reports a parameter the new version removed, and keeps the change', () => {
    const next = release('2.0.0', (json) => {
      delete json.parameters.triageDue;
      node(json, 'triage').due = 'PT24H';
    });
    const result = rebase(variant, v1, next);
    expect(result.outcomes[1]).toEqual({
      change: 1,
      op: 'setParameter',
      status: 'conflict',
      reason: '2.0.0 no longer has the parameter "triageDue".',
      suggestion: 'Remove this change, or set the parameter that replaced it.',
    });
    expect(result.conflicts).toBe(1);
    expect(result.variant.changes).toEqual(variant.changes);
  });

  it('reports a value the new bounds exclude, suggesting the new limit', () => {
    const next = release('2.0.0', (json) => {
      json.parameters.firstContactHigh!.value = 'PT8H';
      json.parameters.firstContactHigh!.governance = { mode: 'tailorable', bounds: { value: { max: 'PT8H' } } };
    });
    const [outcome] = rebase(variant, v1, next).outcomes;
    expect(outcome).toMatchObject({ change: 0, status: 'conflict' });
    expect(outcome!.reason).toMatch(/^In 2\.0\.0, "PT12H" is out of bounds: .*above the maximum/);
    expect(outcome!.suggestion).toBe('Set "firstContactHigh" to "PT8H" or another value within the new bounds.');
  });

  it('reports a parameter the new version locks, for its value and for its governance', () => {
    const next = release('2.0.0', (json) => {
      json.parameters.triageDue!.governance = { mode: 'locked', reason: 'Triage within a day, everywhere.' };
      json.parameters.reviewCadence!.governance = { mode: 'locked', reason: 'Reviews every five weeks.' };
    });
    const result = rebase(variant, v1, next);
    expect(result.outcomes[1]).toMatchObject({ status: 'conflict', reason: '2.0.0 locks "triageDue".', suggestion: 'Remove this change; the value is now fixed at "PT24H".' });
    expect(result.outcomes[5]).toMatchObject({ op: 'setParameterGovernance', status: 'conflict', reason: '2.0.0 already locks "reviewCadence".' });
    expect(result.conflicts).toBe(2);
  });

  it('reports a governance change on a parameter the new version removed', () => {
    const next = release('2.0.0', (json) => {
      delete json.parameters.reviewCadence;
      node(json, 'await-review').duration = 'P5W';
    });
    expect(rebase(variant, v1, next).outcomes[5]).toMatchObject({ status: 'conflict', reason: '2.0.0 no longer has the parameter "reviewCadence".', suggestion: 'Remove this change.' });
  });

  it('reports a change to an element the new version locks, with the national reason', () => {
    const next = release('2.0.0', (json) => {
      node(json, 'first-contact').governance = { mode: 'locked', reason: 'Advocates make first contact' };
    });
    expect(rebase(variant, v1, next).outcomes[2]).toEqual({
      change: 2,
      op: 'setField',
      status: 'conflict',
      reason: '2.0.0 locks nodes "first-contact" (Advocates make first contact).',
      suggestion: 'Remove this change: the level above now fixes this element.',
    });
  });

  it('keeps te reo Māori labels on an element the new version locks: a lock fixes only the English name', () => {
    const relabel = regionalVariant([{ op: 'relabel', collection: 'roles', id: 'victim-advocate', label: { mi: 'Kaitautoko' } }]);
    const next = release('2.0.0', (json) => {
      json.roles.find((r) => r.id === 'victim-advocate')!.governance = { mode: 'locked' };
    });
    expect(rebase(relabel, v1, next).outcomes).toEqual([{ change: 0, op: 'relabel', status: 'applied' }]);
  });

  it('reports a lock only when it is new: one already in force was checked when the variant was', () => {
    const lockRole = (json: TemplateJson) => {
      json.roles.find((r) => r.id === 'coordinator')!.governance = { mode: 'locked' };
    };
    const regionalLock = regionalVariant([{ op: 'setGovernance', collection: 'roles', id: 'coordinator', governance: { mode: 'locked' } }]);
    expect(rebase(regionalLock, release('1.0.0', lockRole), release('1.1.0', lockRole)).conflicts).toBe(0);
    expect(rebase(regionalLock, v1, release('2.0.0', lockRole)).outcomes[0]).toMatchObject({ status: 'conflict', reason: '2.0.0 locks roles "coordinator".' });
  });

  it('reports a field the new version changed under a local value, showing both', () => {
    const next = release('2.0.0', (json) => {
      json.roles.push({ id: 'lead-practitioner', label: { en: 'Lead practitioner' } });
      node(json, 'first-contact').ownerRole = 'lead-practitioner';
    });
    const outcome = rebase(variant, v1, next).outcomes[2]!;
    expect(outcome.status).toBe('conflict');
    expect(outcome.reason).toBe('2.0.0 changed "ownerRole" of "first-contact" from "victim-advocate" to "lead-practitioner"; this change sets "coordinator".');
    expect(outcome.suggestion).toContain('Review whether the local value is still needed');
  });

  it('reports an element the new version changed under a wholesale replacement, but not one it left alone', () => {
    const next = release('2.0.0', (json) => {
      json.roles.find((r) => r.id === 'coordinator')!.label = { en: 'Coordinator', mi: 'Kaiwhakarite ā-motu' };
    });
    const result = rebase(variant, v1, next);
    expect(result.outcomes[3]).toMatchObject({ op: 'replace', status: 'conflict', reason: '2.0.0 changed roles "coordinator", which this change replaces wholesale.' });
    expect(result.conflicts).toBe(1);
  });

  it('reports a change to an element the new version removed, pointing to pathways diff', () => {
    const next = release('2.0.0', (json) => {
      json.roles = json.roles.filter((r) => r.id !== 'coordinator');
      for (const n of json.nodes) if (n.ownerRole === 'coordinator') n.ownerRole = 'victim-advocate';
    });
    expect(rebase(variant, v1, next).outcomes[3]).toMatchObject({
      status: 'conflict',
      reason: '2.0.0 no longer has roles "coordinator".',
      suggestion: expect.stringContaining('see pathways diff'),
    });
  });

  it('reports a local element whose id the new version now uses itself', () => {
    const next = release('2.0.0', (json) => {
      json.roles.push({ id: 'rgn/kaimahi', label: { en: 'National kaimahi' } });
    });
    expect(rebase(variant, v1, next).outcomes[4]).toEqual({
      change: 4,
      op: 'add',
      status: 'conflict',
      reason: '2.0.0 now has its own roles "rgn/kaimahi".',
      suggestion: 'Rename the local element, or remove it if the national one covers it.',
    });
  });
});

describe('impact of a proposed national version on the variant catalogue', () => {
  // 1.0.0 lets regions choose who makes first contact; the proposed 2.0.0 narrows the choice to
  // advocates and withdraws the triage parameter.
  const ownerChoice = (values: string[]) => (json: TemplateJson) => {
    node(json, 'first-contact').governance = { mode: 'tailorable', bounds: { ownerRole: { values } } };
  };
  const published = release('1.0.0', ownerChoice(['victim-advocate', 'coordinator']));
  const proposed = release('2.0.0', (json) => {
    ownerChoice(['victim-advocate'])(json);
    delete json.parameters.triageDue;
    node(json, 'triage').due = 'PT24H';
  });
  const ofVersion = (version: string, id: string, changes: PathwayVariantInput['changes']): PathwayVariant => ({ ...regionalVariant(changes), id, extends: { id: v1.id, version } });

  const triage = ofVersion('1.0.0', 'tiny-fast-triage', [{ op: 'setParameter', name: 'triageDue', value: 'PT8H' }]);
  const owner = ofVersion('1.0.0', 'tiny-coordinator-first', [{ op: 'setField', collection: 'nodes', id: 'first-contact', field: 'ownerRole', value: 'coordinator' }]);
  const labels = ofVersion('1.0.0', 'tiny-reo', [{ op: 'relabel', collection: 'nodes', id: 'triage', label: { mi: 'Te aromatawai' } }]);
  const unknown = ofVersion('0.9.0', 'tiny-old', []);
  const draft = ofVersion('2.0.0', 'tiny-draft', [{ op: 'setParameter', name: 'firstContactHigh', value: 'P2D' }]);
  const otherBaseline: PathwayVariant = { ...regionalVariant([]), id: 'other', extends: { id: 'another-baseline', version: '1.0.0' } };

  it('the variants were valid against 1.0.0, and 2.0.0 is a breaking release the national team must publish as a major', () => {
    for (const variant of [triage, owner, labels]) expect(checkVariant(published, variant).problems).toEqual([]);
    const minor = { ...proposed, version: '1.1.0' };
    expect(checkPublish(published, minor).problems.map((p) => p.code)).toEqual(['PWY_VERSION_MAJOR_REQUIRED']);
    expect(checkPublish(published, minor).breaking).toEqual(['nodes "first-contact" has tighter bounds', 'parameter "triageDue" was withdrawn']);
    expect(checkPublish(published, proposed).ok).toBe(true);
  });

  it('lists each variant of the baseline with what the proposed version does to it, and counts those affected', () => {
    const report = impact(proposed, [published], [
      { source: 'triage.json', variant: triage },
      { source: 'owner.json', variant: owner },
      { source: 'labels.json', variant: labels },
      { source: 'old.json', variant: unknown },
      { source: 'draft.json', variant: draft },
      { source: 'other.json', variant: otherBaseline },
    ]);
    expect(report.proposed).toEqual({ id: v1.id, version: '2.0.0' });
    expect(report.variants.map((v) => [v.source, v.variant, v.extends, v.status])).toEqual([
      ['triage.json', 'tiny-fast-triage@1.0.0', 'tiny-pathway@1.0.0', 'conflicts'],
      ['owner.json', 'tiny-coordinator-first@1.0.0', 'tiny-pathway@1.0.0', 'conflicts'],
      ['labels.json', 'tiny-reo@1.0.0', 'tiny-pathway@1.0.0', 'ok'],
      ['old.json', 'tiny-old@1.0.0', 'tiny-pathway@0.9.0', 'unknown-base'],
      ['draft.json', 'tiny-draft@1.0.0', 'tiny-pathway@2.0.0', 'problems'],
    ]);
    expect(report.affected).toBe(4);
  });

  it('names the conflict a rebase finds, and the governance problem the check confirms', () => {
    const [fastTriage, coordinatorFirst, , , tooSlow] = impact(proposed, [published], [triage, owner, labels, unknown, draft].map((variant) => ({ source: variant.id, variant }))).variants;
    expect(fastTriage!.conflicts).toEqual([expect.objectContaining({ change: 0, reason: '2.0.0 no longer has the parameter "triageDue".' })]);
    // first-contact's owner did not change upstream, but its tighter bound no longer admits the
    // local value: the rebase judges each change with the check's own rules, so both name it.
    expect(coordinatorFirst!.conflicts).toEqual([expect.objectContaining({ change: 0, reason: expect.stringContaining('"ownerRole" of "first-contact" cannot be "coordinator"') })]);
    expect(coordinatorFirst!.problems.map((p) => [p.code, p.change])).toEqual([['PWY_VARIANT_OUT_OF_BOUNDS', 0]]);
    // A variant drafted against the proposed version itself is checked as it is.
    expect(tooSlow!.problems.map((p) => [p.code, p.change])).toContainEqual(['PWY_VARIANT_OUT_OF_BOUNDS', 0]);
    expect(tooSlow!.problems.every((p) => p.change === 0)).toBe(true);
  });
});
