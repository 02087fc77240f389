import { definePlugin, type PlanRecord } from '@pathways/core';
import type { CaseHarness } from '@pathways/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from '../src/index.js';
import { child, childSpecialist, coordinator, install, noFactors, planDrafted, planSafe, practitioner, templateWith } from './support.js';

const approve = { planType: 'family-safety-plan' };
const conflict = { ...noFactors, childContactConflict: true };

/** The family safety plan's version in progress (or in force), as the case holds it. */
function currentPlan(harness: CaseHarness): PlanRecord['draft'] {
  const plan = harness.view().plans.find((p) => p.planType === 'family-safety-plan');
  return plan?.draft ?? plan?.inForce;
}

describe('the check node', () => {
  it('opens the child specialist\'s check, due two days after the plan was drafted, and keeps count', () => {
    const harness = planDrafted({ persons: [child] });
    harness.expectEffects([
      { type: 'workItem.updated', node: 'develop-plan', status: 'done' },
      { type: 'workItem.created', workItemType: 'child-expertise/check', ownerRole: 'child-specialist', node: 'child-check', due: '2026-05-08T09:00:00+12:00' },
    ]);
    harness.expectPluginState(plugin, { checks: { opened: 1, planSafe: 0, changesNeeded: 0 } });
  });

  it('plan safe for the children: closes the check and records child-check-done for the version being developed', () => {
    const harness = planDrafted({ persons: [child] });
    harness.send('child-expertise.check-completed', planSafe, { ...childSpecialist, at: '2026-05-07T11:00:00+12:00' });
    harness.expectAt('plan-approval');
    harness.expectEffects([
      { type: 'workItem.updated', node: 'child-check', status: 'done' },
      { type: 'milestone.reached', milestone: 'child-check-done', transition: 'check-plan-safe' },
    ]);
    expect(currentPlan(harness)).toMatchObject({ version: 1, status: 'draft', milestones: { 'child-check-done': '2026-05-06T23:00:00.000Z' } });
    harness.expectPluginState(plugin, { checks: { opened: 1, planSafe: 1, changesNeeded: 0 } });
  });

  it('changes needed: no milestone, back to the plan; the next check of the same version records it', () => {
    const harness = planDrafted({ persons: [child] });
    harness.send('child-expertise.check-completed', { outcome: 'changes-needed', reportOfConcernMade: false }, childSpecialist);
    harness.expectAt('develop-plan');
    harness.expectNoEffect({ type: 'milestone.reached' });
    expect(currentPlan(harness)).toMatchObject({ version: 1, milestones: {} });
    harness.send('safety-plan.drafted', {}, practitioner);
    harness.expectAt('child-check');
    harness.send('child-expertise.check-completed', planSafe, childSpecialist);
    expect(currentPlan(harness)).toMatchObject({ version: 1, milestones: { 'child-check-done': expect.any(String) } });
    harness.expectPluginState(plugin, { checks: { opened: 2, planSafe: 1, changesNeeded: 1 } });
  });

  it('only the child specialist records it, and a report of concern needs its urgency', () => {
    const harness = planDrafted({ persons: [child] });
    harness.expectRefused('PWY_COMMAND_ROLE_NOT_ALLOWED', 'child-expertise.check-completed', planSafe, coordinator);
    const noUrgency = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'child-expertise.check-completed', { ...planSafe, reportOfConcernMade: true }, childSpecialist);
    expect(noUrgency.problems.map((p) => [p.path.join('.'), p.message])).toEqual([['payload.urgency', 'Nothing was given as the urgency; a report of concern needs one: critical-24h, very-urgent-48h or other.']]);
    const stray = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'child-expertise.check-completed', { ...planSafe, urgency: 'other' }, childSpecialist);
    expect(stray.problems.map((p) => [p.path.join('.'), p.message])).toEqual([['payload.urgency', 'The text "other" can only be given with a report of concern (reportOfConcernMade: true).']]);
    harness.expectAt('child-check');
  });
});

