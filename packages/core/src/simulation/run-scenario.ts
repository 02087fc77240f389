import { CaseHistory } from '../engine/case-history.js';
import type { CaseRecord, CaseView, Incident } from '../engine/case-record.js';
import { createEngine, type EngineOptions } from '../engine/engine.js';
import type { Problem } from '../errors/problem.js';
import type { Effect } from '../model/effects.js';
import type { PracticeStep } from '../model/practice-steps.js';
import { readInput } from '../model/read-input.js';
import type { PathwayTemplate } from '../model/template.js';
import { addTimeSpan, compareInstants, toUtcIso } from '../time/deadlines.js';
import { scenario as scenarioSchema, type Expectation, type Scenario } from './scenario.js';

/** One line of a simulation trace: something that happened to the case. */
export interface TraceEntry {
  /** Index of the scenario step that caused it; -1 for opening the case. */
  readonly step: number;
  readonly kind: 'opened' | 'command' | 'timer' | 'clock' | 'refused' | 'incident';
  /** Event type, or the refusal/incident code. */
  readonly event: string;
  readonly at: string;
  readonly version: number;
  readonly state: readonly string[];
  readonly steps: readonly PracticeStep[];
  readonly effects: readonly Effect[];
  /** Plain explanation for refusals, incidents and timers. */
  readonly message?: string;
}

/** A failed expectation, located by scenario step. */
export interface ExpectationFailure {
  readonly step: number;
  readonly message: string;
}

/** The outcome of running a scenario on the real engine. */
export interface ScenarioReport {
  readonly title: string;
  readonly passed: boolean;
  readonly trace: readonly TraceEntry[];
  readonly failures: readonly ExpectationFailure[];
  /** The case at the end, with its history (closed work items, tier changes, escalations, episodes). */
  readonly final: CaseView;
}

export type ParseScenarioResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly unusable: boolean; readonly problems: readonly Problem[] };

/** Parses a scenario file's text (or value), returning every problem at once. */
export function parseScenario(input: string | unknown): ParseScenarioResult {
  const read = readInput(input, scenarioSchema, { schemaCode: 'PWY_SCENARIO_INVALID' });
  return read.ok ? { ok: true, scenario: read.value } : read;
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Two instants written in any offsets (`…+13:00`, `…Z`) match when they are the same moment. */
function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  return typeof actual === 'string' && typeof expected === 'string' && instantPattern.test(actual) && instantPattern.test(expected) && Date.parse(actual) === Date.parse(expected);
}

/** Partial match: objects match on the fields given, arrays item by item, instants as moments; `null` also matches a missing field. */
export function matchesPartially(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected !== 'object') return sameValue(actual, expected);
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length && expected.every((item, index) => matchesPartially(actual[index], item));
  }
  return Object.entries(expected).every(([key, value]) => matchesPartially((actual as Record<string, unknown>)[key], value));
}

function sameSet(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && [...actual].sort().join('\u0000') === [...expected].sort().join('\u0000');
}

