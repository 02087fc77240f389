import type { PluginCaseView } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { plugin, type ChildExpertiseState, type ChildFactors } from '../src/index.js';
import { atPlan, child, childSpecialist, coordinator, noFactors, planDrafted, planSafe } from './support.js';

const initial = plugin.state!.initial;
const view = (children = 0): PluginCaseView => ({
  caseId: 'case-child-0001',
  tier: null,
  persons: [{ id: 'person-aroha', roles: ['adult-victim-survivor'] }, ...Array.from({ length: children }, (_, i) => ({ id: `person-child-${i}`, roles: ['child'] }))],
  milestones: {},
  facts: {},
  workItems: [],
});
const ask = (guard: 'needed' | 'notNeeded', state: ChildExpertiseState, children = 0) =>
  plugin.guards![guard]!.check({ case: view(children), state, at: '2026-05-06T09:00:00Z', event: 'safety-plan.drafted', payload: {}, params: {}, node: 'child-route' });

const factorCases: [string, ChildFactors][] = [
  ['pregnancy or a baby under 18 months', { ...noFactors, pregnancyOrBabyUnder18Months: true }],
  ['a child-contact conflict', { ...noFactors, childContactConflict: true }],
  ['a child risk factor', { ...noFactors, childRiskFactors: ['child-directly-harmed'] }],
];

describe('routing to the child-expertise check', () => {
  it.each(factorCases)('%s alone opens the check for the child specialist', (_, factors) => {
    const harness = planDrafted({ factors });
    harness.expectAt('child-check');
    harness.expectWorkItems({ workItemType: 'child-expertise/check', status: 'open', ownerRole: 'child-specialist', node: 'child-check', count: 1 });
    harness.expectPluginState(plugin, { factors, checks: { opened: 1 } });
  });

  it('a child in the case alone opens the check', () => {
    const harness = planDrafted({ persons: [child] });
    harness.expectAt('child-check');
    harness.expectWorkItems({ workItemType: 'child-expertise/check', status: 'open', count: 1 });
  });

  it('a child added after the factors were recorded opens it too (the guard reads the case when the plan is drafted)', () => {
    const harness = atPlan();
    harness.send('person.added', { personId: 'person-child-mia', roles: ['child'] }, coordinator);
    harness.send('safety-plan.drafted', {}, { role: 'lead-agency-practitioner' });
    harness.expectAt('child-check');
  });

  it('with no factor and no child the plan goes straight to approval, and no check is opened', () => {
    const harness = planDrafted();
    harness.expectAt('plan-approval');
    harness.expectNoEffect({ type: 'workItem.created', workItemType: 'child-expertise/check' });
    expect(harness.view().workItems.filter((item) => item.workItemType === 'child-expertise/check')).toEqual([]);
    harness.expectPluginState(plugin, { factors: noFactors, checks: { opened: 0 } });
    harness.send('plan.approved', { planType: 'family-safety-plan' }, coordinator);
    harness.expectAt('plan-review');
  });
});

describe('the guards', () => {
  it('needed passes for a child or any factor and refuses, coded, otherwise; notNeeded is its complement and says why a check is needed', () => {
    expect(ask('needed', initial)).toEqual({
      code: 'PWY_PLUGIN_REFUSED',
      message: 'No child-expertise check is needed: no child is in the case and no child factor is recorded (pregnancy or a baby under 18 months, a child-contact conflict, a child risk factor).',
    });
    expect(ask('notNeeded', initial)).toBe(true);
    expect(ask('needed', { ...initial, factors: noFactors })).not.toBe(true);
    for (const [, factors] of factorCases) {
      expect(ask('needed', { ...initial, factors })).toBe(true);
      expect(ask('notNeeded', { ...initial, factors })).toMatchObject({ code: 'PWY_PLUGIN_REFUSED' });
    }
    expect(ask('needed', initial, 1)).toBe(true);
    expect(ask('notNeeded', { ...initial, factors: { pregnancyOrBabyUnder18Months: true, childContactConflict: false, childRiskFactors: ['child-exposed-to-violence'] } }, 2)).toEqual({
      code: 'PWY_PLUGIN_REFUSED',
      message: 'A child-expertise check is needed: 2 children are in the case; pregnancy or a baby under 18 months; the child risk factor child-exposed-to-violence.',
    });
  });
});

