import { parseTemplate, type CaseInspector } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { checkDocument, Simulation, steppedBackEvent } from '../src/core/index.js';
import { library, opened } from './library.js';

// The simulator's inspection: an inspector attached part-way is sent the run so far, then each
// step; a step back drops that step's calls and shows the state stepped back to.

const referral = {
  caseId: 'case-sim-inspect-0001',
  openedAt: '2026-05-04T08:30:00+12:00',
  persons: [],
  episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
};
const referralReceived = { type: 'referral.received', actorRole: 'referrer', payload: { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' } };

function recorder(): { readonly seen: string[]; readonly inspector: CaseInspector } {
  const seen: string[] = [];
  return {
    seen,
    inspector: {
      actor: (caseId, _snapshot, info) => seen.push(`actor ${caseId} ${info.definition.startsWith('{"id":"case"')}`),
      event: (_caseId, event) => seen.push(`event ${event.type}`),
      snapshot: (_caseId, snapshot, info) => seen.push(`snapshot ${info.event.type} tier=${String(snapshot.context.tier ?? null)}`),
    },
  };
}

describe('inspecting a simulation', () => {
  it('sends an inspector attached later the run so far, then each step; a step back shows the state stepped back to', () => {
    const parsed = parseTemplate(checkDocument(opened('nz-national-baseline.json')).resolved, { plugins: library.plugins });
    if (!parsed.ok) throw new Error('baseline');
    const simulation = new Simulation(parsed.template, library.plugins, referral);
    simulation.send(referralReceived);
    simulation.send({ type: 'riskRefused', payload: {} });
    simulation.send({ type: 'risk.assessed', payload: { personId: 'person-aroha', level: 'high' } });

    const first = recorder();
    simulation.watch(first.inspector);
    // The refused command left no trace with the engine's inspector: nothing was applied.
    expect(first.seen).toEqual([
      'actor case-sim-inspect-0001 true',
      'event referral.received',
      'snapshot referral.received tier=null',
      'event risk.assessed',
      'snapshot risk.assessed tier=high',
    ]);

    simulation.stepBack();
    expect(first.seen.at(-1)).toBe(`snapshot ${steppedBackEvent} tier=null`);
    simulation.stepBack();
    expect(first.seen.at(-1)).toBe(`snapshot ${steppedBackEvent} tier=null`);

    // The clock advanced past the referral record's due time: the timers the engine fires are sent too.
    simulation.advance('2026-05-06T09:00:00+12:00');
    expect(first.seen.filter((line) => line.startsWith('event ')).length).toBeGreaterThan(2);

    // A second inspector sees only what is still in the trace: the stepped-back steps are gone.
    const second = recorder();
    const firstSaw = first.seen.length;
    const stop = simulation.watch(second.inspector);
    expect(second.seen.filter((line) => line.includes('risk.assessed'))).toEqual([]);
    expect(second.seen.slice(0, 3)).toEqual(['actor case-sim-inspect-0001 true', 'event referral.received', 'snapshot referral.received tier=null']);

    // One inspector at a time: the first was told nothing of the replay. Stopped: told nothing more.
    expect(first.seen).toHaveLength(firstSaw);
    expect(simulation.send({ type: 'risk.assessed', payload: { personId: 'person-aroha', level: 'high' } }).ok).toBe(true);
    expect(second.seen.at(-1)).toBe('snapshot risk.assessed tier=high');
    stop();
    const before = second.seen.length;
    expect(simulation.send({ type: 'risk.assessed', payload: { personId: 'person-aroha', level: 'high' } }).ok).toBe(true);
    expect(second.seen).toHaveLength(before);
  });

  it('goes on when the inspector fails', () => {
    const parsed = parseTemplate(checkDocument(opened('nz-national-baseline.json')).resolved, { plugins: library.plugins });
    if (!parsed.ok) throw new Error('baseline');
    const simulation = new Simulation(parsed.template, library.plugins, referral);
    simulation.watch({ event: () => { throw new Error('window closed'); }, snapshot: () => { throw new Error('window closed'); } });
    expect(simulation.send(referralReceived).ok).toBe(true);
    simulation.stepBack();
    expect(simulation.steps).toHaveLength(1);
  });
});