function checkExpectation(expect: Expectation | undefined, view: CaseView, effects: readonly Effect[], refusedCode: string | undefined): string[] {
  const failures: string[] = [];
  const incident = refusedCode === 'PWY_CASE_INCIDENT';
  if (expect?.incident === true) {
    if (!incident) failures.push(`expected an incident, got ${refusedCode ?? 'the command applied'}`);
  } else if (expect?.refused !== undefined) {
    if (refusedCode !== expect.refused) failures.push(`expected refusal ${expect.refused}, got ${refusedCode ?? 'the command applied'}`);
  } else if (refusedCode) {
    failures.push(`the command ${incident ? 'ended in an incident' : `was refused (${refusedCode})`} but the scenario did not expect it`);
  }
  if (!expect) return failures;
  if (expect.tier !== undefined && view.tier !== expect.tier) failures.push(`expected tier ${expect.tier ?? 'none'}, got ${view.tier ?? 'none'}`);
  if (expect.milestones !== undefined) {
    const missing = expect.milestones.filter((m) => view.milestones[m] === undefined);
    if (missing.length > 0) failures.push(`expected milestones ${missing.join(', ')} to be reached`);
  }
  const state = view.active.map((node) => node.node);
  if (expect.state !== undefined) {
    const wanted = typeof expect.state === 'string' ? [expect.state] : expect.state;
    if (!sameSet(state, wanted)) failures.push(`expected state [${wanted.join(', ')}], got [${state.join(', ')}]`);
  }
  if (expect.step !== undefined) {
    const wanted = typeof expect.step === 'string' ? [expect.step] : expect.step;
    if (!sameSet(view.steps, wanted)) failures.push(`expected step [${wanted.join(', ')}], got [${view.steps.join(', ')}]`);
  }
  if (expect.status !== undefined && view.status !== expect.status) failures.push(`expected status ${expect.status}, got ${view.status}`);
  if (expect.version !== undefined && view.version !== expect.version) failures.push(`expected version ${expect.version}, got ${view.version}`);
  for (const unwanted of expect.noEffects ?? []) {
    const found = effects.find((effect) => matchesPartially(effect, unwanted));
    if (found) failures.push(`expected no effect matching ${JSON.stringify(unwanted)}; got ${JSON.stringify(found)}`);
  }
  for (const { count, ...wanted } of expect.workItems ?? []) {
    const matching = view.workItems.filter((item) => matchesPartially(item, wanted)).length;
    if (count === undefined ? matching === 0 : matching !== count) {
      failures.push(`expected ${count ?? 'at least 1'} work item(s) matching ${JSON.stringify(wanted)}, got ${matching}`);
    }
  }
  for (const [fact, value] of Object.entries(expect.facts ?? {})) {
    const actual = Object.hasOwn(view.facts, fact) ? view.facts[fact] : undefined;
    if (value === null ? actual !== undefined : !sameValue(actual, value)) failures.push(`expected fact ${fact} ${value ?? 'not recorded'}, got ${actual ?? 'not recorded'}`);
  }
  for (const wanted of expect.plans ?? []) {
    if (!view.plans.some((plan) => matchesPartially(plan, wanted))) failures.push(`expected a plan matching ${JSON.stringify(wanted)}; got ${JSON.stringify(view.plans)}`);
  }
  for (const [role, worker] of Object.entries(expect.workers ?? {})) {
    const actual = Object.hasOwn(view.workers, role) ? view.workers[role] : undefined;
    if ((actual ?? null) !== worker) failures.push(`expected worker for ${role} ${worker ?? 'none'}, got ${actual ?? 'none'}`);
  }
  if (expect.effects !== undefined) {
    if (expect.effects.length === 0 && effects.length > 0) {
      failures.push(`expected no effects, got ${effects.map((e) => e.type).join(', ')}`);
    }
    let from = 0;
    for (const wanted of expect.effects) {
      const index = effects.findIndex((effect, i) => i >= from && matchesPartially(effect, wanted));
      if (index < 0) {
        failures.push(`expected an effect matching ${JSON.stringify(wanted)}${from > 0 ? ' after the previous one' : ''}; got ${JSON.stringify(effects.slice(from))}`);
        break;
      }
      from = index + 1;
    }
  }
  return failures;
}

/**
 * Runs a scenario on the real engine: opens the case, sends each command in its envelope, fires
 * timers as the clock advances, and checks every expectation. Never throws for a failing
 * expectation: the report says what failed and where.
 */
