import { nzNationalBaseline } from '@pathways/templates';
import { beforeEach, describe, expect, it } from 'vitest';
import { PathwaysAssertionError, type CaseHarness } from '@pathways/testing';
import { homeVisits, loaded } from './fixtures/plugins.js';
import { aroha, policeReferral, receiveReferral } from './fixtures/story.js';
import { baselineWithHomeVisits } from './fixtures/templates.js';

// Every assertion, failing on purpose: the message says what was expected, what was found and
// where the case was, and the error carries `expected` and `actual` for a runner's diff.

/** The error an assertion throws; fails the test when it does not throw one. */
function failureOf(assertion: () => unknown): PathwaysAssertionError {
  try {
    assertion();
  } catch (error) {
    if (error instanceof PathwaysAssertionError) return error;
    throw error;
  }
  throw new Error('The assertion passed; it was meant to fail.');
}

const where = (step: string, version = 4) => `\n  where: case case-story-0001 at version ${version}, clock 2026-05-03T21:30:00.000Z, after ${step}`;

describe('assertion messages', () => {
  let harness: CaseHarness;

  // The case after the safety order and an assessment at "escalating": at the risk screening.
  beforeEach(async () => {
    const plugins = loaded(homeVisits);
    harness = policeReferral(baselineWithHomeVisits(plugins), { plugins });
    harness.open();
    await receiveReferral(harness);
    harness.send('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: true, safetyOrderExpiresAt: '2026-05-08T17:00:00+12:00' }, { role: 'referrer' });
    await harness.clock.advance('PT30M');
    harness.send('risk.assessed', { personId: aroha, level: 'escalating' }, { role: 'referrer' });
  });

  it('are assertion errors any runner shows, with what was expected and what was found', () => {
    const error = failureOf(() => harness.expectAt('triage-listing'));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'PathwaysAssertionError', code: 'ERR_ASSERTION', assertion: 'expectAt', expected: ['triage-listing'], actual: ['screen-adult-victim-survivors'] });
    expect(error.where).toBe('case case-story-0001 at version 4, clock 2026-05-03T21:30:00.000Z, after step #7 (send risk.assessed)');
  });

  it('expectAt names the nodes expected and the nodes the case is at', () => {
    expect(failureOf(() => harness.expectAt(['triage-listing', 'child-safety-check'])).message).toBe(
      `Expected the case at [triage-listing, child-safety-check], found it at [screen-adult-victim-survivors].${where('step #7 (send risk.assessed)')}`,
    );
  });

  it('expectStep names the practice steps and the nodes behind them', () => {
    expect(failureOf(() => harness.expectStep('entryIntoSupport')).message).toBe(
      `Expected practice step [entryIntoSupport], found [response] (the case is at screen-adult-victim-survivors (response)).${where('step #7 (send risk.assessed)')}`,
    );
  });

  it('expectTier names both tiers and the last change', () => {
    const error = failureOf(() => harness.expectTier('high'));
    expect(error.message).toBe(`Expected tier "high", found tier "escalating" (last changed at 2026-05-03T21:30:00.000Z by kaimahi-ana, assessment).${where('step #7 (send risk.assessed)')}`);
    expect(error).toMatchObject({ expected: 'high', actual: 'escalating' });
    expect(failureOf(() => harness.expectTier(null)).message).toContain('Expected no tier (not yet assessed), found tier "escalating"');
  });

  it('expectWorkItems says how many matched and lists the work items of the case', () => {
    const error = failureOf(() => harness.expectWorkItems({ workItemType: 'safety-order-follow-up', status: 'open', count: 2 }));
    expect(error.message).toBe(
      'Expected 2 work items matching {"workItemType":"safety-order-follow-up","status":"open"}, found 1.\n' +
        '  work items of the case:\n' +
        '    - case-story-0001:1:2 referral-record done, owner administrator, due 2026-05-04T20:35:00.000Z, node record-referral\n' +
        '    - case-story-0001:2:4 immediate-safety-actions done, owner referrer, due 2026-05-04T21:00:00.000Z, node immediate-safety-actions\n' +
        '    - case-story-0001:3:5 risk-screening open, owner referrer, due 2026-05-04T21:00:00.000Z, node screen-adult-victim-survivors\n' +
        '    - case-story-0001:3:9 safety-order-follow-up open, owner lead-agency-practitioner, due 2026-05-06T05:00:00.000Z, escalation safety-order-expiring' +
        where('step #7 (send risk.assessed)'),
    );
    expect(error).toMatchObject({ expected: 2, actual: 1 });
    expect(failureOf(() => harness.expectWorkItems({ workItemType: 'first-contact' })).message).toMatch(/^Expected at least 1 work item matching \{"workItemType":"first-contact"\}, found 0\./);
  });

  it('expectEffects names the matcher that found nothing, where it looked, and the effects of the step', () => {
    const error = failureOf(() => harness.expectEffects([{ type: 'tier.changed', to: 'escalating' }, { type: 'escalation.raised', rule: 'tier-raised-high' }]));
    expect(error.message).toBe(
      'Expected effect matcher #2 of 2, {"type":"escalation.raised","rule":"tier-raised-high"}, to match an effect of step #7 (send risk.assessed) after effect #2 (tier.changed); none does.\n' +
        '  effects of step #7 (send risk.assessed):\n' +
        '    1. assessment.recorded {"effectId":"case-story-0001:4:1","personId":"person-aroha","level":"escalating"}\n' +
        '    2. tier.changed {"effectId":"case-story-0001:4:2","from":null,"to":"escalating","direction":"raised","source":"assessment","event":"risk.assessed"}' +
        where('step #7 (send risk.assessed)'),
    );
    expect(error.actual).toEqual(harness.effects);
  });

  it('expectEffects says when a matching effect comes too early: effects match in order', async () => {
    await harness.clock.advance('PT1M');
    harness.send('fact.recorded', { fact: 'safetyOrderExpiresAt', value: '2026-05-10T17:00:00+12:00' }, { role: 'coordinator' });
    const message = failureOf(() => harness.expectEffects([{ type: 'workItem.updated' }, { type: 'fact.recorded' }])).message;
    expect(message).toContain('Expected effect matcher #2 of 2, {"type":"fact.recorded"}, to match an effect of step #9 (send fact.recorded) after effect #2 (workItem.updated); none does.');
    expect(message).toContain('  effect #1 matches, but it comes before the effect matched by matcher #1: effects are matched in order.');
  });

  it('expectEffects([]) lists the effects the step should not have had', () => {
    expect(failureOf(() => harness.expectEffects([])).message).toMatch(/^Expected no effects from step #7 \(send risk\.assessed\), found 2:\n {4}1\. assessment\.recorded .*\n {4}2\. tier\.changed /);
  });

  it('expectNoEffect shows the effect that matched', async () => {
    await harness.clock.advance('P1D');
    expect(failureOf(() => harness.expectNoEffect({ type: 'escalation.raised', rule: 'work-item-overdue' })).message).toMatch(
      /^Expected no effect of step #8 \(clock\.advance\(P1D\)\) to match \{"type":"escalation\.raised","rule":"work-item-overdue"\}, found effect #1: escalation\.raised \{"effectId":"case-story-0001:5:1","rule":"work-item-overdue","trigger":"workItemOverdue","workItemId":"case-story-0001:3:5"\}\./,
    );
  });

  it('expectPlan lists the plans of the case', () => {
    expect(failureOf(() => harness.expectPlan({ planType: 'family-safety-plan', inForce: { status: 'approved' } })).message).toBe(
      `Expected a plan matching {"planType":"family-safety-plan","inForce":{"status":"approved"}}, found none.\n  plans of the case:\n    (none)${where('step #7 (send risk.assessed)')}`,
    );
  });

  it('expectPluginState shows the state found, against the fields or the predicate expected', () => {
    expect(failureOf(() => harness.expectPluginState(homeVisits, { visits: 1 })).message).toBe(
      `Expected the state of plugin "home-visits" to match {"visits":1}, found {"visits":0,"lastVisitor":null}.${where('step #7 (send risk.assessed)')}`,
    );
    expect(failureOf(() => harness.expectPluginState(homeVisits, (state) => state.visits > 0)).message).toBe(
      `Expected the state of plugin "home-visits" to satisfy (state) => state.visits > 0, found {"visits":0,"lastVisitor":null}.${where('step #7 (send risk.assessed)')}`,
    );
    expect(failureOf(() => harness.expectPluginState('housing-safety', { referrals: 1 })).message).toBe(
      `Expected plugin "housing-safety" to have state in this case, but it has none; plugins with state: [child-expertise, home-visits].${where('step #7 (send risk.assessed)')}`,
    );
  });

  it('expectMilestones names the milestones not reached and those reached', () => {
    expect(failureOf(() => harness.expectMilestones(['referral-received', 'triaged'])).message).toBe(
      `Expected milestones [referral-received, triaged] to be reached; not reached: [triaged]. Reached: referral-received (2026-05-03T20:35:00.000Z).${where('step #7 (send risk.assessed)')}`,
    );
  });

  it('expectFacts lists each fact that differs', () => {
    const error = failureOf(() => harness.expectFacts({ safetyOrderExpiresAt: '2026-05-09T17:00:00+12:00', releaseFromCustodyAt: '2026-06-01T09:00:00+12:00' }));
    expect(error.message).toBe(
      'Expected case facts to match; 2 do not:\n' +
        '  safetyOrderExpiresAt: expected 2026-05-09T17:00:00+12:00, found 2026-05-08T05:00:00.000Z\n' +
        '  releaseFromCustodyAt: expected 2026-06-01T09:00:00+12:00, found not recorded' +
        where('step #7 (send risk.assessed)'),
    );
    expect(error.actual).toEqual({ safetyOrderExpiresAt: '2026-05-08T05:00:00.000Z', releaseFromCustodyAt: null });
  });

  it('send says why a command did not apply, problems included', () => {
    expect(failureOf(() => harness.send('triage.completed', { tier: 'high', repeatEpisode: false }, { role: 'coordinator' })).message).toBe(
      `Expected triage.completed to apply, but it was refused with PWY_COMMAND_NOT_ALLOWED: "triage.completed" is not allowed while the case is at screen-adult-victim-survivors.${where('step #8 (send triage.completed)')}`,
    );
    expect(failureOf(() => harness.send('risk.assessed', { personId: aroha, level: 'extreme' }, { role: 'referrer' })).message).toBe(
      'Expected risk.assessed to apply, but it was refused with PWY_COMMAND_PAYLOAD_INVALID: The payload of "risk.assessed" does not match its schema.\n' +
        '    - payload.level: Got the text "extreme"; allowed: "emerging", "escalating", "high", "intensive".' +
        where('step #9 (send risk.assessed)'),
    );
  });

  it('expectRefused says what happened instead: applied, or refused with another code', () => {
    expect(failureOf(() => harness.expectRefused('PWY_COMMAND_NOT_ALLOWED', 'risk.assessed', { personId: 'person-nobody', level: 'high' }, { role: 'referrer' })).message).toBe(
      `Expected risk.assessed to be refused with PWY_COMMAND_NOT_ALLOWED, but it was refused with PWY_COMMAND_PAYLOAD_INVALID: No person "person-nobody" is in the case; add them first (person.added).${where('step #8 (send risk.assessed)')}`,
    );
    const applied = failureOf(() => harness.expectRefused('PWY_COMMAND_NOT_ALLOWED', 'risk.assessed', { personId: aroha, level: 'high' }, { role: 'referrer' }));
    expect(applied.message).toMatch(/^Expected risk\.assessed to be refused with PWY_COMMAND_NOT_ALLOWED, but it applied \(version 5, effects: assessment\.recorded, tier\.changed, escalation\.raised, workItem\.created, /);
    expect(applied).toMatchObject({ expected: 'PWY_COMMAND_NOT_ALLOWED', actual: 'applied' });
  });

  it('expectIncident says the command applied (or was refused) instead', () => {
    const refused = failureOf(() => harness.expectIncident('screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, { role: 'administrator' }));
    expect(refused.message).toMatch(/^Expected screening\.completed to end in an incident, but it was refused with PWY_COMMAND_ROLE_NOT_ALLOWED: "screening\.completed" may be sent only as referrer or .+; it was sent as administrator\./);
    expect(refused.message).toContain(where('step #8 (send screening.completed)'));
    const applied = failureOf(() => harness.expectIncident('screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, { role: 'referrer' }));
    expect(applied.message).toMatch(/^Expected screening\.completed to end in an incident, but it applied \(version 5, effects: workItem\.updated, /);
  });

  it('is a usage error, not an assertion, to read a case before opening it', () => {
    const unopened = policeReferral(nzNationalBaseline);
    expect(() => unopened.expectAt('intake')).toThrow('The case is not open yet: call harness.open() first.');
    expect(() => unopened.record).toThrow('The case is not open yet');
    unopened.open();
    expect(() => unopened.open()).toThrow('The case case-story-0001 is already open; a harness drives one case (create another harness for another case).');
  });
});
