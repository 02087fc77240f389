import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPublish, checkVariant, createEngine, parseScenario, parseVariant, resolve, runScenario, type PathwayVariant } from '@pathways/core';
import { nzNationalBaseline } from '@pathways/templates';
import { describe, expect, it } from 'vitest';

const read = (folder: string, name: string): PathwayVariant => {
  const parsed = parseVariant(readFileSync(join(import.meta.dirname, folder, `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.variant;
};
const canterbury = read('valid', 'canterbury-regional');
const rangiora = read('valid', 'rangiora-local');
const westCoast = read('valid', 'west-coast-rural');
const regional = resolve(nzNationalBaseline, [canterbury]);
if (!regional.ok) throw new Error(JSON.stringify(regional.problems));

describe('valid variants of the NZ national baseline', () => {
  it('Canterbury (regional) passes check, and resolves with provenance to a template that compiles', () => {
    const checked = checkVariant(nzNationalBaseline, canterbury);
    expect(checked.problems).toEqual([]);
    expect(regional.template.parameters.firstContactHigh?.kind === 'duration' && regional.template.parameters.firstContactHigh.value).toBe('PT12H');
    expect(regional.provenance['nodes:chc/kaupapa-maori-service']).toEqual({ level: 'regional', source: 'nz-canterbury', change: 8 });
    expect(regional.provenance['nodes:triage-listing']).toEqual({ level: 'national', source: 'nz-national-baseline' });
    expect(regional.template.transitions.find((t) => t.id === 'allocation-complete')?.to).toBe('chc/kaupapa-maori-service');
  });

  it('Canterbury runs: the first-contact escalation for high risk is due within 12 hours', () => {
    const engine = createEngine(regional.template);
    const { record } = engine.startCase({ caseId: 'case-chc-1', openedAt: '2026-08-03T09:00:00+12:00', episode: { episodeId: 'e1', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false } });
    const result = engine.send(record, { type: 'risk.assessed', payload: { personId: 'person-aroha', level: 'high' }, at: '2026-08-03T09:30:00+12:00', actor: 'kaimahi-ana', idempotencyKey: 'k1', expectedVersion: 0 });
    if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'workItem.created', workItemType: 'first-contact', due: '2026-08-03T09:30:00.000Z' }));
  });

  it('Rangiora (local, under Canterbury) passes check against the resolved regional level', () => {
    expect(checkVariant(regional.template, rangiora, regional.provenance).problems).toEqual([]);
    const local = resolve(nzNationalBaseline, [canterbury, rangiora]);
    expect(local.ok).toBe(true);
    if (local.ok) {
      expect(local.provenance['nodes:rga/whanau-hui']).toMatchObject({ level: 'local', source: 'nz-canterbury-rangiora' });
      expect(local.provenance['meetings:daily-triage']).toMatchObject({ level: 'regional', source: 'nz-canterbury' });
    }
  });

  it('West Coast (rural) passes check: weekly triage and a community hub as an extra entry point', () => {
    expect(checkVariant(nzNationalBaseline, westCoast).problems).toEqual([]);
    const rural = resolve(nzNationalBaseline, [westCoast]);
    if (!rural.ok) throw new Error(JSON.stringify(rural.problems));
    expect(rural.template.transitions.find((t) => t.id === 'wcr/intake-community-hub')).toMatchObject({ from: 'intake', to: 'record-referral', on: 'wcr.community-referral.received' });
  });

  it('the low-risk national scenario still passes on the resolved Canterbury pathway up to allocation', () => {
    const scenario = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'packages', 'templates', 'scenarios', 'low-risk-closed-after-follow-up.json'), 'utf8')) as { steps: unknown[] };
    scenario.steps = scenario.steps.slice(0, 12);
    const parsed = parseScenarioValue(scenario);
    const report = runScenario(regional.template, parsed);
    expect(report.failures).toEqual([]);
    expect(report.final.active.map((a) => a.node)).toEqual(['offer-cultural-service']);
  });
});

function parseScenarioValue(value: unknown) {
  const parsed = parseScenario(value);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/**
 * Each refused example: the problem it is about, the change that causes it, and the complete list of
 * codes it gets, in order, so a problem that appears or disappears fails the test.
 */
const invalid: { name: string; code: string; change: number | null; codes: string[] }[] = [
  { name: 'removes-locked-node', code: 'PWY_VARIANT_LOCKED', change: 0, codes: ['PWY_VARIANT_LOCKED', ...Array<string>(6).fill('PWY_REFERENCE_DANGLING')] },
  { name: 'first-contact-beyond-bound', code: 'PWY_VARIANT_OUT_OF_BOUNDS', change: 0, codes: ['PWY_VARIANT_OUT_OF_BOUNDS', 'PWY_BOUNDS_CONTRADICT'] },
  { name: 'high-risk-straight-to-closure', code: 'PWY_INVARIANT_VIOLATED', change: 0, codes: ['PWY_VARIANT_LOCKED', 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', 'PWY_INVARIANT_VIOLATED'] },
  { name: 'removes-child-expertise-check', code: 'PWY_VARIANT_LOCKED', change: 0, codes: ['PWY_VARIANT_LOCKED', ...Array<string>(3).fill('PWY_REFERENCE_DANGLING')] },
  { name: 'fragment-outside-adjustment-point', code: 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', change: 0, codes: ['PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', 'PWY_NODE_UNREACHABLE', 'PWY_DEAD_END'] },
  { name: 'escalation-to-missing-node', code: 'PWY_REFERENCE_DANGLING', change: 0, codes: ['PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', 'PWY_REFERENCE_DANGLING'] },
  { name: 'regional-unlocks-national', code: 'PWY_VARIANT_UNLOCK', change: 0, codes: ['PWY_VARIANT_UNLOCK'] },
  { name: 'local-changes-regional-lock', code: 'PWY_VARIANT_LOCKED', change: 0, codes: ['PWY_VARIANT_LOCKED'] },
];

describe('invalid variants are refused with their exact problem', () => {
  for (const { name, code, change, codes } of invalid) {
    it(`${name}: ${code}`, () => {
      const variant = read('invalid', name);
      const parent = variant.extends.id === 'nz-canterbury' ? regional.template : nzNationalBaseline;
      const result = checkVariant(parent, variant, variant.extends.id === 'nz-canterbury' ? regional.provenance : undefined);
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.code), JSON.stringify(result.problems, null, 2)).toEqual(codes);
      const found = result.problems.find((p) => p.code === code);
      expect(found, JSON.stringify(result.problems, null, 2)).toBeDefined();
      expect(found?.change).toBe(change);
      expect(found?.message.length).toBeGreaterThan(20);
    });
  }

  it('the shortcut from high risk to closure breaks the invariant with a witness through the new transition', () => {
    const result = checkVariant(nzNationalBaseline, read('invalid', 'high-risk-straight-to-closure'));
    const broken = result.problems.find((p) => p.code === 'PWY_INVARIANT_VIOLATED');
    expect(broken?.message).toContain('high-passes-intensive-review');
    expect(broken?.witness?.some((step) => step.transition === 'chc/fast-close')).toBe(true);
    expect(broken?.witness?.at(-1)?.node).toBe('closed');
    expect(result.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', 'PWY_VARIANT_LOCKED']));
  });
});

describe('ways around a safeguard that are refused too', () => {
  const variant = (changes: unknown[], locality = { id: 'chc', level: 'regional', name: 'Fictional' }, base = { id: 'nz-national-baseline', version: '3.0.0' }) => ({
    kind: 'variant',
    id: 'fictional-variant',
    version: '1.0.0',
    title: { en: 'Fictional variant' },
    locality,
    extends: base,
    effectiveFrom: '2026-07-01',
    changes,
  });
  const codes = (result: ReturnType<typeof checkVariant>) => result.problems.map((p) => p.code);

  it('widening a duration bound is loosening governance', () => {
    const result = checkVariant(nzNationalBaseline, variant([{ op: 'setGovernance', collection: 'workItemTypes', id: 'plan-confirmation', governance: { mode: 'tailorable', bounds: { label: {}, due: { max: 'P30D' } } } }]));
    expect(codes(result)).toContain('PWY_VARIANT_UNLOCK');
  });

  it('a region can lock a parameter, and a local variant under it cannot then change it', () => {
    const local = variant([{ op: 'setParameter', name: 'triageCadence', value: 'weekly' }], { id: 'rga', level: 'local', name: 'Fictional' }, { id: 'nz-canterbury', version: '3.0.0' });
    expect(codes(checkVariant(regional.template, local, regional.provenance))).toEqual(['PWY_VARIANT_LOCKED']);
  });

  it('retargeting a national transition is changing the flow outside an adjustment point', () => {
    const result = checkVariant(nzNationalBaseline, variant([{ op: 'setField', collection: 'transitions', id: 'first-contact-made-escalating', field: 'to', value: 'allocate-workers' }]));
    expect(codes(result)).toContain('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT');
  });

  it('a local escalation cannot route the flow', () => {
    const result = checkVariant(nzNationalBaseline, variant([{ op: 'add', collection: 'escalations', element: { id: 'chc/jump', label: { en: 'Jump' }, trigger: { kind: 'event', event: 'barrier.raised' }, response: [{ kind: 'route', to: 'closure-confirmation' }] } }]));
    expect(codes(result)).toContain('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT');
  });

  it('an adjustment point cannot be placed on a transition a lock covers', () => {
    const result = checkVariant(nzNationalBaseline, variant([{ op: 'addAdjustmentPoint', point: { kind: 'fragment', id: 'chc/before-close', label: { en: 'Before closing' }, stage: 'monitoring', transition: 'case-closed' } }]));
    expect(codes(result)).toContain('PWY_VARIANT_LOCKED');
  });

  it('dropping a milestone from a national transition is changing the flow', () => {
    const result = checkVariant(nzNationalBaseline, variant([{ op: 'setField', collection: 'transitions', id: 'lead-agency-assigned', field: 'actions', value: [] }]));
    expect(codes(result)).toContain('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT');
  });

  it('a regional entry-point slot may only lead where national intake goes', () => {
    const result = checkVariant(nzNationalBaseline, variant([{ op: 'addAdjustmentPoint', point: { kind: 'entryPoint', id: 'chc/late-entry', label: { en: 'Late entry' }, target: 'plan-approval' } }]));
    expect(codes(result)).toContain('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT');
  });

  it('tightening a parameter after setting its value within the new bounds is accepted', () => {
    const result = checkVariant(nzNationalBaseline, variant([
      { op: 'setParameter', name: 'overdueMargin', value: 'P1D' },
      { op: 'setParameterGovernance', name: 'overdueMargin', governance: { mode: 'tailorable', bounds: { value: { max: 'P1D' } } } },
    ]));
    expect(result.problems).toEqual([]);
  });

  it('opening a field for tailoring is not a breaking change', () => {
    const opened = JSON.parse(JSON.stringify(nzNationalBaseline)) as typeof nzNationalBaseline;
    const type = opened.workItemTypes.find((w) => w.id === 'plan-confirmation')!;
    (type as { governance: unknown }).governance = { mode: 'tailorable', bounds: { label: {}, due: { max: 'P3D' }, ownerRole: {} } };
    expect(checkPublish(nzNationalBaseline, { ...opened, version: '3.1.0' }).ok).toBe(true);
  });

  it('tightening an element bound is a breaking change for publishing', () => {
    const tighter = JSON.parse(JSON.stringify(nzNationalBaseline)) as typeof nzNationalBaseline;
    const type = tighter.workItemTypes.find((w) => w.id === 'plan-confirmation')!;
    (type as { governance: unknown }).governance = { mode: 'tailorable', bounds: { label: {}, due: { max: 'P2D' } } };
    expect(checkPublish(nzNationalBaseline, { ...tighter, version: '3.1.0' }).problems.map((p) => p.code)).toEqual(['PWY_VERSION_MAJOR_REQUIRED']);
  });
});
