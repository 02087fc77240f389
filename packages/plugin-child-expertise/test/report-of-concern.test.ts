import type { CaseHarness } from '@pathways/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from '../src/index.js';
import { child, childSpecialist, coordinator, planDrafted, planSafe, templateWith, type CaseOptions } from './support.js';

const followUpType = 'child-expertise/report-of-concern-response';
const report = (urgency: string) => ({ agency: 'oranga-tamariki', urgency });
const responded = { agency: 'oranga-tamariki', outcome: 'further-action-required' };

/** A case with a child, at the child-expertise check (drafted 6 May 09:00, the check due 8 May 09:00). */
const atCheck = (options: CaseOptions = {}) => planDrafted({ persons: [child], ...options });

/** A case whose version 1 was checked and approved on 6 May: it waits at the plan review. */
function atReview(options: CaseOptions = {}): CaseHarness {
  const harness = atCheck(options);
  harness.send('child-expertise.check-completed', planSafe, childSpecialist);
  harness.send('plan.approved', { planType: 'family-safety-plan' }, coordinator);
  harness.expectAt('plan-review');
  return harness;
}

const escalated = (harness: CaseHarness) => harness.allEffects.filter((effect) => effect.type === 'escalation.raised');

describe('a report of concern', () => {
  it('critical: its response is followed up 24 hours after the report; unanswered, the coordinator is told and the case listed at triage', async () => {
    const harness = atCheck();
    harness.send('child-expertise.report-of-concern-made', report('critical-24h'), { ...childSpecialist, at: '2026-05-06T10:00:00+12:00' });
    harness.expectAt('child-check');
    const [followUp] = harness.expectWorkItems({ workItemType: followUpType, status: 'open', ownerRole: 'child-specialist', due: '2026-05-07T10:00:00+12:00', count: 1 });
    // Taken at the check by a self-loop: the check itself stays open, its hook does not run again.
    harness.expectWorkItems({ workItemType: 'child-expertise/check', status: 'open', count: 1 });
    harness.expectPluginState(plugin, { checks: { opened: 1 }, reportsOfConcern: { made: 1, responded: 0 } });

    await harness.clock.advance({ to: '2026-05-07T09:59:00+12:00' });
    expect(escalated(harness)).toEqual([]);
    await harness.clock.advance('PT2M');
    harness.expectEffects([
      { type: 'escalation.raised', rule: 'report-of-concern-response-overdue', workItemId: followUp!.id },
      { type: 'notify.role', role: 'coordinator' },
      { type: 'workItem.created', workItemType: 'triage-listing', ownerRole: 'coordinator' },
    ]);
  });

  it('very urgent: 48 hours after the report, wherever the case waits (here at the plan review)', async () => {
    const harness = atReview();
    harness.send('child-expertise.report-of-concern-made', report('very-urgent-48h'), { ...childSpecialist, at: '2026-05-12T16:30:00+12:00' });
    const [followUp] = harness.expectWorkItems({ workItemType: followUpType, status: 'open', due: '2026-05-14T16:30:00+12:00', count: 1 });
    await harness.clock.advance({ to: '2026-05-14T16:29:00+12:00' });
    expect(escalated(harness)).toEqual([]);
    await harness.clock.advance('PT1M');
    harness.expectEffects([{ type: 'escalation.raised', rule: 'report-of-concern-response-overdue', workItemId: followUp!.id }, { type: 'notify.role', role: 'coordinator' }]);
  });

  it('other: followed up after child-expertise/otherResponseWithin, seven days by default', async () => {
    const harness = atReview();
    harness.send('child-expertise.report-of-concern-made', report('other'), { ...childSpecialist, at: '2026-05-12T16:30:00+12:00' });
    harness.expectWorkItems({ workItemType: followUpType, status: 'open', due: '2026-05-19T16:30:00+12:00', count: 1 });
    await harness.clock.advance({ to: '2026-05-19T16:29:00+12:00' });
    expect(escalated(harness)).toEqual([]);
    await harness.clock.advance('PT1M');
    harness.expectEffects([{ type: 'escalation.raised', rule: 'report-of-concern-response-overdue' }]);
  });

  it('other: a pathway tailors the parameter (here to three days)', () => {
    const template = templateWith((json) => {
      json.parameters = { 'child-expertise/otherResponseWithin': { kind: 'duration', value: 'P3D', governance: { mode: 'tailorable', bounds: { value: { max: 'P28D' } } } } };
    });
    const harness = atReview({ template });
    harness.send('child-expertise.report-of-concern-made', report('other'), { ...childSpecialist, at: '2026-05-12T16:30:00+12:00' });
    harness.expectWorkItems({ workItemType: followUpType, due: '2026-05-15T16:30:00+12:00', count: 1 });
  });

  it('counts the statutory bands in absolute hours from the report, and the longer band in calendar days, across daylight saving', async () => {
    const harness = atReview();
    await harness.clock.advance({ to: '2026-09-26T10:00:00+12:00' });
    harness.send('child-expertise.report-of-concern-made', report('critical-24h'), childSpecialist);
    harness.send('child-expertise.report-of-concern-made', report('other'), childSpecialist);
    // Clocks go forward at 02:00 on 27 September 2026 in Aotearoa New Zealand.
    harness.expectWorkItems({ workItemType: followUpType, due: '2026-09-27T11:00:00+13:00', count: 1 });
    harness.expectWorkItems({ workItemType: followUpType, due: '2026-10-03T10:00:00+13:00', count: 1 });
  });

  it('refuses a payload without its urgency, or with an urgency the bands do not have', () => {
    const harness = atCheck();
    const missing = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'child-expertise.report-of-concern-made', { agency: 'oranga-tamariki' }, childSpecialist);
    expect(missing.problems.map((p) => p.path.join('.'))).toEqual(['payload.urgency']);
    const unknown = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'child-expertise.report-of-concern-made', report('urgent-7d'), childSpecialist);
    expect(unknown.problems.map((p) => p.message)).toEqual(['Got the text "urgent-7d"; allowed: "critical-24h", "very-urgent-48h", "other".']);
    harness.expectRefused('PWY_COMMAND_ROLE_NOT_ALLOWED', 'child-expertise.report-of-concern-made', report('other'), { role: 'referrer' });
  });
});

