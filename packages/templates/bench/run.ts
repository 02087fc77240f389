// `pnpm bench` for @pathways/templates: the engine on the NZ national baseline. Ratios are
// against raw XState doing the same work on the same compiled machine, measured in the same run.
// Goals are targets to report, never assertions.
import { checkVariant, compile, createEngine, resolve, type CaseRecord, type CommandInput } from '@pathways/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nzNationalBaseline } from '@pathways/templates';
import { createActor, type AnyMachineSnapshot, type Snapshot } from 'xstate';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const row = (name: string, ms: number, extra = '') => console.log(`  ${name.padEnd(56)} ${ms.toFixed(3).padStart(9)} ms${extra}`);

console.log(`\n@pathways/templates benchmarks (node ${process.version}; medians)\n`);
console.log(`Compiling the NZ national baseline (${nzNationalBaseline.nodes.length} nodes, ${nzNationalBaseline.transitions.length} transitions)`);
let version = 0;
const coldCompile = time(() => compile({ ...nzNationalBaseline, version: `1.0.${(version += 1)}` }), 30);
compile(nzNationalBaseline);
const cachedByContent = time(() => compile({ ...nzNationalBaseline }), 100);
const cachedByIdentity = time(() => compile(nzNationalBaseline), 100);
row('compile, cold', coldCompile);
row('compile, cached (equal content: hash lookup)', cachedByContent);
row('compile, cached (same template object)', cachedByIdentity);

console.log('\nVariants of the baseline');
const canterbury = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'variants', 'valid', 'canterbury-regional.json'), 'utf8')) as Record<string, unknown>;
const checkMs = time(() => checkVariant(nzNationalBaseline, canterbury), 50);
row('checkVariant: Canterbury against the baseline', checkMs, `  (target < 16 ms: ${checkMs < 16 ? 'met' : 'missed'})`);
let variantVersion = 0;
const resolveCompileMs = time(() => {
  const resolved = resolve(nzNationalBaseline, [{ ...canterbury, version: `1.0.${(variantVersion += 1)}` }]);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems.slice(0, 2)));
  compile(resolved.template);
}, 30);
row('resolve + compile (cold)', resolveCompileMs);

const engine = createEngine(nzNationalBaseline);
const machine = engine.pathway.machine;

function openHighRiskCase(): CaseRecord {
  let { record } = engine.startCase({
    caseId: 'case-bench',
    openedAt: '2026-05-04T08:30:00+12:00',
    episode: { episodeId: 'episode-1', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
  });
  const steps: [string, string | undefined, Record<string, unknown>][] = [
    ['referral.received', 'referrer', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }],
    ['referral.recorded', 'administrator', { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false }],
    ['safety-actions.recorded', 'referrer', { policeAttended: true, safetyOrderIssued: false }],
    ['risk.assessed', undefined, { personId: 'person-aroha', level: 'high' }],
    ['screening.completed', 'referrer', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }],
    ['triage.completed', 'coordinator', { tier: 'high', repeatEpisode: false }],
    ['lead-agency.assigned', 'coordinator', { leadAgency: 'womens-refuge' }],
  ];
  steps.forEach(([type, actorRole, payload], index) => {
    const result = engine.send(record, {
      type,
      payload,
      at: new Date(Date.parse('2026-05-04T09:00:00+12:00') + index * 60_000).toISOString(),
      actor: 'kaimahi-bench',
      idempotencyKey: `setup-${index}`,
      expectedVersion: record.version,
      ...(actorRole ? { actorRole } : {}),
    });
    if (result.kind !== 'applied') throw new Error(`bench setup failed at ${type}: ${JSON.stringify(result)}`);
    record = result.record;
  });
  return record;
}

/**
 * A mix of real work, repeated: an information request (opens a consider-sharing work item with
 * overdue timers), a barrier raised to the regional hub (escalation effects), a contact attempt.
 */
const mix: { type: string; actorRole?: string; payload: Record<string, unknown> }[] = [
  { type: 'information.requested', payload: { requestingAgency: 'oranga-tamariki', purpose: 'risk-or-needs-assessment', urgent: false } },
  { type: 'barrier.raised', actorRole: 'coordinator', payload: { barrier: 'service-capacity', summary: 'barrier-code-capacity' } },
  { type: 'contact.attempted', actorRole: 'specialist-victim-advocate', payload: { method: 'phone', outcome: 'no-answer' } },
];

