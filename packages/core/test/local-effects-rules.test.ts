import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkVariant, parseVariant, rebase, resolve, type PathwayTemplate, type PathwayVariantInput, type VariantProblem } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { allowing, baselineJson, parsed, variantOf, type Allowances, type BaselineJson } from './local-effects-fixtures.js';

// What a region's own elements may do to national elements: each kind of local effect is refused
// by default (with the change and the place in the variant), passes where the baseline allows it,
// and never opens national work due later than its national bound, allowed or not. The parents
// are copies of the NZ baseline with exactly the allowances each case needs. All data is fictional.

type Change = PathwayVariantInput['changes'][number];

const base = parsed(baselineJson());
const point = base.adjustmentPoints.find((p) => p.kind === 'fragment')!;
const listingOf = (template: PathwayTemplate, meeting: string) =>
  template.meetings.find((m) => m.id === meeting)?.listingType ?? template.workItemTypes.find((w) => w.kind === 'meetingListing')!.id;
const icm = 'intensive-case-management';
const icmListing = listingOf(base, icm);
const plan = base.planTypes[0]!;
const planWork = 'family-safety-plan-development';

/** National types and a fact of the test's own, so the due rules can be shown whatever the baseline has. */
function withTestElements(json: BaselineJson): void {
  const task = (id: string, due: unknown) => ({ id, label: { en: `Fictional ${id}` }, kind: 'task', ownerRole: 'coordinator', due, governance: { mode: 'locked', reason: 'A national time limit.' } });
  json.workItemTypes.push(task('home-visit', 'P3D'), task('hub-follow-up', { workingDays: 2 }), task('court-preparation', { relativeTo: 'courtDateAt', before: 'P2D' }));
  json.facts = [
    ...(json.facts ?? []),
    { id: 'courtDateAt', label: { en: 'Court date' }, type: 'instant', governance: { mode: 'locked' } },
    { id: 'hearingAt', label: { en: 'Hearing' }, type: 'instant', governance: { mode: 'locked' } },
  ];
}

/** The baseline with exactly these allowances (and the test's own national elements). */
const parentAllowing = (allowances: Allowances = {}) => parsed(allowing(allowances, { edit: withTestElements }));
const none = parentAllowing();

const localEffects = (parent: PathwayTemplate, changes: Change[]): VariantProblem[] =>
  checkVariant(parent, variantOf(parent, changes)).problems.filter((p) => p.code === 'PWY_VARIANT_LOCAL_EFFECT');

/** A two-activity fragment at the baseline's first fragment point; the second activity and the transition into it are given. */
function fragment(second: Record<string, unknown>, actions: unknown[] = [], events: Record<string, unknown>[] = [], ns = 'lfx'): Change {
  return {
    op: 'addFragment',
    point: point.id,
    nodes: [
      { id: `${ns}/hui`, stage: point.stage, type: 'humanTask', label: { en: 'Whānau hui', mi: 'Hui whānau' }, ownerRole: 'coordinator' },
      { id: `${ns}/follow-up`, stage: point.stage, type: 'humanTask', label: { en: 'Local follow-up' }, ownerRole: 'coordinator', ...second },
    ],
    transitions: [{ id: `${ns}/hui-held`, from: `${ns}/hui`, to: `${ns}/follow-up`, on: `${ns}.hui.held`, actions }],
    entry: `${ns}/hui`,
    exit: { node: `${ns}/follow-up`, on: `${ns}.follow-up.done` },
    events: [{ type: `${ns}.hui.held`, label: { en: 'Record the hui' } }, { type: `${ns}.follow-up.done`, label: { en: 'Follow-up done' } }, ...events],
  } as Change;
}
const escalation = (...response: unknown[]): Change =>
  ({ op: 'add', collection: 'escalations', element: { id: 'lfx/early-support', label: { en: 'Early local support' }, trigger: { kind: 'tierRaised' }, response } }) as Change;
const localEvent = (extra: Record<string, unknown>): Change =>
  ({ op: 'add', collection: 'events', element: { type: 'lfx.hub.assessed', label: { en: 'Community hub assessment' }, ...extra } }) as Change;
const milestone = (id: string) => ({ name: 'recordMilestone', params: { milestone: id } });

