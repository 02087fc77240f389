import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, parseTemplate, type CaseRecord, type CommandInput } from '@pathways/core';
import { nzBaselinePlugins } from '@pathways/templates';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const templateFile = join(root, 'packages', 'templates', 'baselines', 'nz-national-baseline.json');

type LogEntry = CommandInput | { fireTimer: string };

/** Applies commands in this process, recording the event log a store would keep. */
function runHere(): { start: Parameters<ReturnType<typeof createEngine>['startCase']>[0]; log: LogEntry[]; record: CaseRecord } {
  const parsed = parseTemplate(readFileSync(templateFile, 'utf8'), { plugins: nzBaselinePlugins });
  if (!parsed.ok) throw new Error('template invalid');
  const engine = createEngine(parsed.template);
  const start = {
    caseId: 'case-replay-0001',
    openedAt: '2026-05-04T08:30:00+12:00',
    persons: [{ id: 'person-child-1', roles: ['child' as const] }],
    episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: true },
  };
  let { record } = engine.startCase(start);
  const log: LogEntry[] = [];
  const send = (type: string, at: string, actorRole: string | undefined, payload: Record<string, unknown>) => {
    const command: CommandInput = { type, at, payload, actor: 'kaimahi-replay', idempotencyKey: `${type}@${at}`, expectedVersion: record.version, ...(actorRole ? { actorRole } : {}) };
    const result = engine.send(record, command);
    if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
    log.push(command);
    record = result.record;
  };
  send('referral.received', '2026-05-04T08:35:00+12:00', 'referrer', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: true, immediateSafetyConcern: true, consentStatus: 'not-yet-sought' });
  send('referral.recorded', '2026-05-04T09:00:00+12:00', 'administrator', { adultVictimSurvivors: 1, children: 1, linkedToExistingCase: false });
  send('risk.assessed', '2026-05-04T09:10:00+12:00', 'referrer', { personId: 'person-aroha', level: 'high' });
  send('safety-actions.recorded', '2026-05-04T09:30:00+12:00', 'referrer', { policeAttended: true, safetyOrderIssued: true, safetyOrderExpiresAt: '2026-05-14T09:30:00+12:00' });
  send('barrier.raised', '2026-05-04T09:40:00+12:00', 'coordinator', { barrier: 'no-housing-available', summary: 'barrier-code-housing' });
  // Let the screening work item become overdue, so timers fire during the replayed history too.
  const overdue = engine.dueTimers(record, '2026-05-06T12:00:00+12:00');
  for (const timer of overdue) {
    const result = engine.fireTimer(record, timer.timerId);
    if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
    log.push({ fireTimer: timer.timerId });
    record = result.record;
  }
  send('screening.completed', '2026-05-06T12:05:00+12:00', 'referrer', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true });
  return { start, log, record };
}

describe('replay', () => {
  it('a serialised event log replayed in a fresh process with a freshly compiled machine gives the same persisted snapshot', () => {
    const here = runHere();
    expect(here.log.some((entry) => 'fireTimer' in entry)).toBe(true);
    const input = JSON.stringify({ templateFile, start: here.start, commands: here.log });
    const child = spawnSync(process.execPath, [join(import.meta.dirname, 'replay-worker.mjs')], { input, encoding: 'utf8', cwd: import.meta.dirname, timeout: 20_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const replayed = JSON.parse(child.stdout) as CaseRecord;
    expect(replayed).toEqual(JSON.parse(JSON.stringify(here.record)));
    expect(replayed.version).toBe(here.log.length);
  });
});
