// `pnpm bench` for @pathways/templates: the engine on the NZ national baseline. Ratios compare
// with an independent raw baseline measured in the same run: a hand-written XState machine of the
// same shape (bench/raw-case-machine.ts) run the classic way, restore -> send -> persist with an
// actor per event. Goals are reported, never asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkVariant, compile, createEngine, parseTemplate, resolve, type CaseRecord, type CommandInput, type Effect } from '@pathways/core';
import { nzBaselinePlugins, nzNationalBaseline, nzNationalBaselineJson } from '@pathways/templates';
import { createActor, type Snapshot } from 'xstate';
import { benchPlugins } from './plugin-bench.js';
import { benchRiskAssessments } from './risk-bench.js';
import { rawCaseMachine, rawNodeCount, rawTransitionCount, withoutPending, type RawEvent } from './raw-case-machine.js';

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

const row = (name: string, value: string, extra = '') => console.log(`  ${name.padEnd(62)} ${value.padStart(12)}${extra}`);
const ms = (value: number) => `${value.toFixed(3)} ms`;
const goal = (met: boolean) => (met ? 'met' : 'missed');

console.log(`\n@pathways/templates benchmarks (node ${process.version}; medians)\n`);

// --- Compiling -------------------------------------------------------------------------------
console.log(`Compiling the NZ national baseline (${nzNationalBaseline.nodes.length} nodes, ${nzNationalBaseline.transitions.length} transitions)`);
// Cold: each run compiles content it has not seen (another version, parsed beforehand: compile never parses).
const versions = Array.from({ length: 40 }, (_, i) => {
  const parsed = parseTemplate({ ...nzNationalBaselineJson, version: `1.0.${i + 1}` }, { plugins: nzBaselinePlugins });
  if (!parsed.ok) throw new Error('baseline copy invalid');
  return parsed.template;
});
let cold = 0;
const coldCompile = time(() => compile(versions[(cold += 1) % versions.length]!), 30, 0);
// Equal content in objects compile has not seen: each is hashed (SHA-256 of canonical JSON) and found.
const equalContent = Array.from({ length: 110 }, () => {
  const parsed = parseTemplate(nzNationalBaselineJson, { plugins: nzBaselinePlugins });
  if (!parsed.ok) throw new Error('baseline invalid');
  return parsed.template;
});
compile(nzNationalBaseline);
let equalIndex = 0;
row('compile, cold (build the machine)', ms(coldCompile));
row('compile, cached (equal content: SHA-256 of canonical JSON)', ms(time(() => compile(equalContent[(equalIndex += 1) % equalContent.length]!), 100)));
row('compile, cached (same template object)', ms(time(() => compile(nzNationalBaseline), 100)));

console.log('\nVariants of the baseline');
const canterbury = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'variants', 'valid', 'canterbury-regional.json'), 'utf8')) as Record<string, unknown>;
const checkMs = time(() => checkVariant(nzNationalBaseline, canterbury), 50);
row('checkVariant: Canterbury against the baseline', ms(checkMs), `  (goal < 16 ms: ${goal(checkMs < 16)})`);
let variantVersion = 0;
row('resolve + compile (cold)', ms(time(() => {
  const resolved = resolve(nzNationalBaseline, [{ ...canterbury, version: `1.0.${(variantVersion += 1)}` }]);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems.slice(0, 2)));
  compile(resolved.template);
}, 30)));

// --- The engine against raw XState -------------------------------------------------------------
const engine = createEngine(nzNationalBaseline);
const opening = '2026-05-04T08:30:00+12:00';
const setup: [string, string | undefined, Record<string, unknown>][] = [
  ['referral.received', 'referrer', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }],
  ['referral.recorded', 'administrator', { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false }],
  ['safety-actions.recorded', 'referrer', { policeAttended: true, safetyOrderIssued: false }],
  ['risk.assessed', undefined, { personId: 'person-aroha', level: 'high' }],
  ['screening.completed', 'referrer', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }],
  ['triage.completed', 'coordinator', { tier: 'high', repeatEpisode: false }],
  ['lead-agency.assigned', 'coordinator', { leadAgency: 'womens-refuge' }],
];

