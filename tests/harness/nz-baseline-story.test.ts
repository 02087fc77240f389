import { nzNationalBaseline } from '@pathways/templates';
import { describe, expect, it } from 'vitest';
import { loaded, recordsCheck } from './fixtures/plugins.js';
import { aroha, firstContactStory, policeReferral, receiveReferral } from './fixtures/story.js';
import { baselineWithRecordsCheck } from './fixtures/templates.js';

// One fictional case on the NZ national baseline, told with the harness: a Police Safety Order,
// its follow-up going overdue while the clock skips days, a high-risk assessment, refusals, and a
// records check (a fictional plugin) that fails once and is retried.

describe('a Police referral through the NZ national baseline, with the harness', () => {
  it('records the safety order, skips to its follow-up going overdue, raises the tier, refuses, and retries an incident', async () => {
    const plugins = loaded(recordsCheck);
    const harness = policeReferral(baselineWithRecordsCheck(plugins), { plugins });
    harness.open();
    harness.expectAt('intake');
    harness.expectTier(null);
    harness.expectEffects([{ type: 'episode.recorded', episodeId: 'episode-0001', victimSurvivors: [aroha] }]);

    await receiveReferral(harness);
    harness.expectAt('immediate-safety-actions');
    harness.expectStep('response');
    harness.expectMilestones(['referral-received']);

    // Police issued a Police Safety Order expiring Friday 8 May at 17:00: the follow-up opens at
    // once, due two calendar days before the expiry, Wednesday 6 May at 17:00.
    await harness.clock.advance('PT30M');
    harness.send('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: true, safetyOrderExpiresAt: '2026-05-08T17:00:00+12:00' }, { role: 'referrer' });
    harness.expectAt('screen-adult-victim-survivors');
    harness.expectFacts({ safetyOrderExpiresAt: '2026-05-08T17:00:00+12:00', releaseFromCustodyAt: null });
    const [, followUpCreated] = harness.expectEffects([
      { type: 'fact.recorded', fact: 'safetyOrderExpiresAt', event: 'safety-actions.recorded' },
      { type: 'workItem.created', workItemType: 'safety-order-follow-up', ownerRole: 'lead-agency-practitioner', due: '2026-05-06T17:00:00+12:00' },
    ]);
    const [followUp] = harness.expectWorkItems({ workItemType: 'safety-order-follow-up', status: 'open', due: '2026-05-06T05:00:00Z', count: 1 });
    expect(followUpCreated).toMatchObject({ workItemId: followUp!.id });
    expect(harness.effects).toContainEqual(expect.objectContaining({ type: 'escalation.raised', rule: 'safety-order-expiring' }));

    // A high-risk assessment: the tier rises, first contact by the advocate is due within 24 hours.
    await harness.clock.advance('PT30M');
    harness.send('risk.assessed', { personId: aroha, level: 'high', tool: 'risk-checklist' }, { role: 'referrer' });
    harness.expectTier('high');
    harness.expectEffects([
      { type: 'tier.changed', from: null, to: 'high', direction: 'raised' },
      { type: 'escalation.raised', rule: 'tier-raised-high', trigger: 'tierRaised' },
      { type: 'workItem.created', workItemType: 'first-contact', ownerRole: 'specialist-victim-advocate', due: '2026-05-05T10:00:00+12:00' },
    ]);

    // Refusals change nothing and say why.
    const version = harness.record.version;
    const unknownPerson = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'risk.assessed', { personId: 'person-nobody', level: 'high' }, { role: 'referrer' });
    expect(unknownPerson.message).toContain('person-nobody');
    harness.expectRefused('PWY_COMMAND_NOT_ALLOWED', 'triage.completed', { tier: 'high', repeatEpisode: false }, { role: 'coordinator' });
    harness.expectRefused('PWY_COMMAND_ROLE_NOT_ALLOWED', 'screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, { role: 'administrator' });
    harness.expectRefused('PWY_COMMAND_STALE', 'screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, { role: 'referrer', expectedVersion: version - 1 });
    expect(harness.record.version).toBe(version);
    harness.expectEffects([]);

    harness.send('screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, { role: 'referrer' });
    harness.expectAt('triage-listing');

    // The clock skips to a minute before the follow-up is due: not overdue yet. (First contact,
    // due at 10:00 on Tuesday, has gone overdue on the way.)
    await harness.clock.advance({ to: '2026-05-06T16:59:00+12:00' });
    harness.expectNoEffect({ type: 'escalation.raised', workItemId: followUp!.id });
    harness.expectEffects([{ type: 'escalation.raised', rule: 'work-item-overdue', workItemId: harness.expectWorkItems({ workItemType: 'first-contact' })[0]!.id }]);
    // Two minutes later it is, and the owner agency's representative is told.
    await harness.clock.advance('PT2M');
    harness.expectEffects([
      { type: 'escalation.raised', rule: 'work-item-overdue', workItemId: followUp!.id },
      { type: 'notify.role', role: 'agency-representative' },
    ]);
    const fired = harness.clock.firedTimers.filter((timer) => timer.due === '2026-05-06T05:00:00.000Z');
    expect(fired.map((timer) => timer.firedAt)).toEqual(['2026-05-06T05:00:00.000Z']);
    const overdue = harness.view().escalations.filter((escalation) => escalation.rule === 'work-item-overdue');
    expect(overdue.map((escalation) => harness.history.workItem(escalation.workItemId!)?.workItemType)).toEqual(['first-contact', 'triage-listing', 'safety-order-follow-up']);

    // The records check does not answer the first time: an incident naming the plugin, and the
    // case unchanged. Retried, the same command applies.
    const before = harness.record;
    const incident = harness.expectIncident('triage.completed', { tier: 'high', repeatEpisode: false }, { actor: 'coordinator-tama', role: 'coordinator' });
    expect(incident).toMatchObject({ plugin: 'records-check@1.0.0', eventType: 'triage.completed', nodes: ['triage-listing'] });
    expect(incident.error).toContain('the records service did not answer');
    expect(harness.record).toBe(before);
    harness.expectAt('triage-listing');
    expect(harness.incidents).toEqual([incident]);

    harness.retry(incident);
    harness.expectAt('assign-lead-agency');
    const transcript = harness.transcript();
    expect(transcript).toContain('send risk.assessed — 2026-05-03T22:00:00.000Z: refused PWY_COMMAND_PAYLOAD_INVALID\n');
    expect(transcript).toMatch(/send triage\.completed — 2026-05-06T05:01:00\.000Z: incident in records-check@1\.0\.0 \(.*the records service did not answer\)\n/);
    expect(transcript).toContain('retry triage.completed — 2026-05-06T05:01:00.000Z: version 9, at [assign-lead-agency]\n');
    harness.expectMilestones(['referral-received', 'triaged']);
    harness.expectEffects([{ type: 'milestone.reached', milestone: 'triaged' }]);
  });

  it('sends at a later instant only after firing the timers due before it', async () => {
    const harness = policeReferral(nzNationalBaseline);
    harness.open();
    await receiveReferral(harness);
    // The immediate safety actions are due in a day; recording them two days later fires their
    // overdue timer first, at its own due time, then applies the command.
    harness.send('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: false }, { role: 'referrer', at: '2026-05-06T09:00:00+12:00' });
    expect(harness.clock.now).toBe('2026-05-05T21:00:00.000Z');
    const advance = harness.steps.at(-2)!;
    expect(advance).toMatchObject({ kind: 'advanced', label: 'clock.advance({ to: 2026-05-06T09:00:00+12:00 }) before safety-actions.recorded' });
    expect(advance.effects).toContainEqual(expect.objectContaining({ type: 'escalation.raised', rule: 'work-item-overdue' }));
    expect(harness.clock.firedTimers[0]).toMatchObject({ due: '2026-05-04T21:00:00.000Z', firedAt: '2026-05-04T21:00:00.000Z' });
    harness.expectAt('screen-adult-victim-survivors');

    // nextDue steps to the next timer: exactly one fires.
    const next = harness.clock.nextDue!;
    const fired = harness.clock.firedTimers.length;
    await harness.clock.advance({ to: next });
    expect(harness.clock.firedTimers.slice(fired).map((timer) => timer.firedAt)).toEqual([next]);
  });

  it('follows the family safety plan from its development to a draft version 1', async () => {
    const harness = await firstContactStory(nzNationalBaseline);
    harness.expectWorkItems({ workItemType: 'first-contact', status: 'done', count: 1 });
    harness.expectMilestones(['first-contact-made']);
    harness.send('whanau-support.offered', { outcome: 'accepted' }, { role: 'lead-agency-practitioner' });
    harness.send('outreach.offered', { outcome: 'engaged' }, { role: 'lead-agency-practitioner' });
    harness.send('consent.recorded', { consentStatus: 'given', consentSought: true, sharingDecision: 'share-with-consent', reasons: 'Fictional reasons.' }, { role: 'lead-agency-practitioner' });
    harness.send('workers.allocated', { specialistVictimAdvocate: true, perpetratorOutreach: true, whanauSupport: true }, { role: 'coordinator' });
    harness.send('cultural-service.chosen', { choice: 'kaupapa-maori' }, { role: 'coordinator' });
    // A high tier: the advocate develops the plan.
    harness.expectAt('develop-plan-high');
    harness.expectStep('integratedResponse');
    const plan = harness.expectPlan({ planType: 'family-safety-plan', draft: { version: 1, status: 'draft' }, inForce: null });
    expect(plan.draft?.startedAt).toBe(harness.clock.now);
    harness.send('safety-plan.drafted', { planActions: 3 }, { role: 'specialist-victim-advocate' });
    harness.expectAt('confirm-plan');
    harness.expectPlan({ planType: 'family-safety-plan', draft: { version: 1 } });
  });

  it('derives every id from the case id, so two runs of the same story are identical', async () => {
    const run = async () => {
      const harness = policeReferral(nzNationalBaseline);
      harness.open();
      await receiveReferral(harness);
      await harness.clock.advance('P3D');
      return { effects: harness.allEffects, record: harness.record, keys: harness.incidents };
    };
    const [first, second] = [await run(), await run()];
    expect(second).toEqual(first);
    expect(first.effects.every((effect) => effect.effectId.startsWith('case-story-0001:'))).toBe(true);
  });
});
