import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CaseHistory,
  compile,
  contentHash,
  createEngine,
  parseTemplate,
  type CaseEngine,
  type CaseEvent,
  type CaseInspector,
  type Effect,
  type InspectedCase,
  type PathwayTemplate,
} from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { baselineJson, Driver, parsed } from './case-driver.js';

// The engine's path, on the NZ national baseline: every command is one pure step of the machine;
// the machine says what is allowed and why not; the case state stays bounded while the history is
// projected beside it. All data is fictional.

const baseline = parsed(baselineJson());
const referral = {
  caseId: 'case-path-0001',
  openedAt: '2026-05-04T08:30:00+12:00',
  persons: [{ id: 'person-child-1', roles: ['child' as const] }],
  episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: true },
};

/** Brings a fresh case to first contact at high risk (the advocate's task). */
function atFirstContact(engine: CaseEngine = createEngine(baseline)): Driver {
  const driver = new Driver(engine, referral);
  driver.apply('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: true, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, 'referrer');
  driver.apply('referral.recorded', { adultVictimSurvivors: 1, children: 1, linkedToExistingCase: false }, 'administrator');
  driver.apply('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: false }, 'referrer');
  driver.apply('risk.assessed', { personId: 'person-aroha', level: 'high' });
  driver.apply('screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, 'referrer');
  driver.apply('child-safety.checked', { concernForChildren: 'none-identified' }, 'child-specialist');
  driver.apply('triage.completed', { tier: 'high', repeatEpisode: false }, 'coordinator');
  driver.apply('lead-agency.assigned', { leadAgency: 'womens-refuge' }, 'coordinator');
  return driver;
}

/** Carries the high-risk case on to its intensive case management review, a review point. */
function atIcmReview(): Driver {
  const driver = atFirstContact();
  driver.apply('contact.made', { personId: 'person-aroha', method: 'in-person', supportAccepted: true }, 'specialist-victim-advocate');
  driver.apply('whanau-support.offered', { outcome: 'accepted' }, 'whanau-support-worker');
  driver.apply('outreach.offered', { outcome: 'engaged' }, 'perpetrator-outreach-worker');
  driver.apply('consent.recorded', { consentStatus: 'given', consentSought: true, sharingDecision: 'share-with-consent', purpose: 'decision-or-plan', reasons: 'reason-code-consent' }, 'specialist-victim-advocate');
  driver.apply('workers.allocated', { specialistVictimAdvocate: true, perpetratorOutreach: true, whanauSupport: true }, 'coordinator');
  driver.apply('child-specialist.allocated', { agency: 'oranga-tamariki' }, 'coordinator');
  driver.apply('cultural-service.chosen', { choice: 'kaupapa-maori', agency: 'kaupapa-maori-services' }, 'coordinator');
  driver.apply('safety-plan.drafted', { planActions: 2 }, 'specialist-victim-advocate');
  driver.apply('child-check.completed', { outcome: 'plan-safe-for-children', reportOfConcernMade: false }, 'child-specialist');
  driver.apply('safety-plan.submitted', { victimSurvivorAgrees: true, whanauInvolved: true }, 'specialist-victim-advocate');
  driver.apply('plan.approved', { planType: 'family-safety-plan' }, 'coordinator');
  expect(driver.engine.view(driver.record).active.map((a) => a.node)).toEqual(['intensive-case-management-review']);
  return driver;
}

describe('ask the machine: what is allowed, and why not', () => {
  it('offers the event types of the current state\'s transitions, the activity\'s first, marked when they need a payload', () => {
    const driver = atFirstContact();
    const view = driver.engine.view(driver.record);
    expect(view.active.map((a) => a.node)).toEqual(['first-contact-high']);
    const offered = Object.fromEntries(view.allowedCommands.map((c) => [c.type, c]));
    expect(view.allowedCommands.slice(0, 2).map((c) => c.type)).toEqual(['contact.attempted', 'contact.made']);
    expect(offered['workItem.progressed']?.needsPayload).toBe(true);
    expect(offered['risk.assessed']?.needsPayload).toBe(true);
    expect(offered['person.added']?.needsPayload).toBe(false);
    // No screening out: the tier is lowered only at a review point, so it is not offered at first contact.
    expect(offered['tier.deescalated']).toBeUndefined();
    const reviewing = Object.fromEntries(atIcmReview().engine.view(atIcmReview().record).allowedCommands.map((c) => [c.type, c]));
    expect(reviewing['tier.deescalated']).toMatchObject({ roles: ['coordinator'], needsPayload: true });
    // Internal and system events are never offered.
    for (const hidden of ['timer.fired', 'tier.recompute', 'milestone.reached', 'escalation.route', 'conditions.check', 'tier.raised']) expect(offered[hidden]).toBeUndefined();
    // A plan version is approved at its approval step only, so it is not offered here.
    expect(offered['plan.approved']).toBeUndefined();
  });

  it('refuses with the guard\'s own code: tier lowering, plan approval, unknown person or work item, wrong role', () => {
    const driver = atFirstContact();
    expect(driver.refusedCode('tier.deescalated', { toTier: 'emerging', reason: 'reason-code-reviewed' }, 'coordinator')).toBe('PWY_TIER_LOWERING_INVALID');
    expect(driver.refusedCode('tier.deescalated', { toTier: 'unheard-of', reason: 'reason-code-reviewed' }, 'coordinator')).toBe('PWY_TIER_LOWERING_INVALID');
    expect(driver.refusedCode('tier.deescalated', { toTier: 'emerging', reason: 'reason-code-reviewed' }, 'specialist-victim-advocate')).toBe('PWY_COMMAND_ROLE_NOT_ALLOWED');
    expect(driver.refusedCode('risk.assessed', { personId: 'person-nobody', level: 'high' })).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    expect(driver.refusedCode('risk.assessed', { personId: 'person-aroha', level: 'no-such-tier' })).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    expect(driver.refusedCode('workItem.progressed', { workItemId: 'case-path-0001:99:1', status: 'done' })).toBe('PWY_COMMAND_NOT_ALLOWED');
    driver.apply('plan.actionAdded', { planType: 'family-safety-plan', workItemType: 'plan-action' });
    // Approval happens at the plan's approval step, not at first contact.
    const outside = driver.engine.send(driver.record, driver.command('plan.approved', { planType: 'family-safety-plan' }));
    expect(outside).toMatchObject({ kind: 'refused', refusal: { code: 'PWY_COMMAND_NOT_ALLOWED' } });
    if (outside.kind === 'refused') expect(outside.refusal.message).toContain('"plan-approval"');
    expect(driver.refusedCode('plan.approved', { planType: 'no-such-plan' })).toBe('PWY_COMMAND_PAYLOAD_INVALID');
  });

  it('lowers the tier on a reasoned review to a level current assessments support', () => {
    const driver = atIcmReview();
    driver.apply('risk.assessed', { personId: 'person-aroha', level: 'escalating' });
    const effects = driver.apply('tier.deescalated', { toTier: 'escalating', reason: 'reason-code-reviewed' }, 'coordinator');
    expect(effects).toContainEqual(expect.objectContaining({ type: 'tier.changed', from: 'high', to: 'escalating', direction: 'lowered', reason: 'reason-code-reviewed' }));
    expect(driver.engine.view(driver.record, driver.history).tierHistory.map((change) => change.to)).toEqual(['high', 'escalating']);
  });

  it('never takes timer.fired as a command: timers fire through fireTimer, never early', () => {
    const driver = atFirstContact();
    const timer = driver.engine.dueTimers(driver.record, '2027-01-01T00:00:00Z')[0]!;
    expect(driver.refusedCode('timer.fired', { timerId: timer.timerId })).toBe('PWY_COMMAND_SYSTEM_ONLY');
    const fired = driver.engine.fireTimer(driver.record, timer.timerId);
    expect(fired.kind).toBe('applied');
    if (fired.kind === 'applied') expect(fired.record.clock).toBe(timer.due);
  });

  it('a throwing guard is an incident that changes nothing; the retry applies the command', () => {
    const driver = atFirstContact();
    // Another engine on the same pathway, whose person lookup fails once: records move between engines.
    const engine = createEngine(baseline, { faults: [{ guard: 'personInCase', times: 1, message: 'person lookup unavailable' }] });
    const before = driver.record;
    const failed = engine.send(before, driver.command('risk.assessed', { personId: 'person-aroha', level: 'intensive' }));
    expect(failed.kind).toBe('incident');
    if (failed.kind !== 'incident') return;
    expect(failed.incident.error).toContain('guard personInCase failed: person lookup unavailable');
    expect(failed.incident.nodes).toEqual(['first-contact-high']);
    const retried = engine.retryIncident(driver.record, failed.incident);
    expect(retried.kind).toBe('applied');
    if (retried.kind === 'applied') expect(engine.view(retried.record).tier).toBe('intensive');
  });

  it('a closed case takes no command', () => {
    const tiny = parsed(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'tiny-pathway', 'tiny-pathway.json'), 'utf8')));
    const engine = createEngine(tiny);
    let record = engine.startCase({ caseId: 'case-closed-1', openedAt: '2026-03-02T09:00:00+13:00' }).record;
    const step = (type: string, at: string, payload: Record<string, unknown>) => {
      const result = engine.send(record, { type, at, payload, actor: 'kaimahi', idempotencyKey: `${type}@${at}`, expectedVersion: record.version });
      if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
      record = result.record;
    };
    step('referral.received', '2026-03-02T09:05:00+13:00', { sourceAgency: 'nz-police' });
    step('triage.completed', '2026-03-02T10:00:00+13:00', { risk: 'low' });
    const fired = engine.fireTimer(record, engine.dueTimers(record, '2027-01-01T00:00:00Z')[0]!.timerId);
    if (fired.kind !== 'applied') throw new Error('timer did not fire');
    record = fired.record;
    step('review.completed', '2026-04-08T10:00:00+12:00', { outcome: 'unchanged', victimViewRecorded: true });
    expect(engine.view(record).status).toBe('closed');
    const refused = engine.send(record, { type: 'person.added', at: '2026-04-09T10:00:00+12:00', payload: { personId: 'person-new', roles: ['child'] }, actor: 'kaimahi', idempotencyKey: 'late' });
    expect(refused).toMatchObject({ kind: 'refused', refusal: { code: 'PWY_COMMAND_NOT_ALLOWED' } });
    if (refused.kind === 'refused') expect(refused.refusal.message).toContain('closed');
  });
});