describe('plan approval and the check', () => {
  it('is refused before the check and allowed after it: a child disclosed once the plan went to approval', () => {
    const harness = planDrafted();
    harness.expectAt('plan-approval');
    harness.send('person.added', { personId: 'person-child-mia', roles: ['child'] }, coordinator);
    const refused = harness.expectRefused('PWY_PLAN_APPROVAL_BLOCKED', 'plan.approved', approve, coordinator);
    expect(refused.message).toContain('"child-check-done"');
    harness.send('safety-plan.returned', {}, coordinator);
    harness.send('safety-plan.drafted', {}, practitioner);
    harness.expectAt('child-check');
    harness.send('child-expertise.check-completed', planSafe, childSpecialist);
    harness.send('plan.approved', approve, coordinator);
    harness.expectAt('plan-review');
    harness.expectPlan({ planType: 'family-safety-plan', inForce: { version: 1, status: 'approved', milestones: { 'child-check-done': harness.clock.now } } });
  });

  it('a second plan version needs its own check: the first version\'s does not count for it', async () => {
    // Version 1: a child-contact conflict, checked and approved.
    const harness = planDrafted({ factors: conflict });
    harness.expectAt('child-check');
    harness.send('child-expertise.check-completed', planSafe, childSpecialist);
    harness.send('plan.approved', approve, coordinator);
    harness.expectMilestones(['child-check-done', 'plan-approved']);

    // At the review the contact arrangements are settled: version 2 starts without a check of its own.
    await harness.clock.advance('P21D');
    harness.send('child-expertise.factors-recorded', noFactors, childSpecialist);
    harness.expectEffects([{ type: 'plan.version', version: 2, status: 'draft' }]);
    harness.send('safety-plan.drafted', {}, practitioner);
    harness.expectAt('plan-approval');
    expect(currentPlan(harness)).toMatchObject({ version: 2, milestones: {} });

    // A child comes to live in the household before approval: version 2 needs its own check.
    harness.send('person.added', { personId: 'person-child-mia', roles: ['child'] }, coordinator);
    const refused = harness.expectRefused('PWY_PLAN_APPROVAL_BLOCKED', 'plan.approved', approve, coordinator);
    expect(refused.message).toContain('Version 2 of family-safety-plan');
    harness.send('safety-plan.returned', {}, coordinator);
    harness.send('safety-plan.drafted', {}, practitioner);
    harness.expectAt('child-check');
    harness.send('child-expertise.check-completed', planSafe, childSpecialist);
    harness.send('plan.approved', approve, coordinator);
    harness.expectPlan({ planType: 'family-safety-plan', inForce: { version: 2, status: 'approved', milestones: { 'child-check-done': harness.clock.now } } });
  });

  it('every new version with a child goes through the check again', async () => {
    const harness = planDrafted({ persons: [child] });
    harness.send('child-expertise.check-completed', planSafe, childSpecialist);
    harness.send('plan.approved', approve, coordinator);
    await harness.clock.advance('P21D');
    harness.send('review.decided', { recommendation: 'revise-plan' }, coordinator);
    harness.send('safety-plan.drafted', {}, practitioner);
    harness.expectAt('child-check');
    expect(currentPlan(harness)).toMatchObject({ version: 2, status: 'draft', milestones: {} });
    harness.expectWorkItems({ workItemType: 'child-expertise/check', count: 2 });
  });
});

describe('the milestone it declares', () => {
  it('recording child-check-done without declaring it is an incident naming the plugin, and the case does not change', () => {
    const undeclared = definePlugin({ ...plugin, actions: { ...plugin.actions, recordCheck: { ...plugin.actions!.recordCheck!, effects: {} } } });
    const installed = install(undeclared);
    const harness = planDrafted({ persons: [child], installed, template: templateWith(undefined, installed) });
    const incident = harness.expectIncident('child-expertise.check-completed', planSafe, childSpecialist);
    expect(incident.plugin).toBe('child-expertise@1.0.0');
    expect(JSON.stringify(incident.error)).toContain('PWY_PLUGIN_EFFECT_UNDECLARED');
    harness.expectAt('child-check');
  });

  it('needs the pathway to declare the milestone: without it, the check is an incident that says so', () => {
    const template = templateWith((json) => {
      json.milestones = json.milestones.filter((m) => m.id !== 'child-check-done');
      json.planTypes[0]!.approval.requires = { any: [{ not: { persons: { role: 'child', atLeast: 1 } } }, { milestone: 'plan-approved' }] } as never;
    });
    const harness = planDrafted({ persons: [child], template });
    const incident = harness.expectIncident('child-expertise.check-completed', planSafe, childSpecialist);
    expect(JSON.stringify(incident.error)).toContain('recorded the milestone \\"child-check-done\\", which the pathway does not declare');
  });
});