describe('recording the factors', () => {
  it('keeps them in the plugin state, codes sorted and once each, with what they replaced', () => {
    const harness = atPlan({ factors: { ...noFactors, childRiskFactors: ['child-intervened', 'child-directly-harmed', 'child-intervened'] } });
    harness.expectPluginState(plugin, { factors: { ...noFactors, childRiskFactors: ['child-directly-harmed', 'child-intervened'] }, factorsBefore: null });
  });

  it('refuses codes that are not kebab-case, and roles that do not record them', () => {
    const harness = atPlan();
    // The case is past the safety check; the payload and the role are checked before the step.
    const invalid = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'child-expertise.factors-recorded', { ...noFactors, childRiskFactors: ['Child was hurt'] }, childSpecialist);
    expect(invalid.problems.map((p) => p.path.join('.'))).toEqual(['payload.childRiskFactors.0']);
    harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'child-expertise.factors-recorded', { pregnancyOrBabyUnder18Months: true }, childSpecialist);
  });
});

describe('the factorsPresent trigger', () => {
  it('raises the escalation when a factor is present at the first recording, and not when none is', () => {
    const withFactor = atPlan({ factors: { ...noFactors, childContactConflict: true } });
    withFactor.expectEffects([{ type: 'escalation.raised', rule: 'child-factor-present', trigger: 'plugin' }, { type: 'notify.role', role: 'child-specialist' }]);
    const without = atPlan({ caseId: 'case-child-0002' });
    expect(without.allEffects.some((e) => e.type === 'escalation.raised')).toBe(false);
  });

  it('fires again only for a factor that is new: the same factors recorded at a review do not', async () => {
    const harness = planDrafted({ factors: { ...noFactors, childContactConflict: true } });
    harness.send('child-expertise.check-completed', planSafe, childSpecialist);
    harness.send('plan.approved', { planType: 'family-safety-plan' }, coordinator);
    await harness.clock.advance('P14D');
    harness.send('child-expertise.factors-recorded', { ...noFactors, childContactConflict: true }, childSpecialist);
    harness.expectAt('develop-plan');
    harness.expectNoEffect({ type: 'escalation.raised' });
    harness.send('safety-plan.drafted', {}, { role: 'lead-agency-practitioner' });
    harness.send('child-expertise.check-completed', planSafe, childSpecialist);
    harness.send('plan.approved', { planType: 'family-safety-plan' }, coordinator);
    harness.send('child-expertise.factors-recorded', { ...noFactors, childContactConflict: true, childRiskFactors: ['child-directly-harmed'] }, childSpecialist);
    harness.expectEffects([{ type: 'escalation.raised', rule: 'child-factor-present', trigger: 'plugin' }, { type: 'notify.role', role: 'child-specialist' }]);
  });

  it('compares with what the recording replaced, and with the state as it was when the template forgot the recording action', () => {
    const fires = (state: ChildExpertiseState, payload: ChildFactors) =>
      plugin.triggers!.factorsPresent!.fires({ case: view(), state, at: '2026-05-06T09:00:00Z', event: 'child-expertise.factors-recorded', payload: { ...payload }, params: {} });
    const conflict = { ...noFactors, childContactConflict: true };
    const both = { ...conflict, pregnancyOrBabyUnder18Months: true };
    // After the recording action: factors hold the payload, factorsBefore what it replaced.
    expect(fires({ ...initial, factors: conflict, factorsBefore: null }, conflict)).toBe(true);
    expect(fires({ ...initial, factors: conflict, factorsBefore: conflict }, conflict)).toBe(false);
    expect(fires({ ...initial, factors: both, factorsBefore: conflict }, both)).toBe(true);
    expect(fires({ ...initial, factors: noFactors, factorsBefore: conflict }, noFactors)).toBe(false);
    // Without it: the state still holds the factors before this recording.
    expect(fires({ ...initial, factors: conflict, factorsBefore: null }, both)).toBe(true);
    expect(fires({ ...initial, factors: both, factorsBefore: null }, conflict)).toBe(false);
  });
});
