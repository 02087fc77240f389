import { createEngine, type CaseRecord, type CommandInput } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { tinyTemplate } from './fixtures.js';

const engine = createEngine(tinyTemplate());
const opened = () => engine.startCase({ caseId: 'case-7', openedAt: '2026-03-02T09:00:00+13:00' }).record;

function command(record: CaseRecord, type: string, at: string, payload: Record<string, unknown> = {}): CommandInput {
  return { type, at, payload, actor: 'kaimahi-test', idempotencyKey: `${type}@${at}`, expectedVersion: record.version };
}

function apply(record: CaseRecord, input: CommandInput): CaseRecord {
  const result = engine.send(record, input);
  if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
  return result.record;
}

describe('the in-memory engine', () => {
  it('opens a case at the start node in the recognition step, with the commands allowed there', () => {
    const view = engine.view(opened());
    expect(view.active).toEqual([{ node: 'intake', nodeType: 'start', step: 'recognition' }]);
    expect(view.allowedCommands.map((c) => c.type)).toEqual(['referral.received', 'person.added', 'episode.reported', 'worker.assigned']);
    expect(view.allowedCommands[0]!.payloadSchema).toMatchObject({ type: 'object', required: ['sourceAgency'] });
  });

  it('returns effects as data and never mutates the record it was given', () => {
    const record = opened();
    const copy = structuredClone(record);
    const result = engine.send(record, command(record, 'referral.received', '2026-03-02T09:05:00+13:00', { sourceAgency: 'nz-police' }));
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.effects).toEqual([
      { type: 'workItem.created', effectId: 'case-7:1:1', node: 'triage', workItemId: 'case-7:1:1', workItemType: 'triage', ownerRole: 'coordinator', due: '2026-03-02T20:05:00.000Z' },
    ]);
    expect(record).toEqual(copy);
    expect(result.record.version).toBe(1);
    expect(JSON.stringify(result.record.snapshot)).not.toContain('"pending":[{');
  });

  it('refuses, changing nothing: a command not allowed now, a stale version, a bad payload, time going backwards', () => {
    const record = opened();
    const refusals = [
      engine.send(record, command(record, 'contact.made', '2026-03-02T09:05:00+13:00')),
      engine.send(record, { ...command(record, 'referral.received', '2026-03-02T09:05:00+13:00', { sourceAgency: 'x' }), expectedVersion: 3 }),
      engine.send(record, command(record, 'referral.received', '2026-03-02T09:05:00+13:00', { sourceAgency: 42 })),
      engine.send(record, command(record, 'referral.received', '2026-03-01T09:05:00+13:00', { sourceAgency: 'x' })),
      engine.send(record, { type: 'referral.received', at: 'yesterday', actor: '', idempotencyKey: 'k' }),
    ];
    expect(refusals.map((r) => (r.kind === 'refused' ? r.refusal.code : r.kind))).toEqual([
      'PWY_COMMAND_NOT_ALLOWED',
      'PWY_COMMAND_STALE',
      'PWY_COMMAND_PAYLOAD_INVALID',
      'PWY_COMMAND_TIME_REVERSED',
      'PWY_COMMAND_ENVELOPE_INVALID',
    ]);
    const payload = refusals[2]!;
    if (payload.kind === 'refused') expect(payload.refusal.problems[0]).toMatchObject({ path: ['payload', 'sourceAgency'] });
  });

  it('fires a timer only once its due time is reached, then moves on', () => {
    let record = opened();
    record = apply(record, command(record, 'referral.received', '2026-03-02T09:05:00+13:00', { sourceAgency: 'nz-police' }));
    record = apply(record, command(record, 'triage.completed', '2026-03-02T10:00:00+13:00', { risk: 'low' }));
    expect(engine.view(record).active[0]!.node).toBe('await-review');
    const [timer] = Object.values(engine.view(record).timers);
    expect(engine.dueTimers(record, '2026-04-06T09:59:59+12:00')).toEqual([]);
    expect(engine.dueTimers(record, timer!.due!)).toHaveLength(1);
    const fired = engine.fireTimer(record, timer!.id);
    expect(fired.kind).toBe('applied');
    if (fired.kind === 'applied') {
      expect(engine.view(fired.record).active[0]!.node).toBe('review');
      expect(fired.record.clock).toBe(timer!.due);
    }
  });

  it('derives the same ids and snapshots when the same commands are applied again', () => {
    const run = () => {
      let record = opened();
      record = apply(record, command(record, 'referral.received', '2026-03-02T09:05:00+13:00', { sourceAgency: 'nz-police' }));
      record = apply(record, command(record, 'triage.completed', '2026-03-02T10:00:00+13:00', { risk: 'high' }));
      return record;
    };
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it('leaves a case closed at an end node with nothing more allowed', () => {
    let record = opened();
    record = apply(record, command(record, 'referral.received', '2026-03-02T09:05:00+13:00', { sourceAgency: 'nz-police' }));
    record = apply(record, command(record, 'triage.completed', '2026-03-02T10:00:00+13:00', { risk: 'low' }));
    const timer = Object.values(engine.view(record).timers)[0]!;
    const fired = engine.fireTimer(record, timer.id);
    if (fired.kind !== 'applied') throw new Error('timer did not fire');
    record = fired.record;
    const notYet = engine.send(record, command(record, 'review.completed', '2026-04-08T10:00:00+12:00', { outcome: 'unchanged', victimViewRecorded: false }));
    expect(notYet.kind).toBe('refused');
    record = apply(record, command(record, 'review.completed', '2026-04-08T10:00:00+12:00', { outcome: 'unchanged', victimViewRecorded: true }));
    const view = engine.view(record);
    expect(view.status).toBe('closed');
    expect(view.allowedCommands).toEqual([]);
    expect(Object.keys(view.milestones)).toEqual(['triaged', 'closed']);
  });
});

describe('opening a case', () => {
  it('refuses a malformed referral with coded problems naming each field', () => {
    let caught: unknown;
    try {
      engine.startCase({ caseId: '', openedAt: 'last Tuesday', persons: [{ id: 'person-1', roles: ['neighbour' as never] }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'PWY_REFERRAL_INVALID' });
    const paths = (caught as { problems: { path: (string | number)[] }[] }).problems.map((p) => p.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['caseId', 'openedAt', 'persons.0.roles.0']));
  });
});