const kinds: { name: string; changes: Change[]; path: (string | number)[]; names: string; allow: Allowances; due?: { changes: Change[]; path: (string | number)[] } }[] = [
  {
    name: 'a fragment transition records the national milestone child-check-done',
    changes: [fragment({}, [milestone('lfx/hui-held'), milestone('child-check-done')])],
    path: ['changes', 0, 'transitions', 0, 'actions', 1],
    names: 'child-check-done',
    allow: { milestones: ['child-check-done'] },
  },
  {
    name: 'a fragment transition records the national milestone intensive-review-held',
    changes: [fragment({}, [milestone('intensive-review-held')])],
    path: ['changes', 0, 'transitions', 0, 'actions', 0],
    names: 'intensive-review-held',
    allow: { milestones: ['intensive-review-held'] },
  },
  {
    name: 'a fragment activity opens national first-contact work',
    changes: [fragment({ workItemType: 'first-contact' })],
    path: ['changes', 0, 'nodes', 1, 'workItemType'],
    names: 'first-contact',
    allow: { workItemTypes: ['first-contact'] },
    due: { changes: [fragment({ workItemType: 'first-contact', due: 'P30D' })], path: ['changes', 0, 'nodes', 1, 'due'] },
  },
  {
    name: 'a fragment activity works the intensive case management listing',
    changes: [fragment({ meeting: icm })],
    path: ['changes', 0, 'nodes', 1, 'meeting'],
    names: icmListing,
    allow: { workItemTypes: [icmListing] },
    due: { changes: [fragment({ meeting: icm, due: 'P30D' })], path: ['changes', 0, 'nodes', 1, 'due'] },
  },
  {
    name: 'a local escalation opens national first-contact work',
    changes: [escalation({ kind: 'notify', role: 'coordinator' }, { kind: 'createWorkItem', workItemType: 'first-contact' })],
    path: ['changes', 0, 'element', 'response', 1],
    names: 'first-contact',
    allow: { workItemTypes: ['first-contact'] },
    due: { changes: [escalation({ kind: 'createWorkItem', workItemType: 'first-contact', due: 'P30D' })], path: ['changes', 0, 'element', 'response', 0, 'due'] },
  },
  {
    name: 'a local escalation lists the case at intensive case management',
    changes: [escalation({ kind: 'listAtMeeting', meeting: icm })],
    path: ['changes', 0, 'element', 'response', 0],
    names: icmListing,
    allow: { workItemTypes: [icmListing] },
  },
  {
    name: 'a local escalation revises the family safety plan',
    changes: [escalation({ kind: 'revisePlan', planType: plan.id, workItemType: planWork })],
    path: ['changes', 0, 'element', 'response', 0],
    names: planWork,
    allow: { workItemTypes: [planWork] },
    due: { changes: [escalation({ kind: 'revisePlan', planType: plan.id, workItemType: planWork, due: 'P60D' })], path: ['changes', 0, 'element', 'response', 0, 'due'] },
  },
  {
    name: 'a local event records a national case fact',
    changes: [localEvent({ payload: { when: { type: 'instant' } }, records: { when: 'courtDateAt' } })],
    path: ['changes', 0, 'element', 'records', 'when'],
    names: 'courtDateAt',
    allow: { facts: ['courtDateAt'] },
  },
  {
    name: 'a fragment event records a national case fact',
    changes: [fragment({}, [], [{ type: 'lfx.court.noted', label: { en: 'Court date noted' }, payload: { when: { type: 'instant' } }, records: { when: 'courtDateAt' } }])],
    path: ['changes', 0, 'events', 2, 'records', 'when'],
    names: 'courtDateAt',
    allow: { facts: ['courtDateAt'] },
  },
  {
    name: 'a local event assesses the tier',
    changes: [localEvent({ payload: { tier: { type: 'tier' } }, assessesTier: { field: 'tier' } })],
    path: ['changes', 0, 'element', 'assessesTier'],
    names: 'tier',
    allow: { tiers: true },
  },
  {
    name: 'an intake source event assesses the tier',
    changes: [
      {
        op: 'addIntakeSource',
        point: base.adjustmentPoints.find((p) => p.kind === 'entryPoint')!.id,
        agency: { id: 'lfx/community-hub', label: { en: 'Community hub (fictional)' }, agencyType: 'community' },
        event: { type: 'lfx.hub-referral.received', label: { en: 'Referral from the hub' }, payload: { tier: { type: 'tier' } }, assessesTier: { field: 'tier' } },
      } as Change,
    ],
    path: ['changes', 0, 'event', 'assessesTier'],
    names: 'tier',
    allow: { tiers: true },
  },
];