function attempt(record: CaseRecord, index: number): CommandInput {
  const next = mix[index % mix.length]!;
  return {
    type: next.type,
    payload: next.payload,
    at: new Date(Date.parse(record.clock) + 60_000).toISOString(),
    actor: 'kaimahi-bench',
    ...(next.actorRole ? { actorRole: next.actorRole } : {}),
    idempotencyKey: `command-${index}`,
    expectedVersion: record.version,
  };
}

const commands = 300;
console.log(`\nCommands through the engine vs raw XState (restore snapshot, send, getPersistedSnapshot, stop), ${commands} commands`);
const engineRun = () => {
  let record = openHighRiskCase();
  const start = performance.now();
  for (let i = 0; i < commands; i += 1) {
    const result = engine.send(record, attempt(record, i));
    if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
    record = result.record;
  }
  return performance.now() - start;
};
const rawRun = () => {
  const record = openHighRiskCase();
  let snapshot: Snapshot<unknown> = record.snapshot;
  let clock = Date.parse(record.clock);
  const start = performance.now();
  for (let i = 0; i < commands; i += 1) {
    clock += 60_000;
    const next = mix[i % mix.length]!;
    const actor = createActor(machine, { snapshot });
    actor.start();
    actor.send({ type: next.type, payload: next.payload, at: new Date(clock).toISOString(), actor: 'kaimahi-bench', ...(next.actorRole ? { actorRole: next.actorRole } : {}), seq: record.version + i + 1 });
    // Same data as the engine keeps: the machine appends effects to context.pending, which the
    // engine moves to the outbox; without clearing it here the raw run would carry a growing list.
    const persisted = actor.getPersistedSnapshot() as Snapshot<unknown> & { context: Record<string, unknown> };
    snapshot = { ...persisted, context: { ...persisted.context, pending: [] } } as unknown as Snapshot<unknown>;
    if ((actor.getSnapshot() as AnyMachineSnapshot).status !== 'active') throw new Error('raw run failed');
    actor.stop();
  }
  return performance.now() - start;
};
const rounds = 7;
const engineTimes: number[] = [];
const rawTimes: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  // Interleaved, so both see the same machine state (JIT, GC, other load).
  rawTimes.push(rawRun());
  engineTimes.push(engineRun());
}
const engineMs = median(engineTimes);
const rawMs = median(rawTimes);
const engineRate = (commands / engineMs) * 1000;
const rawRate = (commands / rawMs) * 1000;
console.log(`  raw XState                                               ${rawRate.toFixed(0).padStart(9)} commands/s`);
console.log(`  Pathways engine (envelope, payload, role checks, effects) ${engineRate.toFixed(0).padStart(8)} commands/s`);
console.log(`  → ratio engine / raw XState: ${(engineRate / rawRate).toFixed(2)} (goal ≥ 0.5: ${engineRate / rawRate >= 0.5 ? 'met' : 'missed'})`);

console.log('\nRestoring a case with 500 events');
let long = openHighRiskCase();
const log: CommandInput[] = [];
while (long.version < 500) {
  const command = attempt(long, long.version);
  const result = engine.send(long, command);
  if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
  log.push(command);
  long = result.record;
}
const snapshotBytes = JSON.stringify(long.snapshot).length;
const restore = time(() => {
  const actor = createActor(machine, { snapshot: long.snapshot });
  actor.start();
  actor.stop();
}, 50);
row(`restore from the persisted snapshot (${(snapshotBytes / 1024).toFixed(0)} KiB)`, restore);
const oneCommand = time(() => {
  engine.send(long, attempt(long, 9999));
}, 50);
row('one command on that case (restore + send + persist)', oneCommand);
const replay = time(() => {
  let record = openHighRiskCase();
  for (const command of log) {
    const result = engine.send(record, { ...command, expectedVersion: record.version });
    if (result.kind !== 'applied') throw new Error('replay failed');
    record = result.record;
  }
}, 3, 1);
row('replay of the whole event log from the referral', replay);
console.log('');
