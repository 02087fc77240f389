import { compareInstants, type TimeSpan } from '@pathways/core';
import { nzNationalBaseline } from '@pathways/templates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseHarness } from '@pathways/testing';
import { aroha, policeReferral, receiveReferral } from './fixtures/story.js';

// clock.advance, on random sequences of advances (durations, working days, instants) and
// assessments between them, on a case whose safety order may expire soon enough that its
// follow-up is already overdue when it opens: no timer fires before its due time, timers fire in
// due order, every due timer fires once, and a timer a command scheduled fires exactly on time.

type Move = { readonly advance: TimeSpan } | { readonly minutes: number } | { readonly assess: 'emerging' | 'escalating' | 'high' };

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('PT1M', 'PT17M', 'PT1H', 'PT6H', 'P1D', 'P2D', 'P1W').map((advance): Move => ({ advance })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }).map((workingDays): Move => ({ advance: { workingDays } })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 4 * 24 * 60 }).map((minutes): Move => ({ minutes })) },
  { weight: 1, arbitrary: fc.constantFrom('emerging', 'escalating', 'high').map((assess): Move => ({ assess })) },
);

const plusMinutes = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** Every due timer has fired: the engine has none due by the clock. */
function noneDue(harness: CaseHarness): void {
  expect(harness.engine.dueTimers(harness.record, harness.clock.now)).toEqual([]);
}

describe('clock.advance', () => {
  it('never fires a timer before its due time, and fires them in due order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(fc.integer({ min: 1, max: 7 * 24 }), { nil: undefined }), fc.array(move, { minLength: 1, maxLength: 12 }), async (orderHours, moves) => {
        const harness = policeReferral(nzNationalBaseline);
        harness.open();
        await receiveReferral(harness);
        const order = orderHours === undefined ? { safetyOrderIssued: false } : { safetyOrderIssued: true, safetyOrderExpiresAt: plusMinutes(harness.clock.now, orderHours * 60) };
        harness.send('safety-actions.recorded', { policeAttended: true, ...order }, { role: 'referrer' });

        for (const next of moves) {
          if ('assess' in next) harness.send('risk.assessed', { personId: aroha, level: next.assess }, { role: 'referrer' });
          else {
            const before = harness.clock.now;
            const target = 'minutes' in next ? plusMinutes(before, next.minutes) : undefined;
            await harness.clock.advance(target === undefined ? ('advance' in next ? next.advance : 'PT0S') : { to: target });
            expect(compareInstants(harness.clock.now, before)).toBeGreaterThanOrEqual(0);
            noneDue(harness);
          }
        }

        // A timer already due when a command schedules it fires at the next advance, even of nothing.
        await harness.clock.advance('PT0S');
        noneDue(harness);

        const fired = harness.clock.firedTimers;
        for (const [index, timer] of fired.entries()) {
          expect(compareInstants(timer.firedAt, timer.due), `timer ${timer.timerId} fired at ${timer.firedAt}, due ${timer.due}`).toBeGreaterThanOrEqual(0);
          expect(compareInstants(timer.firedAt, harness.clock.now)).toBeLessThanOrEqual(0);
          if (index > 0) {
            expect(compareInstants(timer.due, fired[index - 1]!.due)).toBeGreaterThanOrEqual(0);
            expect(compareInstants(timer.firedAt, fired[index - 1]!.firedAt)).toBeGreaterThanOrEqual(0);
          }
        }
        expect(new Set(fired.map((timer) => timer.timerId)).size).toBe(fired.length);

        // Timers scheduled by a command (sent at the clock's time) and due after it fire exactly on time.
        const scheduledAt = new Map<string, string>();
        for (const step of harness.steps) {
          if (step.kind !== 'applied' && step.kind !== 'opened') continue;
          for (const effect of step.effects) if (effect.type === 'timer.scheduled') scheduledAt.set(effect.timerId, step.at);
        }
        for (const timer of fired) {
          const at = scheduledAt.get(timer.timerId);
          if (at !== undefined && compareInstants(timer.due, at) >= 0) expect(timer.firedAt).toBe(timer.due);
        }

        // Every timer scheduled, not cancelled and due by now has fired.
        const cancelled = new Set(harness.allEffects.flatMap((effect) => (effect.type === 'timer.cancelled' ? [effect.timerId] : [])));
        const firedIds = new Set(fired.map((timer) => timer.timerId));
        const owed = harness.allEffects.filter(
          (effect) => effect.type === 'timer.scheduled' && effect.due !== undefined && !cancelled.has(effect.timerId) && compareInstants(effect.due, harness.clock.now) <= 0,
        );
        for (const effect of owed) if (effect.type === 'timer.scheduled') expect(firedIds.has(effect.timerId), `timer ${effect.timerId} due ${effect.due}`).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