/** A fictional high-risk case waiting for first contact (the advocate's work), as the engine runs it. */
function openHighRiskCase(caseId = 'case-bench'): CaseRecord {
  let { record } = engine.startCase({
    caseId,
    openedAt: opening,
    episode: { episodeId: 'episode-1', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
  });
  setup.forEach(([type, actorRole, payload], index) => {
    const result = engine.send(record, { type, payload, at: new Date(Date.parse('2026-05-04T09:00:00+12:00') + index * 60_000).toISOString(), actor: 'kaimahi-bench', idempotencyKey: `setup-${index}`, expectedVersion: record.version, ...(actorRole ? { actorRole } : {}) });
    if (result.kind !== 'applied') throw new Error(`bench setup failed at ${type}: ${JSON.stringify(result)}`);
    record = result.record;
  });
  return record;
}

/**
 * Real work, repeated: an information request (opens a consider-sharing work item with its overdue
 * timers), that work item done, a barrier raised to the regional hub, a contact attempt (a
 * self-loop). Work is opened and closed, as in practice, so the case's outstanding work stays small.
 */
function nextCommand(record: CaseRecord, index: number, lastEffects: readonly Effect[]): CommandInput {
  const at = new Date(Date.parse(record.clock) + 60_000).toISOString();
  const base = { at, actor: 'kaimahi-bench', idempotencyKey: `command-${index}`, expectedVersion: record.version };
  switch (index % 4) {
    case 0:
      return { ...base, type: 'information.requested', payload: { requestingAgency: 'oranga-tamariki', purpose: 'risk-or-needs-assessment', urgent: false } };
    case 1: {
      const opened = lastEffects.find((effect) => effect.type === 'workItem.created');
      return { ...base, type: 'workItem.progressed', payload: { workItemId: opened?.type === 'workItem.created' ? opened.workItemId : 'none', status: 'done' } };
    }
    case 2:
      return { ...base, type: 'barrier.raised', actorRole: 'coordinator', payload: { barrier: 'service-capacity', summary: 'barrier-code-capacity' } };
    default:
      return { ...base, type: 'contact.attempted', actorRole: 'specialist-victim-advocate', payload: { method: 'phone', outcome: 'no-answer' } };
  }
}

function runEngine(record: CaseRecord, commands: number): { record: CaseRecord; log: CommandInput[] } {
  let current = record;
  let effects: readonly Effect[] = [];
  const log: CommandInput[] = [];
  for (let i = 0; i < commands; i += 1) {
    const command = nextCommand(current, i, effects);
    const result = engine.send(current, command);
    if (result.kind !== 'applied') throw new Error(JSON.stringify(result));
    current = result.record;
    effects = result.effects;
    log.push(command);
  }
  return { record: current, log };
}

/** The same case on the hand-written machine: the same setup, then the same mix. */
function rawEvents(commands: number): RawEvent[] {
  const events: RawEvent[] = [];
  let clock = Date.parse('2026-05-04T09:00:00+12:00');
  const push = (type: string, payload?: Record<string, unknown>, role?: string) => {
    clock += 60_000;
    events.push({ type, at: new Date(clock).toISOString(), seq: events.length + 1, ...(payload ? { payload } : {}), ...(role ? { role } : {}) });
  };
  for (const type of ['referral.received', 'referral.recorded', 'safety-actions.recorded', 'screening.completed', 'triage.completed']) push(type);
  push('lead-agency.assigned', { value: 'high' });
  const setupCount = events.length;
  for (let i = 0; i < commands; i += 1) {
    if (i % 4 === 0) push('information.requested');
    else if (i % 4 === 1) push('workItem.progressed', { workItemId: `case-raw:${setupCount + i}:1` });
    else if (i % 4 === 2) push('barrier.raised', undefined, 'coordinator');
    else push('contact.attempted', undefined, 'specialist-victim-advocate');
  }
  return events;
}

function rawRun(events: readonly RawEvent[], from: number): number {
  let snapshot: Snapshot<unknown> | undefined;
  const step = (event: RawEvent) => {
    const actor = snapshot ? createActor(rawCaseMachine, { snapshot, input: { caseId: 'case-raw' } }) : createActor(rawCaseMachine, { input: { caseId: 'case-raw' } });
    actor.start();
    actor.send(event);
    snapshot = withoutPending(actor.getPersistedSnapshot());
    if (actor.getSnapshot().status !== 'active') throw new Error('raw run failed');
    actor.stop();
  };
  events.slice(0, from).forEach(step);
  const start = performance.now();
  events.slice(from).forEach(step);
  return performance.now() - start;
}

/**
 * For reference, the previous engine's path: the same compiled machine, restored into an actor,
 * sent the event and stopped, per command (no boundary checks, no explanations). The difference
 * to the engine is the engine's own layer; it is not the independent baseline.
 */
function compiledWithActors(record: CaseRecord, commands: number): number {
  const machine = engine.pathway.machine;
  let snapshot = machine.resolveState({ value: record.snapshot.value, context: record.snapshot.context });
  let effects: readonly Effect[] = [];
  let current = record;
  const start = performance.now();
  for (let i = 0; i < commands; i += 1) {
    const command = nextCommand(current, i, effects);
    const actor = createActor(machine, { snapshot, input: undefined as never });
    const emitted: Effect[] = [];
    actor.on('*', (effect) => emitted.push(effect as Effect));
    actor.start();
    actor.send({ type: command.type, payload: command.payload ?? {}, at: command.at, actor: command.actor, ...(command.actorRole ? { actorRole: command.actorRole } : {}), seq: current.version + 1 });
    snapshot = actor.getSnapshot();
    actor.stop();
    // The same work as the engine did: the request opened its work item, which the next command closes.
    if (snapshot.status !== 'active' || (i % 4 === 0 && !emitted.some((effect) => effect.type === 'workItem.created'))) throw new Error('the actor run went wrong');
    effects = emitted;
    current = { ...current, version: current.version + 1, clock: command.at };
  }
  return performance.now() - start;
}

const commands = 400;
console.log(`\nCommands: the engine vs a hand-written XState machine (${rawNodeCount} activities, ${rawTransitionCount} flow transitions, parallel regions;`);
console.log(`restore -> send -> persist with an actor per event), ${commands} commands of the same mix on a high-risk case`);
const events = rawEvents(commands);
const engineTimes: number[] = [];
const rawTimes: number[] = [];
const actorTimes: number[] = [];
for (let round = 0; round < 9; round += 1) {
  // Interleaved, so all three see the same machine state (JIT, GC, other load).
  rawTimes.push(rawRun(events, events.length - commands));
  const opened = openHighRiskCase();
  const start = performance.now();
  runEngine(opened, commands);
  engineTimes.push(performance.now() - start);
  actorTimes.push(compiledWithActors(openHighRiskCase(), commands));
}
const engineRate = (commands / median(engineTimes)) * 1000;
const rawRate = (commands / median(rawTimes)) * 1000;
const actorRate = (commands / median(actorTimes)) * 1000;
row('hand-written XState machine (the independent baseline)', `${rawRate.toFixed(0)} cmd/s`);
row('Pathways engine (boundary, pure step, guards, effects, zone-aware deadlines)', `${engineRate.toFixed(0)} cmd/s`);
console.log(`  → engine / hand-written XState: ${(engineRate / rawRate).toFixed(2)}x (goal ≥ 0.5x: ${goal(engineRate / rawRate >= 0.5)})`);
row('for reference: the compiled machine with an actor per command', `${actorRate.toFixed(0)} cmd/s`);
console.log(`  → engine / the same machine through actors: ${(engineRate / actorRate).toFixed(2)}x (the engine's own layer; the previous bench's figure)`);

// --- History sweep: the cost of one command as the case's history grows --------------------------
console.log('\nHistory sweep: one more command on a case with N events of history (the case state is bounded; history is a projection beside it)');
const sweep: { events: number; ms: number; bytes: number }[] = [];
for (const size of [10, 1000, 3000]) {
  const { record } = runEngine(openHighRiskCase(), size - setup.length);
  const probe = nextCommand(record, 2, []);
  const cost = time(() => engine.send(record, probe), 400, 50);
  sweep.push({ events: record.version, ms: cost, bytes: JSON.stringify(record).length });
}
for (const point of sweep) row(`${point.events} events (case record ${(point.bytes / 1024).toFixed(1)} KiB)`, ms(point.ms));
const factor = sweep[2]!.ms / sweep[0]!.ms;
console.log(`  → cost at ${sweep[2]!.events} events / at ${sweep[0]!.events}: ${factor.toFixed(2)}x (goal ≤ 2x: ${goal(factor <= 2)})`);

console.log('\nReplaying a case from its event log (linear: the cost per event stays flat)');
const longest = runEngine(openHighRiskCase(), 3000);
const replayPer: number[] = [];
for (const size of [500, 1500, 3000]) {
  const log = longest.log.slice(0, size);
  const total = time(() => {
    let record = openHighRiskCase();
    for (const command of log) {
      const result = engine.send(record, { ...command, expectedVersion: record.version });
      if (result.kind !== 'applied') throw new Error('replay failed');
      record = result.record;
    }
  }, 3, 1);
  replayPer.push(total / size);
  row(`replay of ${size} events`, ms(total), `  (${((total / size) * 1000).toFixed(1)} µs per event)`);
}
console.log(`  → per-event cost at 3000 / at 500: ${(replayPer[2]! / replayPer[0]!).toFixed(2)}x (linear replay: ≈ 1x)`);

console.log('\nRestoring a stored case (a record read back from JSON: resolveState of its state value)');
const stored = JSON.stringify(runEngine(openHighRiskCase(), 500).record);
const fromStore = () => JSON.parse(stored) as CaseRecord;
row(`one command on a 500-event case read from storage (${(stored.length / 1024).toFixed(1)} KiB)`, ms(time(() => {
  const record = fromStore();
  engine.send(record, nextCommand(record, 2, []));
}, 200, 20)));

benchPlugins(time, row);
benchRiskAssessments(row);

// --- Memory ----------------------------------------------------------------------------------
const gc = (globalThis as { gc?: () => void }).gc;
console.log('\nHeap for 1,000 cases in memory, each after 40 commands');
if (!gc) {
  console.log('  (run with node --expose-gc for this figure: pnpm bench passes it)');
} else {
  gc();
  const before = process.memoryUsage().heapUsed;
  const cases = Array.from({ length: 1000 }, (_, i) => runEngine(openHighRiskCase(`case-${i}`), 40).record);
  gc();
  const after = process.memoryUsage().heapUsed;
  row(`${cases.length} case records`, `${((after - before) / 1024 / 1024).toFixed(1)} MiB`, `  (${((after - before) / cases.length / 1024).toFixed(1)} KiB per case)`);
}
console.log('');