describe('bounded case state, history beside it', () => {
  it('keeps only outstanding work in the case state however long the case runs; the history keeps every work item', () => {
    const driver = atFirstContact();
    const sizeAt = (cycles: number) => {
      while (driver.history.workItems.filter((item) => item.workItemType === 'consider-sharing').length < cycles) {
        const opened = driver.apply('information.requested', { requestingAgency: 'oranga-tamariki', purpose: 'risk-or-needs-assessment', urgent: false });
        const created = opened.find((effect) => effect.type === 'workItem.created');
        if (created?.type !== 'workItem.created') throw new Error('no work item opened');
        driver.apply('workItem.progressed', { workItemId: created.workItemId, status: 'done' });
        driver.apply('barrier.raised', { barrier: 'service-capacity', summary: 'barrier-code-capacity' }, 'coordinator');
      }
      return JSON.stringify(driver.record).length;
    };
    const small = sizeAt(5);
    const large = sizeAt(300);
    expect(driver.record.version).toBeGreaterThan(900);
    expect(large).toBeLessThan(small * 1.1);
    expect(Object.values(driver.record.snapshot.context.workItems).map((item) => item.workItemType).sort()).toEqual(['first-contact', 'icm-listing']);
    expect(driver.record.snapshot.context.closedWorkItems['consider-sharing']).toEqual({ done: 300, cancelled: 0, incomplete: 0 });
    const view = driver.engine.view(driver.record, driver.history);
    const closed = view.workItems.filter((item) => item.workItemType === 'consider-sharing');
    expect(closed).toHaveLength(300);
    expect(closed.every((item) => item.status === 'done' && item.closedAt !== undefined)).toBe(true);
    expect(view.escalations.filter((e) => e.rule === 'barrier-to-regional-hub')).toHaveLength(300);
    // Without the history, a view shows the outstanding work only.
    expect(driver.engine.view(driver.record).workItems.map((item) => item.status)).toEqual(['open', 'open']);
  });

  it('keeps episodes the repeat rule can still reach, and every episode in the history', () => {
    const driver = atFirstContact();
    let at = Date.parse(driver.record.clock);
    for (let i = 1; i <= 4; i += 1) {
      at += 400 * 24 * 3_600_000; // 400 days: outside the 12-month repeat window each time
      const result = driver.engine.send(driver.record, { type: 'episode.reported', at: new Date(at).toISOString(), actor: 'kaimahi-test', idempotencyKey: `episode-${i}`, payload: { episodeId: `episode-${i + 1}`, sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false } });
      if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
      driver.record = result.record;
      driver.history.apply({ at: result.record.clock, actor: 'kaimahi-test', effects: result.effects });
    }
    expect(driver.record.snapshot.context.episodes.map((e) => e.id)).toEqual(['episode-5']);
    expect(driver.engine.view(driver.record, driver.history).episodes.map((e) => e.id)).toEqual(['episode-0001', 'episode-2', 'episode-3', 'episode-4', 'episode-5']);
  });

  it('rebuilds the same history from the committed entries', () => {
    const driver = atFirstContact();
    const entries = [{ at: '2026-05-04T08:30:00.000Z', actor: 'system', effects: [] as Effect[] }];
    const history = CaseHistory.from([...entries, { at: driver.record.clock, actor: 'kaimahi-test', effects: driver.last }]);
    expect(history.toJSON().workItems.length).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(JSON.stringify(driver.history))).toEqual(driver.history.toJSON());
  });
});

