import {
  addTimeSpan,
  CaseHistory,
  compareInstants,
  createEngine,
  toUtcIso,
  type CaseRecord,
  type CommandInput,
  type CommandResult,
  type DueTimer,
  type Effect,
  type Incident,
  type PathwayTemplate,
  type ReferralInput,
  type Refusal,
} from '@pathways/core';
import { PathwaysAssertionError } from './assertion-error.js';
import { checkAt, checkEffects, checkFacts, checkMilestones, checkNoEffect, checkPlan, checkPluginState, checkStep, checkTier, checkWorkItems, type Fail } from './case-assertions.js';
import type { AppliedResult, CaseHarness, ClockAdvance, FiredTimer, HarnessOptions, HarnessStep, SendOptions } from './case-harness.js';
import { listEffects, showOutcome } from './describe.js';
import { transcriptOf } from './transcript.js';

const defaults = { caseId: 'case-test-0001', openedAt: '2026-03-02T09:00:00+13:00', actor: 'test-practitioner' } as const;

/** More firings than this in one advance means timers that keep rescheduling themselves at once. */
const maxFiringsPerAdvance = 10_000;

function describeAdvance(by: ClockAdvance): string {
  if (typeof by === 'string') return by;
  return 'to' in by ? `{ to: ${by.to} }` : `{ workingDays: ${by.workingDays} }`;
}

/**
 * Creates a harness for one case of a template on the real engine (`createEngine`), its history
 * kept beside it in a `CaseHistory`. Nothing is random and nothing reads the wall clock: the case
 * id, the opening time and every idempotency key are fixed, so a test repeats exactly.
 *
 * @param template - A parsed template (`parseTemplate`, with the same plugins when it uses theirs).
 * @example
 * ```ts
 * const harness = createHarness(nzNationalBaseline, { openedAt: '2026-05-04T08:30:00+12:00' });
 * harness.open();
 * harness.send('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, { role: 'referrer' });
 * await harness.clock.advance('P2D');
 * harness.expectEffects([{ type: 'escalation.raised', rule: 'work-item-overdue' }]);
 * ```
 */