export function runScenario(template: PathwayTemplate, scenario: Scenario, options: Pick<EngineOptions, 'plugins' | 'inspect'> = {}): ScenarioReport {
  const engine = createEngine(template, { ...options, faults: scenario.faults });
  const history = new CaseHistory();
  const trace: TraceEntry[] = [];
  const failures: ExpectationFailure[] = [];
  let lastIncident: Incident | undefined;
  const opened = engine.startCase({
    caseId: scenario.case.id,
    openedAt: scenario.case.openedAt,
    persons: scenario.case.persons,
    ...(scenario.case.episode ? { episode: scenario.case.episode } : {}),
  });
  let record: CaseRecord = opened.record;
  history.apply({ at: record.clock, actor: 'system', effects: opened.effects });
  const entry = (step: number, kind: TraceEntry['kind'], event: string, at: string, effects: readonly Effect[], message?: string): void => {
    const view = engine.view(record);
    trace.push({ step, kind, event, at, version: record.version, state: view.active.map((n) => n.node), steps: view.steps, effects, ...(message ? { message } : {}) });
  };
  entry(-1, 'opened', 'case.opened', record.clock, opened.effects);
  for (const message of checkExpectation(scenario.case.expect, engine.view(record, history), opened.effects, undefined)) failures.push({ step: -1, message });

  scenario.steps.forEach((step, index) => {
    const produced: Effect[] = [];
    let refusedCode: string | undefined;
    if ('command' in step || 'retryIncident' in step) {
      let result;
      let type: string;
      let at: string;
      if ('command' in step) {
        const command = step.command;
        type = command.type;
        at = toUtcIso(command.at);
        result = engine.send(record, {
          type: command.type,
          payload: command.payload,
          at: command.at,
          actor: command.actor,
          ...(command.actorRole ? { actorRole: command.actorRole } : {}),
          idempotencyKey: command.idempotencyKey ?? `${scenario.case.id}:step-${index}`,
          expectedVersion: command.expectedVersion ?? record.version,
        });
      } else if (lastIncident) {
        type = `retry ${lastIncident.eventType}`;
        at = lastIncident.at;
        result = engine.retryIncident(record, lastIncident);
      } else {
        failures.push({ step: index, message: 'there is no incident to retry' });
        return;
      }
      if (result.kind === 'applied') {
        record = result.record;
        history.apply({ at: record.clock, actor: 'command' in step ? step.command.actor : (lastIncident?.command.actor ?? 'system'), effects: result.effects });
        produced.push(...result.effects);
        lastIncident = undefined;
        entry(index, 'command', type, record.clock, result.effects);
      } else if (result.kind === 'refused') {
        refusedCode = result.refusal.code;
        entry(index, 'refused', result.refusal.code, at, [], result.refusal.message);
      } else {
        refusedCode = result.incident.code;
        lastIncident = result.incident;
        entry(index, 'incident', result.incident.code, result.incident.at, [], result.incident.error);
      }
    } else {
      const target =
        'to' in step.advance ? toUtcIso(step.advance.to) : addTimeSpan(record.clock, step.advance.by, engine.pathway.template.locality);
      for (;;) {
        const [next] = engine.dueTimers(record, target);
        if (!next) break;
        const result = engine.fireTimer(record, next.timerId);
        if (result.kind !== 'applied') {
          const code = result.kind === 'refused' ? result.refusal.code : result.incident.code;
          failures.push({ step: index, message: `timer ${next.timerId} could not fire: ${code}` });
          break;
        }
        record = result.record;
        history.apply({ at: record.clock, actor: 'system', effects: result.effects });
        produced.push(...result.effects);
        entry(index, 'timer', 'timer.fired', record.clock, result.effects, `timer ${next.timerId} (${next.node ? `wait at ${next.node}` : next.purpose})`);
      }
      if (compareInstants(target, record.clock) > 0) record = { ...record, clock: target };
      entry(index, 'clock', 'clock.advanced', record.clock, []);
    }
    for (const message of checkExpectation(step.expect, engine.view(record, history), produced, refusedCode)) failures.push({ step: index, message });
  });
  return { title: scenario.title, passed: failures.length === 0, trace, failures, final: engine.view(record, history) };
}
