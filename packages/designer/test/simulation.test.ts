import { parseScenario, parseTemplate, runScenario, type PathwayTemplate } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { checkDocument, Simulation } from '../src/core/index.js';
import { library, opened } from './library.js';

// A fictional case simulated on the real compiled Canterbury pathway (its regional variant resolved
// over the baseline, with the built-in plugins): to high risk, the advocate's first contact due in
// Canterbury's 12 hours, the clock past it, the overdue escalation; the run saved as a scenario
// that the CLI's scenario runner passes.

const referral = {
  caseId: 'case-sim-0001',
  openedAt: '2026-05-04T08:30:00+12:00',
  persons: [],
  episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
};

/** Canterbury resolved over the baseline, as the designer resolves it, parsed with its plugins. */
function canterbury(): PathwayTemplate {
  const parsed = parseTemplate(checkDocument(opened('canterbury-regional.json')).resolved, { plugins: library.plugins });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.template;
}

describe('simulating a case on the designer', () => {
  it('runs to high risk, shows the advocate first contact due in 12 hours (Pacific/Auckland), and escalates when overdue', () => {
    const pathway = canterbury();
    const simulation = new Simulation(pathway, library.plugins, referral);
    expect(simulation.view().allowedCommands.map((c) => c.type)).toContain('referral.received');
    simulation.send({ type: 'referral.received', actorRole: 'referrer', at: '2026-05-04T08:35:00+12:00', payload: { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' } });
    simulation.send({ type: 'referral.recorded', actorRole: 'administrator', at: '2026-05-04T09:00:00+12:00', payload: { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false } });
    simulation.send({ type: 'safety-actions.recorded', actorRole: 'referrer', at: '2026-05-04T09:30:00+12:00', payload: { policeAttended: true, safetyOrderIssued: false } });
    const assessed = simulation.send({ type: 'risk.assessed', actorRole: 'referrer', at: '2026-05-04T10:00:00+12:00', payload: { personId: 'person-aroha', level: 'high' } });
    expect(assessed.ok).toBe(true);
    const view = simulation.view();
    expect(view.tier).toBe('high');
    const firstContact = view.workItems.find((item) => item.workItemType === 'first-contact' && item.status === 'open')!;
    expect(firstContact).toMatchObject({ ownerRole: 'specialist-victim-advocate', due: '2026-05-04T10:00:00.000Z' });
    expect(new Intl.DateTimeFormat('en-NZ', { timeZone: 'Pacific/Auckland', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(firstContact.due!))).toBe('22:00');

    // A refused command is kept in the trace and changes nothing.
    expect(simulation.send({ type: 'plan.approved', actorRole: 'coordinator', payload: { planType: 'family-safety-plan' } })).toMatchObject({ ok: false, code: 'PWY_COMMAND_NOT_ALLOWED' });

    const before = simulation.record;
    const overdue = simulation.advance('2026-05-04T22:01:00+12:00');
    expect(simulation.record.version).toBeGreaterThan(before.version);
    expect(overdue.filter((e) => e.type === 'escalation.raised').map((e) => (e as { rule: string }).rule)).toContain('work-item-overdue');

    // Step back: the clock advance is undone.
    simulation.stepBack();
    expect(simulation.record).toBe(before);
    expect(simulation.view().workItems.find((item) => item.id === firstContact.id)?.status).toBe('open');
    simulation.advance('2026-05-04T22:01:00+12:00');

    // Saved as a scenario: the CLI's scenario runner replays it and every expectation holds.
    const scenario = parseScenario(simulation.toScenario('Canterbury: high risk, first contact overdue (fictional)'));
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.problems));
    const report = runScenario(pathway, scenario.scenario, { plugins: library.plugins });
    expect(report.failures).toEqual([]);
    expect(scenario.scenario.steps.at(-1)).toMatchObject({ advance: { to: '2026-05-04T22:01:00+12:00' }, expect: { effects: expect.arrayContaining([{ type: 'escalation.raised', rule: 'work-item-overdue' }]) } });
    expect(scenario.scenario.steps.find((s) => 'command' in s && s.command.type === 'plan.approved')?.expect?.refused).toBe('PWY_COMMAND_NOT_ALLOWED');
  });
});
