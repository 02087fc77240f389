// The scheme's server side under the in-memory dispatcher of @pathways/core/server: requests taken
// from a real case, a fictional provider that fails and recovers, backoff without waiting, an
// incident retried once the provider is back, and each booking made once however often it is sent.
import { loadPlugins, parseTemplate, type Effect } from '@pathways/core';
import { createEffectDispatcher } from '@pathways/core/server';
import { createHarness } from '@pathways/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from '../src/index.js';
import { createSanctuaryHandlers, type SanctuaryProvider } from '../src/server.js';
import templateJson from './fixtures/template.json' with { type: 'json' };

const loaded = loadPlugins([plugin]);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
const plugins = loaded.registry.plugins;
const parsed = parseTemplate(templateJson, { plugins });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
const template = parsed.template;

/** The requests of a case through the assessment (book-visit) and on to the works (order-works). */
function caseRequests(): { visit: Effect[]; works: Effect[] } {
  const harness = createHarness(template, { plugins, caseId: 'case-sanctuary-0101', openedAt: '2026-08-03T09:00:00+12:00' });
  harness.open();
  const visit = harness.send('referral.received', {}, { role: 'referrer' }).effects;
  const works = harness.send('sanctuary-safety.assessed', { outcome: 'eligible', consentToWorks: true, urgentWorks: true }, { role: 'lead-agency-practitioner' }).effects;
  return { visit: [...visit], works: [...works] };
}

/** A fictional provider's booking system, in memory: it fails the first `failures` calls, and books each reference once. */
function fakeProvider(failures = 0) {
  const calls: string[] = [];
  const bookings = new Map<string, string>();
  let left = failures;
  const attempt = async (kind: string, reference: string, details: { provider: string; urgent: boolean }) => {
    calls.push(`${kind} ${reference}`);
    if (left > 0) {
      left -= 1;
      throw new Error('Fictional Locks Ltd: booking system unavailable');
    }
    if (!bookings.has(reference)) bookings.set(reference, `${kind} with ${details.provider}${details.urgent ? ' (urgent)' : ''}`);
  };
  const provider: SanctuaryProvider = {
    bookVisit: (reference, visit) => attempt('visit', reference, visit),
    orderWorks: (reference, works) => attempt('works', reference, works),
  };
  return { provider, calls, bookings, recover: () => void (left = 0) };
}

function dispatcherFor(provider: SanctuaryProvider, retry: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number } = {}) {
  const waits: number[] = [];
  const dispatcher = createEffectDispatcher({ handlers: [createSanctuaryHandlers(provider)], retry, sleep: async (ms) => void waits.push(ms) });
  return { dispatcher, waits };
}

describe('the server-side handlers', () => {
  it('book the visit the assessment asks for, and order the works the eligible assessment asks for', async () => {
    const { visit, works } = caseRequests();
    const fake = fakeProvider();
    const { dispatcher, waits } = dispatcherFor(fake.provider);
    expect(await dispatcher.dispatch('case-sanctuary-0101', visit)).toMatchObject([{ status: 'handled', attempts: 1 }]);
    expect(await dispatcher.dispatch('case-sanctuary-0101', works)).toMatchObject([{ status: 'handled', attempts: 1 }]);
    expect([...fake.bookings.values()]).toEqual(['visit with Fictional Locks Ltd', 'works with Fictional Locks Ltd (urgent)']);
    expect(waits).toEqual([]);
  });

  it('retry a failing provider with exponential backoff (base × 2^(attempt − 1)), under one reference', async () => {
    const { visit } = caseRequests();
    const fake = fakeProvider(2);
    const { dispatcher, waits } = dispatcherFor(fake.provider, { attempts: 5, baseDelayMs: 200 });
    const [outcome] = await dispatcher.dispatch('case-sanctuary-0101', visit);
    expect(outcome).toMatchObject({ status: 'handled', attempts: 3 });
    expect(waits).toEqual([200, 400]);
    expect(new Set(fake.calls)).toEqual(new Set([`visit ${outcome!.effectId}`]));
    expect(fake.bookings.size).toBe(1);
  });

  it('cap the backoff at maxDelayMs', async () => {
    const { visit } = caseRequests();
    const { dispatcher, waits } = dispatcherFor(fakeProvider(4).provider, { attempts: 5, baseDelayMs: 200, maxDelayMs: 500 });
    expect(await dispatcher.dispatch('case-sanctuary-0101', visit)).toMatchObject([{ status: 'handled', attempts: 5 }]);
    expect(waits).toEqual([200, 400, 500, 500]);
  });

  it('after the last attempt the request is an incident; retried once the provider is back, it books once', async () => {
    const { works } = caseRequests();
    const fake = fakeProvider(Number.POSITIVE_INFINITY);
    const { dispatcher, waits } = dispatcherFor(fake.provider, { attempts: 3, baseDelayMs: 100 });
    const [failed] = await dispatcher.dispatch('case-sanctuary-0101', works);
    expect(failed).toMatchObject({ status: 'incident', incident: { code: 'PWY_PLUGIN_HANDLER_FAILED', plugin: 'sanctuary-safety@1.0.0', attempts: 3, error: 'Fictional Locks Ltd: booking system unavailable' } });
    expect(waits).toEqual([100, 200]);
    expect(fake.bookings.size).toBe(0);
    const incidentId = failed!.status === 'incident' ? failed!.incident.incidentId : '';
    expect(dispatcher.incidents.map((incident) => incident.incidentId)).toEqual([incidentId]);

    fake.recover();
    expect(await dispatcher.retry(incidentId)).toMatchObject({ status: 'handled', attempts: 1 });
    expect(dispatcher.incidents).toEqual([]);
    // Delivery is at least once: the same request again is the same booking.
    await dispatcher.dispatch('case-sanctuary-0101', works);
    expect([...fake.bookings.values()]).toEqual(['works with Fictional Locks Ltd (urgent)']);
  });

  it("leave other plugins' requests unhandled, and say so", async () => {
    const { dispatcher } = dispatcherFor(fakeProvider().provider);
    const other: Effect = { type: 'plugin.request', effectId: 'case-sanctuary-0101:9:1', plugin: 'home-visits@2.1.0', request: 'home-visits.book', payload: {} };
    expect(await dispatcher.dispatch('case-sanctuary-0101', [other])).toEqual([{ effectId: 'case-sanctuary-0101:9:1', status: 'unhandled', reason: 'No handler for "home-visits.book" of home-visits@2.1.0 is installed.' }]);
  });
});
