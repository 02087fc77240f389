import { checkVariant, rebase, type PathwayVariant, type PathwayVariantInput } from '@pathways/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communityIntake, governanceProblems, hubJson, hubTemplate, hubVariant, ownerChoice, whanauHui, type HubJson } from './variant-rebase-fixtures.js';

// The promise rebase makes to a regional hub: for any variant that checks clean against the version
// it extends, and any new version, a change rebase reports as applied is never refused by
// `pathways check` against the new version for a lock, a bound, an unlock or the flow's shape. So
// "no conflicts" means the governance will pass; what is left for the check is the whole (the
// resolved pathway's validity and its invariants).

type Change = PathwayVariantInput['changes'][number];

const from = hubTemplate();

// ---------------------------------------------------------------------------------------------
// Variants of hub-pathway@1.0.0: small lists of changes drawn from every kind, then repaired to
// check clean (a change the check refuses is dropped).
// ---------------------------------------------------------------------------------------------

const locked = (reason?: string) => ({ mode: 'locked' as const, ...(reason ? { reason } : {}) });
const labelArb = fc.constantFrom<Record<string, string>>({ mi: 'Te ingoa' }, { en: 'Regional name' }, { en: 'Regional name', mi: 'Te ingoa ā-rohe' });
/** Transitions an adjustment point may sit on, with a stage each touches. */
const pointSites = [
  ['referral-received', 'response'],
  ['triaged-high', 'response'],
  ['contact-made', 'allocation'],
  ['lead-assigned', 'allocation'],
  ['plan-approved', 'integratedResponse'],
  ['review-due', 'monitoring'],
] as const;

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.constantFrom('PT6H', 'PT12H', 'PT18H', 'PT24H').map((value): Change => ({ op: 'setParameter', name: 'firstContactHigh', value })),
  fc.constantFrom('PT8H', 'PT12H', 'P1D', 'P2D').map((value): Change => ({ op: 'setParameter', name: 'triageDue', value })),
  fc.constantFrom('P3W', 'P5W', 'P6W').map((value): Change => ({ op: 'setParameter', name: 'reviewCadence', value })),
  fc
    .tuple(fc.constantFrom('firstContactHigh', 'triageDue', 'reviewCadence'), fc.option(fc.constantFrom('PT12H', 'PT24H', 'P2D', 'P6W'), { nil: undefined }))
    .map(([name, max]): Change => ({ op: 'setParameterGovernance', name, governance: max === undefined ? locked('Fixed for the region.') : { mode: 'tailorable', bounds: { value: { max } } } })),
  fc.tuple(fc.constantFrom('first-contact', 'safety-plan'), fc.constantFrom(...ownerChoice)).map(([id, value]): Change => ({ op: 'setField', collection: 'nodes', id, field: 'ownerRole', value })),
  fc.constantFrom('P3D', 'P7D', 'P10D', 'P14D').map((value): Change => ({ op: 'setField', collection: 'nodes', id: 'safety-plan', field: 'due', value })),
  fc.constant<Change>({ op: 'setField', collection: 'transitions', id: 'plan-approved', field: 'actions', value: [] }),
  fc
    .tuple(fc.constantFrom(['nodes', 'triage'], ['nodes', 'first-contact'], ['nodes', 'notify-advocate'], ['nodes', 'safety-plan'], ['roles', 'coordinator'], ['roles', 'victim-advocate'], ['agencies', 'nz-police'], ['milestones', 'triaged']), labelArb)
    .map(([[collection, id], label]): Change => ({ op: 'relabel', collection: collection as 'nodes', id: id!, label })),
  fc.constant<Change>({ op: 'replace', collection: 'roles', id: 'coordinator', element: { id: 'coordinator', label: { en: 'Regional coordinator', mi: 'Kaiwhakarite ā-rohe' } } }),
  fc.constant<Change>({ op: 'remove', collection: 'agencies', id: 'womens-refuge' }),
  fc
    .tuple(
      fc.constantFrom(['nodes', 'safety-plan'], ['nodes', 'first-contact'], ['nodes', 'triage'], ['roles', 'coordinator'], ['transitions', 'plan-approved']),
      fc.constantFrom<unknown>(locked('Kept alike across the region.'), { mode: 'free' }, { mode: 'tailorable', bounds: { due: { max: 'P10D' }, ownerRole: { values: ownerChoice } } }, { mode: 'tailorable', bounds: { ownerRole: { values: ['victim-advocate'] } } }),
    )
    .map(([[collection, id], governance]): Change => ({ op: 'setGovernance', collection: collection as 'nodes', id: id!, governance } as Change)),
  fc.constant(whanauHui('local-support')),
  fc.constant(communityIntake()),
  fc.constantFrom(...pointSites).map(([transition, stage]): Change => ({ op: 'addAdjustmentPoint', point: { kind: 'fragment', id: 'rgn/point', label: { en: 'Regional point' }, stage, transition } })),
  fc.constant<Change>({ op: 'addAdjustmentPoint', point: { kind: 'entryPoint', id: 'rgn/point', label: { en: 'Regional intake' }, target: 'triage' } }),
  fc.constant<Change>({ op: 'add', collection: 'roles', element: { id: 'rgn/kaimahi', label: { en: 'Kaimahi' } } }),
  fc.constant<Change>({ op: 'setCalendar', holidays: ['2026-11-13'] }),
);

