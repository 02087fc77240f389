import type { Effect, ScenarioReport, TraceEntry } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { formatTrace } from '../src/output/format-trace.js';

// Built by hand (core is only imported for its types), so every optional field can be left out.
function report(effects: readonly Effect[], message?: string): ScenarioReport {
  const entry: TraceEntry = { step: 0, kind: 'command', event: 'risk.assessed', at: '2026-05-04T09:00:00+12:00', version: 1, state: ['triage'], steps: ['response'], effects, ...(message ? { message } : {}) };
  return { title: 'Fictional case', passed: true, trace: [entry], failures: [], final: {} as ScenarioReport['final'] };
}

const bare: readonly Effect[] = [
  { type: 'workItem.created', effectId: 'c:1:1', workItemId: 'c:1:1', workItemType: 'first-contact', ownerRole: 'coordinator' },
  { type: 'workItem.updated', effectId: 'c:1:2', workItemId: 'c:1:1', status: 'done' },
  { type: 'tier.changed', effectId: 'c:1:3', from: null, to: 'high', direction: 'raised' },
  { type: 'escalation.raised', effectId: 'c:1:4', rule: 'tier-raised-high', trigger: 'tierRaised' },
  { type: 'episode.recorded', effectId: 'c:1:5', episodeId: 'e-2', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false, reportedAt: '2026-05-04T21:00:00.000Z' },
];

describe('formatTrace', () => {
  it('leaves out optional fields that are absent instead of printing undefined', () => {
    const text = formatTrace(report(bare), 'Pacific/Auckland');
    expect(text).not.toContain('undefined');
    expect(text).toContain('+ workItem.created   work item c:1:1 (first-contact) for coordinator\n');
    expect(text).toContain('+ workItem.updated   work item c:1:1 → done\n');
    expect(text).toContain('+ tier.changed       tier none → high (raised)\n');
    expect(text).toContain('+ escalation.raised  rule tier-raised-high (tierRaised)\n');
    expect(text).toContain('+ episode.recorded   episode e-2 from nz-police\n');
  });

  it('prints optional fields that are present', () => {
    const text = formatTrace(
      report([
        { type: 'workItem.created', effectId: 'c:1:1', workItemId: 'c:1:1', workItemType: 'meeting-listing', ownerRole: 'coordinator', meeting: 'daily-triage', due: '2026-05-05T21:00:00.000Z' },
        { type: 'workItem.updated', effectId: 'c:1:2', workItemId: 'c:1:1', status: 'incomplete', reason: 'reason-code-circumstances-changed' },
        { type: 'tier.changed', effectId: 'c:1:3', from: 'high', to: 'escalating', direction: 'lowered', reason: 'reason-code-reviewed' },
        { type: 'escalation.raised', effectId: 'c:1:4', rule: 'overdue', trigger: 'workItemOverdue', workItemId: 'c:1:1', regionalHubRespondBy: '2026-05-06T21:00:00.000Z' },
      ]),
      'Pacific/Auckland',
    );
    expect(text).toContain('for coordinator at daily-triage, due 2026-05-06 09:00 +12:00');
    expect(text).toContain('work item c:1:1 → incomplete (reason-code-circumstances-changed)');
    expect(text).toContain('tier high → escalating (lowered: reason-code-reviewed)');
    expect(text).toContain('rule overdue (workItemOverdue) for c:1:1, regional hub to respond by 2026-05-07 09:00 +12:00');
  });

  it('names an effect type it does not know rather than printing nothing', () => {
    const unknown = { type: 'case.archived', effectId: 'c:1:9' } as unknown as Effect;
    expect(formatTrace(report([unknown]), 'Pacific/Auckland')).toContain('+ case.archived      (case.archived: see --json for its fields)\n');
  });
});