export function createHarness(template: PathwayTemplate, options: HarnessOptions = {}): CaseHarness {
  const engine = createEngine(template, { ...(options.plugins ? { plugins: options.plugins } : {}), faults: options.faults ?? [] });
  const { locality } = engine.pathway.template;
  const actor = options.actor ?? defaults.actor;
  const history = new CaseHistory();
  const steps: HarnessStep[] = [];
  const allEffects: Effect[] = [];
  const incidents: Incident[] = [];
  const firedTimers: FiredTimer[] = [];
  /** Timers whose firing ended in an incident, by incident id, so a retry that applies counts as their firing. */
  const failedTimers = new Map<string, DueTimer>();
  let record: CaseRecord | undefined;
  let now = toUtcIso(options.openedAt ?? defaults.openedAt);

  const opened = (): CaseRecord => {
    if (!record) throw new Error('The case is not open yet: call harness.open() first.');
    return record;
  };
  const where = (): string => {
    if (!record) return `case not yet opened, clock ${now}`;
    const last = steps.at(-1);
    return `case ${record.caseId} at version ${record.version}, clock ${now}${last ? `, after step #${last.index} (${last.label})` : ''}`;
  };
  const failWith =
    (assertion: string): Fail =>
    (message, expected, actual) => {
      throw new PathwaysAssertionError({ assertion, message, expected, actual, where: where() });
    };
  const stepName = () => {
    const last = steps.at(-1);
    return last ? `step #${last.index} (${last.label})` : 'the last step';
  };
  const log = (kind: HarnessStep['kind'], label: string, effects: readonly Effect[], failed?: Refusal | Incident) => {
    const state = record ? engine.view(record).active.map((node) => node.node) : [];
    const outcome = failed === undefined ? {} : 'incidentId' in failed ? { outcome: failed.error, ...(failed.plugin ? { plugin: failed.plugin } : {}) } : { outcome: failed.code };
    steps.push({ index: steps.length, kind, label, at: now, version: record?.version ?? 0, state, effects, ...outcome });
    allEffects.push(...effects);
  };
  const keep = (result: AppliedResult, by: string) => {
    record = result.record;
    history.apply({ at: result.record.clock, actor: by, effects: result.effects });
  };

  const fired = (timer: DueTimer, at: string) => {
    firedTimers.push({ timerId: timer.timerId, purpose: timer.purpose, ...(timer.node ? { node: timer.node } : {}), due: timer.due, firedAt: at });
  };

  /** Fires every timer due by `target`, earliest first; the clock follows each firing. */
  const fireDue = (target: string, label: string): Effect[] => {
    const produced: Effect[] = [];
    if (!record) return produced;
    for (let firings = 0; ; firings += 1) {
      const [next] = engine.dueTimers(record, target);
      if (!next) return produced;
      if (firings === maxFiringsPerAdvance) throw new Error(`${label}: more than ${maxFiringsPerAdvance} timers fired before ${target}; a timer keeps rescheduling itself at once.`);
      const result = engine.fireTimer(record, next.timerId);
      if (result.kind !== 'applied') {
        if (compareInstants(next.due, now) > 0) now = toUtcIso(next.due);
        if (result.kind === 'incident') {
          incidents.push(result.incident);
          failedTimers.set(result.incident.incidentId, next);
        }
        log('advanced', label, produced, result.kind === 'incident' ? result.incident : result.refusal);
        throw new PathwaysAssertionError({
          assertion: 'clock.advance',
          message: `Timer ${next.timerId} (${next.purpose}${next.node ? ` at ${next.node}` : ''}), due ${next.due}, could not fire: ${showOutcome(result)}\n  The clock stopped at its due time. Effects of the timers fired before it:\n${listEffects(produced)}`,
          expected: 'the timer fires',
          actual: result.kind === 'incident' ? result.incident : result.refusal,
          where: where(),
        });
      }
      keep(result, 'system');
      if (compareInstants(result.record.clock, now) > 0) now = result.record.clock;
      fired(next, result.record.clock);
      produced.push(...result.effects);
    }
  };

  const advanceTo = (target: string, label: string): readonly Effect[] => {
    if (compareInstants(target, now) < 0) throw new RangeError(`${label} would move the clock back, from ${now} to ${target}; the clock only moves forward.`);
    const effects = fireDue(target, label);
    now = target;
    log('advanced', label, effects);
    return effects;
  };

  const dispatch = (type: string, payload: Readonly<Record<string, unknown>>, send: SendOptions): CommandResult => {
    opened();
    if (send.at !== undefined) {
      const at = toUtcIso(send.at);
      if (compareInstants(at, now) > 0) advanceTo(at, `clock.advance({ to: ${send.at} }) before ${type}`);
    }
    const current = opened();
    const command: CommandInput = {
      type,
      payload: { ...payload },
      at: send.at ?? now,
      actor: send.actor ?? actor,
      ...(send.role !== undefined ? { actorRole: send.role } : {}),
      idempotencyKey: `${current.caseId}:step-${steps.length}`,
      expectedVersion: send.expectedVersion ?? current.version,
    };
    const result = engine.send(current, command);
    if (result.kind === 'applied') {
      keep(result, command.actor);
      log('applied', `send ${type}`, result.effects);
    } else if (result.kind === 'refused') {
      log('refused', `send ${type}`, [], result.refusal);
    } else {
      incidents.push(result.incident);
      log('incident', `send ${type}`, [], result.incident);
    }
    return result;
  };

  const harness: CaseHarness = {
    engine,
    history,
    clock: {
      get now() {
        return now;
      },
      advance: async (by) => {
        const label = `clock.advance(${describeAdvance(by)})`;
        const target = typeof by === 'object' && 'to' in by ? toUtcIso(by.to) : addTimeSpan(now, by, locality);
        return advanceTo(target, label);
      },
      get nextDue() {
        const timers = record ? engine.view(record).timers.flatMap((timer) => (timer.due === undefined ? [] : [timer.due])) : [];
        return timers.sort(compareInstants)[0];
      },
      get firedTimers() {
        return firedTimers;
      },
    },
    get record() {
      return opened();
    },
    get effects() {
      return steps.at(-1)?.effects ?? [];
    },
    get allEffects() {
      return allEffects;
    },
    get steps() {
      return steps;
    },
    get incidents() {
      return incidents;
    },

    open(referral = {}) {
      if (record) throw new Error(`The case ${record.caseId} is already open; a harness drives one case (create another harness for another case).`);
      const input: ReferralInput = {
        caseId: options.caseId ?? defaults.caseId,
        openedAt: now,
        ...(options.persons ? { persons: options.persons.map((person) => ({ id: person.id, roles: [...person.roles] })) } : {}),
        ...(options.episode ? { episode: options.episode } : {}),
        ...referral,
      };
      const started = engine.startCase(input);
      record = started.record;
      now = started.record.clock;
      history.apply({ at: started.record.clock, actor: 'system', effects: started.effects });
      log('opened', 'open', started.effects);
      return started.effects;
    },
    view: () => engine.view(opened(), history),

    send(type, payload = {}, send = {}) {
      const result = dispatch(type, payload, send);
      if (result.kind === 'applied') return result;
      return failWith('send')(`Expected ${type} to apply, but ${showOutcome(result)}`, 'applied', result.kind === 'refused' ? result.refusal : result.incident);
    },
    expectRefused(code, type, payload = {}, send = {}) {
      const result = dispatch(type, payload, send);
      if (result.kind === 'refused' && result.refusal.code === code) return result.refusal;
      return failWith('expectRefused')(`Expected ${type} to be refused with ${code}, but ${showOutcome(result)}`, code, result.kind === 'refused' ? result.refusal.code : result.kind);
    },
    expectIncident(type, payload = {}, send = {}) {
      const result = dispatch(type, payload, send);
      if (result.kind === 'incident') return result.incident;
      return failWith('expectIncident')(`Expected ${type} to end in an incident, but ${showOutcome(result)}`, 'incident', result.kind);
    },
    retry(incident) {
      const result = engine.retryIncident(opened(), incident);
      if (result.kind === 'applied') {
        keep(result, incident.command.actor);
        const timer = failedTimers.get(incident.incidentId);
        if (timer) fired(timer, result.record.clock);
        log('retried', `retry ${incident.eventType}`, result.effects);
        return result;
      }
      if (result.kind === 'incident') incidents.push(result.incident);
      log(result.kind, `retry ${incident.eventType}`, [], result.kind === 'incident' ? result.incident : result.refusal);
      return failWith('retry')(`Expected the retry of incident ${incident.incidentId} (${incident.eventType}) to apply, but ${showOutcome(result)}`, 'applied', result.kind === 'refused' ? result.refusal : result.incident);
    },

    expectAt: (nodes) => checkAt(harness.view(), nodes, failWith('expectAt')),
    expectStep: (practiceSteps) => checkStep(harness.view(), practiceSteps, failWith('expectStep')),
    expectTier: (tier) => checkTier(harness.view(), tier, failWith('expectTier')),
    expectWorkItems: (matcher) => checkWorkItems(harness.view(), matcher, failWith('expectWorkItems')),
    expectEffects: (matchers) => checkEffects(harness.effects, matchers, stepName(), failWith('expectEffects')),
    expectNoEffect: (matcher) => checkNoEffect(harness.effects, matcher, stepName(), failWith('expectNoEffect')),
    expectPlan: (matcher) => checkPlan(harness.view(), matcher, failWith('expectPlan')),
    expectPluginState: (plugin, expected) => checkPluginState(harness.view(), typeof plugin === 'string' ? plugin : plugin.name, expected, failWith('expectPluginState')),
    expectMilestones: (milestones) => checkMilestones(harness.view(), milestones, failWith('expectMilestones')),
    expectFacts: (facts) => checkFacts(harness.view(), facts, failWith('expectFacts')),

    transcript: () => transcriptOf(steps),
  };
  return harness;
}