/** Ids made unique, one fragment and one intake source at most (as a region would write them). */
function tidy(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return changes.flatMap((change, index): Change[] => {
    if (change.op === 'addAdjustmentPoint') return [{ ...change, point: { ...change.point, id: `rgn/point-${index}` } }];
    const key = change.op === 'addFragment' || change.op === 'addIntakeSource' || change.op === 'add' ? change.op : undefined;
    if (key && seen.has(key)) return [];
    if (key) seen.add(key);
    return [change];
  });
}

/** The variant without the changes the check refuses against 1.0.0, or undefined if it cannot be made clean. */
function cleanAgainstFrom(changes: Change[]): PathwayVariant | undefined {
  let kept = changes;
  for (;;) {
    const variant = hubVariant(kept);
    const checked = checkVariant(from, variant);
    if (checked.ok) return variant;
    const refused = new Set(checked.problems.map((p) => p.change));
    if (refused.has(null) || refused.size === 0) return undefined;
    kept = kept.filter((_, index) => !refused.has(index));
  }
}

// ---------------------------------------------------------------------------------------------
// Next versions: some elements locked, some bounds tightened or closed, an adjustment point
// withdrawn, moved or restaged, a parameter locked or bounded.
// ---------------------------------------------------------------------------------------------

const upstreamArb = fc.record({
  lockNodes: fc.subarray(['intake', 'triage', 'first-contact', 'assign-lead', 'safety-plan', 'await-review', 'review']),
  lockTransitions: fc.subarray(['referral-received', 'contact-made', 'lead-assigned', 'plan-approved', 'review-due']),
  lockOthers: fc.subarray(['roles:coordinator', 'roles:victim-advocate', 'agencies:womens-refuge', 'agencies:nz-police', 'milestones:triaged']),
  owners: fc.option(fc.constantFrom(['victim-advocate'], ['coordinator']), { nil: undefined }),
  planDue: fc.option(fc.constantFrom('P3D', 'P7D', 'P10D', 'closed'), { nil: undefined }),
  planApprovedFree: fc.boolean(),
  coordinatorTailorable: fc.boolean(),
  firstContactHigh: fc.option(fc.constantFrom('PT6H', 'PT12H', 'locked'), { nil: undefined }),
  triageDue: fc.option(fc.constantFrom('locked', 'PT12H', 'P1D', 'no value bound', 'value P3D'), { nil: undefined }),
  reviewCadenceLocked: fc.boolean(),
  localSupport: fc.option(fc.constantFrom('withdrawn', 'allocation', 'moved', 'entryPoint'), { nil: undefined }),
  intakeSlot: fc.option(fc.constantFrom('withdrawn', 'retargeted'), { nil: undefined }),
});
type Upstream = typeof upstreamArb extends fc.Arbitrary<infer U> ? U : never;

