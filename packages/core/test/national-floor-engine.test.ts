import { createEngine, type Effect } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { baselineJson, Driver, parsed } from './case-driver.js';

// The national floor in the engine, on the NZ baseline 2.0.0 (or a copy changed to show one rule
// on its own): plan versions, tier decisions, dated facts and the deadlines and waits that count
// from them, named workers. All data is fictional.

type Json = Record<string, unknown> & { nodes: Record<string, unknown>[]; transitions: Record<string, unknown>[]; workItemTypes: Record<string, unknown>[] };
const baseline = parsed(baselineJson());
const withChild = {
  caseId: 'case-floor-0001',
  openedAt: '2026-06-01T08:30:00+12:00',
  persons: [{ id: 'person-child-1', roles: ['child' as const] }],
  episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: true },
};
const withoutChild = { ...withChild, caseId: 'case-floor-0002', persons: [], episode: { ...withChild.episode, childrenPresent: false } };

const ofType = <T extends Effect['type']>(effects: readonly Effect[], type: T) => effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

/** Intake to triage: referral, safety actions (with an order expiry when given), screening. */
function toTriage(driver: Driver, children: number, level: string, safety: Record<string, unknown> = {}): void {
  driver.apply('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: children > 0, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, 'referrer');
  driver.apply('referral.recorded', { adultVictimSurvivors: 1, children, linkedToExistingCase: false }, 'administrator');
  driver.apply('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: false, ...safety }, 'referrer');
  driver.apply('risk.assessed', { personId: 'person-aroha', level });
  driver.apply('screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, 'referrer');
  if (children > 0) driver.apply('child-safety.checked', { concernForChildren: 'none-identified' }, 'child-specialist');
}

/** From triage to the plan's development (entry into support and allocation; the advocate for high risk, else the lead agency). */
function toPlan(driver: Driver, level: string, children: number): void {
  const practitioner = level === 'high' ? 'specialist-victim-advocate' : 'lead-agency-practitioner';
  driver.apply('triage.completed', { tier: level, repeatEpisode: false }, 'coordinator');
  driver.apply('lead-agency.assigned', { leadAgency: 'womens-refuge' }, 'coordinator');
  driver.apply('contact.made', { personId: 'person-aroha', method: 'phone', supportAccepted: true }, practitioner);
  driver.apply('whanau-support.offered', { outcome: 'accepted' }, 'whanau-support-worker');
  driver.apply('outreach.offered', { outcome: 'engaged' }, 'perpetrator-outreach-worker');
  driver.apply('consent.recorded', { consentStatus: 'given', consentSought: true, sharingDecision: 'share-with-consent', purpose: 'decision-or-plan', reasons: 'reason-code-consent' }, practitioner);
  driver.apply('workers.allocated', { specialistVictimAdvocate: level === 'high', perpetratorOutreach: true, whanauSupport: true }, 'coordinator');
  if (children > 0) driver.apply('child-specialist.allocated', { agency: 'oranga-tamariki' }, 'coordinator');
  driver.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
}

describe('plans with versions', () => {
  it('needs a child-expertise check for each version: the first version\'s check does not approve the second', () => {
    // A copy whose high-tier plan development skips the children route, so only the approval rule stands in the way.
    const json = baselineJson() as Json;
    json.transitions.find((t) => t.id === 'plan-drafted-high')!.to = 'confirm-plan';
    const driver = new Driver(createEngine(parsed(json)), withChild);
    toTriage(driver, 1, 'escalating');
    toPlan(driver, 'escalating', 1);
    expect(driver.at).toEqual(['develop-plan']);
    driver.apply('safety-plan.drafted', { planActions: 2 }, 'lead-agency-practitioner');
    driver.apply('child-check.completed', { outcome: 'plan-safe-for-children', reportOfConcernMade: false }, 'child-specialist');
    driver.apply('safety-plan.submitted', { victimSurvivorAgrees: true, whanauInvolved: false }, 'lead-agency-practitioner');
    driver.apply('plan.approved', { planType: 'family-safety-plan' }, 'coordinator');
    expect(driver.engine.view(driver.record).plans).toMatchObject([{ inForce: { version: 1, milestones: { 'child-check-done': expect.any(String) } } }]);

    // The case becomes high risk; its review sends the plan for revision, to the advocate.
    driver.apply('risk.assessed', { personId: 'person-aroha', level: 'high' });
    driver.advance('2026-08-01T00:00:00Z');
    expect(driver.at).toEqual(['plan-review']);
    driver.apply('plan.reviewed', { planType: 'family-safety-plan', outcome: 'unchanged', victimViewRecorded: true }, 'lead-agency-practitioner');
    driver.apply('review.decided', { recommendation: 'revise-plan' }, 'coordinator');
    expect(driver.at).toEqual(['develop-plan-high']);
    expect(ofType(driver.last, 'plan.version')).toMatchObject([{ version: 2, status: 'draft' }]);
    driver.apply('safety-plan.drafted', { planActions: 3 }, 'specialist-victim-advocate');
    driver.apply('safety-plan.submitted', { victimSurvivorAgrees: true, whanauInvolved: false }, 'specialist-victim-advocate');
    expect(driver.at).toEqual(['plan-approval']);
    const refused = driver.engine.send(driver.record, driver.command('plan.approved', { planType: 'family-safety-plan' }, 'coordinator'));
    expect(refused).toMatchObject({ kind: 'refused', refusal: { code: 'PWY_PLAN_APPROVAL_BLOCKED' } });
    if (refused.kind === 'refused') expect(refused.refusal.message).toContain('Version 2 of family-safety-plan cannot be approved yet');
    expect(driver.engine.view(driver.record).plans).toMatchObject([{ inForce: { version: 1 }, draft: { version: 2, milestones: {} } }]);
  });

  it('approves a version only at the approval step, and says where that is', () => {
    const driver = new Driver(createEngine(baseline), withoutChild);
    toTriage(driver, 0, 'escalating');
    toPlan(driver, 'escalating', 0);
    const refused = driver.engine.send(driver.record, driver.command('plan.approved', { planType: 'family-safety-plan' }, 'coordinator'));
    expect(refused).toMatchObject({ kind: 'refused', refusal: { code: 'PWY_COMMAND_NOT_ALLOWED' } });
    if (refused.kind === 'refused') expect(refused.refusal.message).toContain('family-safety-plan at "plan-approval"');
  });
});

describe('decisions that set the tier', () => {
  it('records the triage decision with who, when and the meeting, and raises the tier from it', () => {
    const driver = new Driver(createEngine(baseline), withoutChild);
    toTriage(driver, 0, 'emerging');
    const effects = driver.apply('triage.completed', { tier: 'escalating', repeatEpisode: false }, 'coordinator', '2026-06-02T08:30:00+12:00');
    expect(ofType(effects, 'tier.changed')).toMatchObject([{ from: 'emerging', to: 'escalating', source: 'decision', event: 'triage.completed', meeting: 'daily-triage' }]);
    const view = driver.engine.view(driver.record, driver.history);
    expect(view.decision).toEqual({ level: 'escalating', at: '2026-06-01T20:30:00.000Z', by: 'kaimahi-test', event: 'triage.completed', meeting: 'daily-triage' });
    expect(view.tierHistory.at(-1)).toMatchObject({ to: 'escalating', by: 'kaimahi-test', source: 'decision', meeting: 'daily-triage' });
  });

  it('never lowers the tier: a decision below the assessed level changes nothing about the tier', () => {
    const driver = new Driver(createEngine(baseline), withoutChild);
    toTriage(driver, 0, 'high');
    const effects = driver.apply('triage.completed', { tier: 'emerging', repeatEpisode: false }, 'coordinator');
    expect(ofType(effects, 'tier.changed')).toEqual([]);
    expect(driver.engine.view(driver.record).tier).toBe('high');
  });
});

describe('dated case facts', () => {
  it('counts a due time with a signed offset from the fact, and follows the fact when it changes or is cleared', () => {
    const json = baselineJson() as Json;
    json.workItemTypes.find((t) => t.id === 'safety-order-follow-up')!.due = { relativeTo: 'safetyOrderExpiresAt', offset: '-P1D' };
    const driver = new Driver(createEngine(parsed(json)), withoutChild);
    driver.apply('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: true, consentStatus: 'not-yet-sought' }, 'referrer');
    driver.apply('referral.recorded', { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false }, 'administrator');
    const recorded = driver.apply('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: true, safetyOrderExpiresAt: '2026-06-10T17:00:00+12:00' }, 'referrer');
    const [followUp] = ofType(recorded, 'workItem.created').filter((e) => e.workItemType === 'safety-order-follow-up');
    expect(followUp?.due).toBe('2026-06-09T05:00:00.000Z');
    const moved = driver.apply('fact.recorded', { fact: 'safetyOrderExpiresAt', value: '2026-06-12T17:00:00+12:00' }, 'coordinator');
    expect(ofType(moved, 'workItem.updated')).toMatchObject([{ workItemId: followUp!.workItemId, due: '2026-06-11T05:00:00.000Z' }]);
    expect(ofType(moved, 'workItem.created')).toEqual([]);
    // The same instant written in another offset is no change at all.
    expect(driver.apply('fact.recorded', { fact: 'safetyOrderExpiresAt', value: '2026-06-12T05:00:00Z' }, 'coordinator')).toEqual([]);
    expect(driver.engine.view(driver.record).facts).toEqual({ safetyOrderExpiresAt: '2026-06-12T05:00:00.000Z' });
    // Clearing the fact (the order was discharged) keeps the follow-up's deadline: none is dropped silently.
    const cleared = driver.apply('fact.recorded', { fact: 'safetyOrderExpiresAt', value: null }, 'coordinator');
    expect(cleared.map((e) => e.type)).toEqual(['fact.recorded']);
    expect(driver.engine.view(driver.record).facts).toEqual({});
    expect(driver.engine.view(driver.record).workItems.find((item) => item.id === followUp!.workItemId)?.due).toBe('2026-06-11T05:00:00.000Z');
  });

  it('refuses facts the pathway does not declare, and values that are not instants', () => {
    const driver = new Driver(createEngine(baseline), withoutChild);
    expect(driver.refusedCode('fact.recorded', { fact: 'somethingElse', value: '2026-06-12T05:00:00Z' }, 'coordinator')).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    expect(driver.refusedCode('fact.recorded', { fact: 'releaseFromCustodyAt', value: 'next Tuesday' }, 'coordinator')).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    expect(driver.refusedCode('custody-release.notified', { releaseAt: '2026-13-40' }, 'lead-agency-practitioner')).toBe('PWY_COMMAND_PAYLOAD_INVALID');
  });

  it('waits until an instant counted from a fact: no timer until the fact is recorded, a new one when it moves', () => {
    const json = baselineJson() as Json;
    const wait = json.nodes.find((n) => n.id === 'await-next-icm')!;
    wait.duration = { relativeTo: 'releaseFromCustodyAt', before: 'P2D' };
    const driver = new Driver(createEngine(parsed(json)), withoutChild);
    toTriage(driver, 0, 'high');
    toPlan(driver, 'high', 0);
    driver.apply('safety-plan.drafted', { planActions: 2 }, 'specialist-victim-advocate');
    driver.apply('safety-plan.submitted', { victimSurvivorAgrees: true, whanauInvolved: false }, 'specialist-victim-advocate');
    driver.apply('plan.approved', { planType: 'family-safety-plan' }, 'coordinator');
    const waiting = driver.apply('intensive-review.completed', { outcome: 'continue-intensive', safetyOutcome: 'unchanged' }, 'coordinator');
    expect(driver.at).toEqual(['await-next-icm']);
    expect(ofType(waiting, 'timer.scheduled').filter((t) => t.purpose === 'wait')).toEqual([]);
    expect(driver.engine.dueTimers(driver.record, '2030-01-01T00:00:00Z').filter((t) => t.node === 'await-next-icm')).toEqual([]);

    const first = driver.apply('custody-release.notified', { releaseAt: '2026-07-20T10:00:00+12:00' }, 'lead-agency-practitioner');
    const [scheduled] = ofType(first, 'timer.scheduled').filter((t) => t.purpose === 'wait');
    expect(scheduled?.due).toBe('2026-07-17T22:00:00.000Z');
    const moved = driver.apply('fact.recorded', { fact: 'releaseFromCustodyAt', value: '2026-07-27T10:00:00+12:00' }, 'coordinator');
    expect(ofType(moved, 'timer.cancelled').filter((t) => t.node === 'await-next-icm')).toMatchObject([{ timerId: scheduled!.timerId }]);
    expect(ofType(moved, 'timer.scheduled').filter((t) => t.purpose === 'wait')).toMatchObject([{ due: '2026-07-24T22:00:00.000Z' }]);
    driver.advance('2026-07-24T22:00:00.000Z');
    expect(driver.at).toEqual(['intensive-case-management-review']);
  });
});

describe('named workers', () => {
  it('assigns the role\'s outstanding and new work to the named worker, and reassigns one item by command', () => {
    const driver = new Driver(createEngine(baseline), withoutChild);
    toTriage(driver, 0, 'high');
    driver.apply('triage.completed', { tier: 'high', repeatEpisode: false }, 'coordinator');
    const named = driver.apply('worker.assigned', { role: 'specialist-victim-advocate', worker: 'advocate-hine' }, 'coordinator');
    const [firstContact] = ofType(named, 'workItem.assigned');
    expect(firstContact).toMatchObject({ assignee: 'advocate-hine' });
    driver.apply('workItem.assigned', { workItemId: firstContact!.workItemId, assignee: 'advocate-mere' }, 'coordinator');
    expect(driver.engine.view(driver.record).workItems.find((item) => item.id === firstContact!.workItemId)).toMatchObject({ assignee: 'advocate-mere', ownerRole: 'specialist-victim-advocate' });
    expect(driver.engine.view(driver.record).workers).toEqual({ 'specialist-victim-advocate': 'advocate-hine' });
    expect(driver.refusedCode('workItem.assigned', { workItemId: 'case-floor-0002:99:1', assignee: 'advocate-mere' }, 'coordinator')).toBe('PWY_COMMAND_NOT_ALLOWED');
    expect(driver.refusedCode('worker.assigned', { role: 'no-such-role', worker: 'advocate-mere' }, 'coordinator')).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    // Ending the naming leaves assignments as they are; new work of the role is unassigned.
    driver.apply('worker.assigned', { role: 'specialist-victim-advocate', worker: null }, 'coordinator');
    expect(driver.engine.view(driver.record).workers).toEqual({});
  });
});