describe('local effects on national elements', () => {
  describe.each(kinds)('$name', ({ changes, path, names, allow, due }) => {
    it('is refused by default, naming the change, the place and the national element', () => {
      const problems = localEffects(none, changes);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ change: path[1], path });
      expect(problems[0]!.message).toContain(names === 'tier' ? 'tier' : `"${names}"`);
      expect(problems[0]!.message).toMatch(/national/);
    });

    it('passes where the baseline allows it', () => {
      expect(localEffects(parentAllowing(allow), changes)).toEqual([]);
    });

    if (due) {
      it('is refused when due later than the national bound, even where allowed', () => {
        const problems = localEffects(parentAllowing(allow), due.changes);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ change: due.path[1], path: due.path });
        expect(problems[0]!.message).toMatch(/bound/);
      });
    }
  });

  it('the bound is the one in force in the resolved pathway (a tailored parameter)', () => {
    const allowed = parentAllowing({ workItemTypes: ['first-contact'] });
    const changes: Change[] = [{ op: 'setParameter', name: 'firstContactHigh', value: 'PT12H' }, escalation({ kind: 'createWorkItem', workItemType: 'first-contact', due: 'PT18H' })];
    expect(localEffects(allowed, changes)).toMatchObject([{ change: 1, path: ['changes', 1, 'element', 'response', 0, 'due'] }]);
    expect(localEffects(allowed, [changes[1]!])).toEqual([]);
  });

  const dueCases: { type: string; due: unknown; later: RegExp | null }[] = [
    { type: 'home-visit', due: 'P2D', later: null },
    { type: 'home-visit', due: 'PT72H', later: null },
    { type: 'home-visit', due: 'P4D', later: /later/ },
    { type: 'home-visit', due: { workingDays: 2 }, later: /cannot be compared/ },
    { type: 'home-visit', due: { relativeTo: 'courtDateAt', before: 'P5D' }, later: /can fall any time/ },
    { type: 'hub-follow-up', due: { workingDays: 1 }, later: null },
    { type: 'hub-follow-up', due: { workingDays: 3 }, later: /later/ },
    { type: 'hub-follow-up', due: 'P1D', later: /cannot be compared/ },
    { type: 'court-preparation', due: { relativeTo: 'courtDateAt', before: 'P3D' }, later: null },
    { type: 'court-preparation', due: { relativeTo: 'courtDateAt', before: 'PT48H' }, later: null },
    { type: 'court-preparation', due: { relativeTo: 'courtDateAt', before: 'P1D' }, later: /later/ },
    { type: 'court-preparation', due: { relativeTo: 'courtDateAt' }, later: /later/ },
    { type: 'court-preparation', due: { relativeTo: 'courtDateAt', after: 'PT1H' }, later: /later/ },
    { type: 'court-preparation', due: { relativeTo: 'courtDateAt', before: { workingDays: 3 } }, later: /cannot be compared/ },
    { type: 'court-preparation', due: { relativeTo: 'hearingAt', before: 'P5D' }, later: /cannot be compared with a bound counted from "courtDateAt"/ },
    { type: 'court-preparation', due: 'PT1H', later: /count the due from "courtDateAt"/ },
    { type: 'first-contact', due: 'PT12H', later: null },
    { type: 'first-contact', due: { param: 'firstContactEscalating' }, later: /later/ },
  ];
  it.each(dueCases)('opening $type due $due', ({ type, due, later }) => {
    const allowed = parentAllowing({ workItemTypes: [type] });
    const problems = localEffects(allowed, [escalation({ kind: 'createWorkItem', workItemType: type, due })]);
    if (later === null) expect(problems).toEqual([]);
    else {
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(later);
    }
  });

  it('keeps national actions on a rerouted national transition out of it; only new actions count', () => {
    const carrier = base.transitions.find((t) => t.actions.some((a) => a.name === 'recordMilestone') && base.nodes.find((n) => n.id === t.from)?.governance?.mode !== 'locked')!;
    const stage = base.nodes.find((n) => n.id === carrier.from)!.stage;
    const parent = parsed(
      allowing({}, {
        edit: (json) => {
          withTestElements(json);
          json.adjustmentPoints.push({ kind: 'fragment', id: 'test-point', label: { en: 'Test point' }, stage, transition: carrier.id });
        },
      }),
    );
    const hui: Change = {
      op: 'addFragment',
      point: 'test-point',
      nodes: [{ id: 'lfx/hui', stage, type: 'humanTask', label: { en: 'Hui' }, ownerRole: 'coordinator' }],
      entry: 'lfx/hui',
      exit: { node: 'lfx/hui', on: 'lfx.hui.held' },
      events: [{ type: 'lfx.hui.held', label: { en: 'Record the hui' } }],
    } as Change;
    const checked = checkVariant(parent, variantOf(parent, [hui]));
    expect(checked.provenance?.[`transitions:${carrier.id}`]).toMatchObject({ source: 'nz-lfx-region', change: 0 });
    expect(checked.problems.filter((p) => p.code === 'PWY_VARIANT_LOCAL_EFFECT')).toEqual([]);

    // Adding an action beside the national ones blames only the new one.
    const added = localEffects(parent, [{ op: 'setField', collection: 'transitions', id: carrier.id, field: 'actions', value: [...carrier.actions, milestone('closed')] } as Change]);
    expect(added).toMatchObject([{ change: 0, path: ['changes', 0, 'value', carrier.actions.length] }]);
    expect(added[0]!.message).toContain('"closed"');
  });

  it('keeps national responses of a changed national escalation out of it; only new responses count', () => {
    const rule = base.escalations.find((r) => r.response.some((x) => x.kind === 'createWorkItem' || x.kind === 'listAtMeeting'))!;
    const element = { ...JSON.parse(JSON.stringify(rule)), response: [...rule.response, { kind: 'createWorkItem', workItemType: 'home-visit' }] };
    const problems = localEffects(none, [{ op: 'replace', collection: 'escalations', id: rule.id, element } as Change]);
    expect(problems).toMatchObject([{ change: 0, path: ['changes', 0, 'element', 'response', rule.response.length] }]);
    expect(problems[0]!.message).toContain(`The escalation "${rule.id}", as this variant changes it,`);
  });

  it('local elements of local types, milestones and meetings need nothing', () => {
    const changes: Change[] = [
      { op: 'add', collection: 'workItemTypes', element: { id: 'lfx/hui-task', label: { en: 'Hui task' }, kind: 'task', ownerRole: 'coordinator', due: 'P30D' } },
      { op: 'add', collection: 'milestones', element: { id: 'lfx/hui-held', label: { en: 'Hui held' } } },
      fragment({ workItemType: 'lfx/hui-task', due: 'P30D' }, [milestone('lfx/hui-held')]),
      escalation({ kind: 'createWorkItem', workItemType: 'lfx/hui-task', due: 'P60D' }, { kind: 'notify', role: 'coordinator' }),
    ];
    expect(localEffects(none, changes)).toEqual([]);
  });

  it('under a region, the elements of the level above are judged by its allowances, and named as its own', () => {
    const region = variantOf(base, [{ op: 'add', collection: 'milestones', element: { id: 'lfx/hui-held', label: { en: 'Hui held' } } }]);
    const regional = resolve(base, [region]);
    if (!regional.ok) throw new Error(JSON.stringify(regional.problems));
    const local = parseVariant({
      kind: 'variant',
      id: 'nz-lfx-local',
      version: '1.0.0',
      title: { en: 'Fictional locality' },
      locality: { id: 'lcl', level: 'local', name: 'Fictional locality' },
      extends: { id: region.id, version: region.version },
      effectiveFrom: '2026-08-01',
      changes: [fragment({}, [milestone('lfx/hui-held')], [], 'lcl')],
    });
    if (!local.ok) throw new Error(JSON.stringify(local.problems));
    const problems = checkVariant(regional.template, local.variant, regional.provenance).problems.filter((p) => p.code === 'PWY_VARIANT_LOCAL_EFFECT');
    expect(problems).toMatchObject([{ change: 0, path: ['changes', 0, 'transitions', 0, 'actions', 0] }]);
    expect(problems[0]!.message).toContain(`the milestone "lfx/hui-held" of ${region.id}`);
  });

  it('the fictional valid variants in examples/ have no local effect on national elements', () => {
    const read = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'variants', 'valid', `${name}.json`), 'utf8')) as Record<string, unknown>;
    const canterbury = read('canterbury-regional');
    const regional = resolve(base, [{ ...canterbury, extends: { id: base.id, version: base.version } }]);
    if (!regional.ok) throw new Error(JSON.stringify(regional.problems));
    const found = [
      ...checkVariant(base, canterbury).problems,
      ...checkVariant(base, read('west-coast-rural')).problems,
      ...checkVariant(regional.template, read('rangiora-local'), regional.provenance).problems,
    ].filter((p) => p.code === 'PWY_VARIANT_LOCAL_EFFECT');
    expect(found).toEqual([]);
  });
});