function release(upstream: Upstream) {
  return hubTemplate('2.0.0', (json: HubJson) => {
    const nationally = locked('A national safeguard.');
    for (const node of json.nodes) if (upstream.lockNodes.includes(String(node.id))) node.governance = nationally;
    for (const transition of json.transitions) {
      if (upstream.lockTransitions.includes(String(transition.id))) transition.governance = nationally;
      else if (transition.id === 'plan-approved' && !upstream.planApprovedFree) delete transition.governance;
    }
    for (const key of upstream.lockOthers) {
      const [collection, id] = key.split(':') as [string, string];
      (json as unknown as Record<string, Record<string, unknown>[]>)[collection]!.find((element) => element.id === id)!.governance = nationally;
    }
    if (upstream.coordinatorTailorable && !upstream.lockOthers.includes('roles:coordinator')) json.roles.find((r) => r.id === 'coordinator')!.governance = { mode: 'tailorable', bounds: { label: {} } };
    const firstContact = json.nodes.find((n) => n.id === 'first-contact')!;
    const safetyPlan = json.nodes.find((n) => n.id === 'safety-plan')!;
    const owners = upstream.owners ?? ownerChoice;
    if (!upstream.lockNodes.includes('first-contact')) firstContact.governance = { mode: 'tailorable', bounds: { ownerRole: { values: owners } } };
    if (!upstream.lockNodes.includes('safety-plan')) {
      const due = upstream.planDue === undefined ? { due: { max: 'P14D' } } : upstream.planDue === 'closed' ? {} : { due: { max: upstream.planDue } };
      safetyPlan.governance = { mode: 'tailorable', bounds: { ...due, ownerRole: { values: owners } } };
      if (upstream.planDue === 'P3D') safetyPlan.due = 'P3D';
    }
    const parameters = json.parameters;
    if (upstream.firstContactHigh === 'locked') parameters.firstContactHigh!.governance = nationally;
    else if (upstream.firstContactHigh !== undefined) {
      parameters.firstContactHigh!.value = upstream.firstContactHigh;
      parameters.firstContactHigh!.governance = { mode: 'tailorable', bounds: { value: { max: upstream.firstContactHigh } } };
    }
    if (upstream.triageDue === 'locked') parameters.triageDue!.governance = nationally;
    else if (upstream.triageDue === 'no value bound') parameters.triageDue!.governance = { mode: 'tailorable', bounds: {} };
    else if (upstream.triageDue === 'value P3D') parameters.triageDue!.value = 'P3D';
    else if (upstream.triageDue !== undefined) {
      parameters.triageDue!.value = upstream.triageDue;
      parameters.triageDue!.governance = { mode: 'tailorable', bounds: { value: { max: upstream.triageDue } } };
    }
    if (upstream.reviewCadenceLocked) parameters.reviewCadence!.governance = nationally;
    const points = json.adjustmentPoints;
    const support = points.find((p) => p.id === 'local-support')!;
    if (upstream.localSupport === 'allocation') support.stage = 'allocation';
    if (upstream.localSupport === 'moved') support.transition = 'plan-approved';
    const slot = points.find((p) => p.id === 'intake-slot')!;
    if (upstream.intakeSlot === 'retargeted') slot.target = 'first-contact';
    json.adjustmentPoints = points.flatMap((p) => {
      if (p.id === 'local-support' && upstream.localSupport === 'withdrawn') return [];
      if (p.id === 'local-support' && upstream.localSupport === 'entryPoint') return [{ kind: 'entryPoint', id: p.id, label: p.label, target: 'triage' }];
      if (p.id === 'intake-slot' && upstream.intakeSlot === 'withdrawn') return [];
      return [p];
    });
  });
}

describe('rebase: no conflict means the check finds no governance problem', () => {
  it('the generators reach the template as it is (a sanity check of the fixture)', () => {
    expect(hubJson().adjustmentPoints.map((p) => p.id)).toEqual(['local-support', 'intake-slot']);
    expect(checkVariant(from, hubVariant([])).ok).toBe(true);
  });

  it('for every clean variant and every next version, each change rebase applies passes the check’s governance', () => {
    const seen = { runs: 0, changes: 0, conflicts: 0, governanceConflicts: 0, cleanRebases: 0, refusedByCheck: 0 };
    fc.assert(
      fc.property(fc.array(changeArb, { minLength: 1, maxLength: 6 }), upstreamArb, (drawn, upstream) => {
        const variant = cleanAgainstFrom(tidy(drawn));
        fc.pre(variant !== undefined && variant.changes.length > 0);
        const to = release(upstream);
        const result = rebase(variant, from, to);
        const problems = governanceProblems(checkVariant(to, result.variant));

        // The invariant, change by change: a governance problem only ever where rebase reported a conflict …
        for (const [code, change] of problems) {
          expect(change, `${code} names no change`).not.toBeNull();
          expect(result.outcomes[change!], `${code} for change #${change! + 1} (${JSON.stringify(variant.changes[change!])}) that rebase applied`).toMatchObject({ status: 'conflict' });
        }
        // … and so, for the whole: no conflict, no governance problem.
        if (result.conflicts === 0) expect(problems).toEqual([]);

        seen.runs += 1;
        seen.changes += variant.changes.length;
        seen.conflicts += result.conflicts;
        seen.governanceConflicts += new Set(problems.map(([, change]) => change)).size;
        if (result.conflicts === 0) seen.cleanRebases += 1;
        if (problems.length > 0) seen.refusedByCheck += 1;
      }),
      { numRuns: 300 },
    );
    // The property was exercised both ways: new versions that refuse changes (which rebase must
    // name), and rebases with no conflict at all (where the implication has something to say).
    expect(seen.runs).toBeGreaterThan(200);
    expect(seen.conflicts).toBeGreaterThan(0);
    expect(seen.refusedByCheck).toBeGreaterThan(0);
    expect(seen.governanceConflicts).toBeGreaterThan(0);
    expect(seen.cleanRebases).toBeGreaterThan(0);
  });
});
