import { nzNationalBaseline } from '@pathways/templates';
import { describe, expect, it } from 'vitest';
import { PathwaysAssertionError } from '@pathways/testing';
import { policeReferral, receiveReferral } from './fixtures/story.js';

// Incidents the engine's own faults stand in for (`faults`, as scenario files have them): a
// command's, retried until it applies, and a timer's, which stops the clock where it failed.

const screened = { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true } as const;

async function atScreening(faults: { guard: string; times: number; message?: string }[]) {
  const harness = policeReferral(nzNationalBaseline, { faults });
  harness.open();
  await receiveReferral(harness);
  harness.send('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: false }, { role: 'referrer' });
  return harness;
}

describe('incidents', () => {
  it('retry applies the command once the fault is gone, and says so when it fails again', async () => {
    const harness = await atScreening([{ guard: 'conditionHolds', times: 2, message: 'routing guard unavailable' }]);
    const incident = harness.expectIncident('screening.completed', screened, { role: 'referrer' });
    expect(incident).toMatchObject({ code: 'PWY_CASE_INCIDENT', eventType: 'screening.completed', nodes: ['screen-adult-victim-survivors'], version: 3 });
    expect(incident.plugin).toBeUndefined();

    let again: unknown;
    try {
      harness.retry(incident);
    } catch (error) {
      again = error;
    }
    expect(again).toBeInstanceOf(PathwaysAssertionError);
    expect((again as PathwaysAssertionError).message).toMatch(
      /^Expected the retry of incident case-story-0001:incident:3:case-story-0001:step-6 \(screening\.completed\) to apply, but it ended in an incident: [\s\S]*routing guard unavailable/,
    );
    expect(harness.incidents).toHaveLength(2);
    harness.expectAt('screen-adult-victim-survivors');

    harness.retry(incident);
    harness.expectAt('triage-listing');
    expect(harness.steps.at(-1)).toMatchObject({ kind: 'retried', label: 'retry screening.completed', version: 4 });
  });

  it('a timer that cannot fire stops the clock at its due time; retried, the clock goes on', async () => {
    const harness = await atScreening([{ guard: 'timerDue', times: 1, message: 'timer service unavailable' }]);
    let stopped: unknown;
    try {
      await harness.clock.advance('P1D');
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(PathwaysAssertionError);
    const message = (stopped as PathwaysAssertionError).message;
    expect(message).toMatch(/^Timer case-story-0001:3:5 \(overdue\), due 2026-05-04T21:00:00\.000Z, could not fire: it ended in an incident: [\s\S]*timer service unavailable/);
    expect(message).toContain('The clock stopped at its due time. Effects of the timers fired before it:\n    (none)');
    expect(harness.clock.now).toBe('2026-05-04T21:00:00.000Z');

    const [incident] = harness.incidents;
    harness.retry(incident!);
    harness.expectEffects([{ type: 'escalation.raised', rule: 'work-item-overdue' }]);
    await harness.clock.advance('P3D');
    expect(harness.clock.firedTimers.map((timer) => timer.due)).toEqual(['2026-05-04T21:00:00.000Z', '2026-05-06T21:00:00.000Z']);
  });

  it('the clock never goes back', async () => {
    const harness = policeReferral(nzNationalBaseline);
    harness.open();
    await expect(harness.clock.advance({ to: '2026-05-04T08:00:00+12:00' })).rejects.toThrow(
      'clock.advance({ to: 2026-05-04T08:00:00+12:00 }) would move the clock back, from 2026-05-03T20:30:00.000Z to 2026-05-03T20:00:00.000Z; the clock only moves forward.',
    );
  });
});