describe('rebase and local effects', () => {
  it('a new version that withdraws an allowance the variant uses is a conflict of the change that uses it', () => {
    const from = parentAllowing({ workItemTypes: ['plan-action'] });
    const to = parsed({ ...allowing({}, { edit: withTestElements }), version: '9.0.0' });
    const variant = variantOf(from, [fragment({ workItemType: 'plan-action' })]);
    expect(localEffects(from, variant.changes as Change[])).toEqual([]);
    const result = rebase(variant, from, to);
    expect(result.outcomes).toMatchObject([{ change: 0, status: 'conflict', reason: expect.stringMatching(/^In 9\.0\.0, .*"plan-action"/) }]);
    // The check agrees: no conflict would have meant no problem.
    expect(localEffects(to, variant.changes as Change[])).toHaveLength(1);
  });
});

describe('local facts', () => {
  it('a variant may declare its own dated fact, namespaced, and record it from its own event without any allowance', () => {
    const changes: Change[] = [
      { op: 'add', collection: 'facts', element: { id: 'lfx/hearingAt', label: { en: 'Local hearing' }, type: 'instant' } } as Change,
      localEvent({ payload: { hearingAt: { type: 'instant' } }, records: { hearingAt: 'lfx/hearingAt' } }),
    ];
    expect(checkVariant(none, variantOf(none, changes)).problems).toEqual([]);
  });
});