describe("the agency's response", () => {
  it('recorded in time, closes the follow-up, and nothing escalates', async () => {
    const harness = atCheck();
    harness.send('child-expertise.report-of-concern-made', report('critical-24h'), { ...childSpecialist, at: '2026-05-06T10:00:00+12:00' });
    const [followUp] = harness.expectWorkItems({ workItemType: followUpType, count: 1 });
    harness.send('child-expertise.report-of-concern-responded', responded, { ...childSpecialist, at: '2026-05-07T08:15:00+12:00' });
    harness.expectEffects([{ type: 'workItem.updated', workItemId: followUp!.id, status: 'done' }]);
    harness.expectNoEffect({ type: 'timer.scheduled' });
    harness.expectPluginState(plugin, { reportsOfConcern: { made: 1, responded: 1 } });
    harness.expectAt('child-check');
    await harness.clock.advance('P3D');
    expect(escalated(harness)).toEqual([]);
  });

  it('closes every follow-up still outstanding: the agency has responded on the family', () => {
    const harness = atReview();
    harness.send('child-expertise.report-of-concern-made', report('critical-24h'), childSpecialist);
    harness.send('child-expertise.report-of-concern-made', report('other'), childSpecialist);
    harness.send('child-expertise.report-of-concern-responded', { agency: 'oranga-tamariki', outcome: 'no-further-action' }, coordinator);
    harness.expectWorkItems({ workItemType: followUpType, status: 'done', count: 2 });
    harness.expectAt('plan-review');
  });

  it('is a case record: taken at any step (here while the plan is redeveloped), wherever the report was made', async () => {
    const harness = atCheck();
    harness.send('child-expertise.report-of-concern-made', report('critical-24h'), { ...childSpecialist, at: '2026-05-06T10:00:00+12:00' });
    harness.send('child-expertise.check-completed', { outcome: 'changes-needed', reportOfConcernMade: false }, childSpecialist);
    harness.expectAt('develop-plan');
    harness.send('child-expertise.report-of-concern-responded', responded, { ...childSpecialist, at: '2026-05-07T08:00:00+12:00' });
    harness.expectAt('develop-plan');
    harness.expectWorkItems({ workItemType: followUpType, status: 'done', count: 1 });
    harness.expectPluginState(plugin, { reportsOfConcern: { made: 1, responded: 1 } });
    await harness.clock.advance('P2D');
    expect(escalated(harness)).toEqual([]);
  });

  it('only the roles the plugin names may record it', () => {
    const harness = atCheck();
    harness.send('child-expertise.report-of-concern-made', report('critical-24h'), { ...childSpecialist, at: '2026-05-06T10:00:00+12:00' });
    harness.expectRefused('PWY_COMMAND_ROLE_NOT_ALLOWED', 'child-expertise.report-of-concern-responded', responded, { role: 'referrer' });
    harness.expectWorkItems({ workItemType: followUpType, status: 'open', count: 1 });
  });

  it('on a closed case is refused because the case is closed, before the plugin is asked', () => {
    const harness = atReview();
    harness.send('review.decided', { recommendation: 'close' }, coordinator);
    harness.expectAt('closed');
    const refusal = harness.expectRefused('PWY_COMMAND_NOT_ALLOWED', 'child-expertise.report-of-concern-responded', responded, childSpecialist);
    expect(refusal.message).toContain('The case is closed');
    harness.expectRefused('PWY_COMMAND_NOT_ALLOWED', 'child-expertise.report-of-concern-made', report('critical-24h'), childSpecialist);
  });

  it('is refused when no report of concern is waiting for one, and the case does not change', () => {
    const harness = atReview();
    const refusal = harness.expectRefused('PWY_PLUGIN_REFUSED', 'child-expertise.report-of-concern-responded', responded, childSpecialist);
    expect(refusal.message).toBe('No report of concern is waiting for a response in this case.');
    harness.expectPluginState(plugin, { reportsOfConcern: { made: 0, responded: 0 } });
  });
});

describe('a report of concern made during the check', () => {
  it('the check records it: the follow-up opens with the check done, and the response can come at plan approval', async () => {
    const harness = atCheck();
    harness.send('child-expertise.check-completed', { ...planSafe, reportOfConcernMade: true, urgency: 'very-urgent-48h', agency: 'oranga-tamariki' }, { ...childSpecialist, at: '2026-05-07T09:00:00+12:00' });
    harness.expectAt('plan-approval');
    harness.expectEffects([
      { type: 'workItem.updated', node: 'child-check', status: 'done' },
      { type: 'workItem.created', workItemType: followUpType, due: '2026-05-09T09:00:00+12:00' },
      { type: 'milestone.reached', milestone: 'child-check-done' },
    ]);
    harness.expectPluginState(plugin, { checks: { planSafe: 1 }, reportsOfConcern: { made: 1, responded: 0 } });
    harness.send('child-expertise.report-of-concern-responded', responded, { ...childSpecialist, at: '2026-05-08T12:00:00+12:00' });
    harness.expectWorkItems({ workItemType: followUpType, status: 'done', count: 1 });
    harness.send('plan.approved', { planType: 'family-safety-plan' }, coordinator);
    await harness.clock.advance('P3D');
    expect(escalated(harness)).toEqual([]);
  });
});