describe('compiling', () => {
  it('hashes content with SHA-256 over canonical JSON, so key order does not matter and any change does', () => {
    expect(contentHash({ b: 1, a: [1, 2] })).toBe(contentHash({ a: [1, 2], b: 1 }));
    expect(contentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(compile(baseline).contentHash).toBe(contentHash(baseline));
  });

  it('compiles only what parseTemplate returned, and pins every case to the hash and plugins', () => {
    expect(() => compile({ ...baseline } as PathwayTemplate)).toThrow(expect.objectContaining({ code: 'PWY_TEMPLATE_UNPARSED' }));
    expect(() => compile(JSON.parse(JSON.stringify(baseline)) as PathwayTemplate)).toThrow(expect.objectContaining({ code: 'PWY_TEMPLATE_UNPARSED' }));
    expect(Object.isFrozen(baseline.nodes[0])).toBe(true);
    const { record } = createEngine(baseline).startCase(referral);
    expect(record.templateHash).toBe(contentHash(baseline));
    expect(record.plugins).toEqual([]);
  });

  it('refuses templates that declare the engine\'s reserved events, so no command can forge a milestone or a route', () => {
    for (const type of ['milestone.reached', 'escalation.route', 'tier.raised', 'timer.fired', 'xstate.init']) {
      const json = baselineJson() as { events: Record<string, unknown>[] };
      json.events.push({ type, label: { en: 'Forged' }, payload: {} });
      expect(parseTemplate(json).problems.map((p) => p.code)).toContain('PWY_EVENT_RESERVED');
    }
  });
});

describe('inspection', () => {
  it('tells an observer of the case opened, each event and the state it led to; a failing observer changes nothing', () => {
    const seen: string[] = [];
    const inspector: CaseInspector = {
      actor: (caseId, snapshot: InspectedCase, info) => seen.push(`actor ${caseId} ${snapshot.status} ${info.definition.length > 1000}`),
      event: (caseId, event: CaseEvent, info) => seen.push(`event ${caseId} ${event.type} by ${info.source}`),
      snapshot: (caseId, snapshot, info) => seen.push(`snapshot ${caseId} ${JSON.stringify(snapshot.value).includes('record-referral')} after ${info.event.type}`),
    };
    const driver = new Driver(createEngine(baseline, { inspect: inspector }), referral);
    driver.apply('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: true, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, 'referrer');
    expect(seen).toEqual(['actor case-path-0001 active true', 'event case-path-0001 referral.received by kaimahi-test', 'snapshot case-path-0001 true after referral.received']);

    const throwing = new Driver(createEngine(baseline, { inspect: { event: () => { throw new Error('inspector down'); } } }), referral);
    expect(throwing.send('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: true, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, 'referrer').kind).toBe('applied');
  });
});
