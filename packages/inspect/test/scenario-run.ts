import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseScenario, runScenario, type CaseEvent, type CaseInspector, type InspectedCase, type ScenarioReport } from '@pathways/core';
import { nzNationalBaseline } from '@pathways/templates';

const require = createRequire(import.meta.url);

/** Runs one of the baseline's scenario files on the real engine, told to `inspect`. */
export function runBaselineScenario(name: string, inspect: CaseInspector): ScenarioReport {
  const parsed = parseScenario(readFileSync(require.resolve(`@pathways/templates/scenarios/${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`scenario ${name}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return runScenario(nzNationalBaseline, parsed.scenario, { inspect });
}

/** What the engine itself told its observer, call by call: the oracle the Stately events are held to. */
export type EngineCall =
  | { readonly call: 'actor'; readonly caseId: string; readonly snapshot: InspectedCase; readonly definition: string }
  | { readonly call: 'event'; readonly caseId: string; readonly event: CaseEvent; readonly source: string }
  | { readonly call: 'snapshot'; readonly caseId: string; readonly snapshot: InspectedCase; readonly event: CaseEvent };

export function recordingInspector(): { readonly calls: EngineCall[]; readonly inspector: CaseInspector } {
  const calls: EngineCall[] = [];
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    calls,
    inspector: {
      actor: (caseId, snapshot, info) => calls.push({ call: 'actor', caseId, snapshot: copy(snapshot), definition: info.definition }),
      event: (caseId, event, info) => calls.push({ call: 'event', caseId, event: copy(event), source: info.source }),
      snapshot: (caseId, snapshot, info) => calls.push({ call: 'snapshot', caseId, snapshot: copy(snapshot), event: copy(info.event) }),
    },
  };
}

/** Both observers at once, so they see the very same run. */
export function both(...inspectors: readonly CaseInspector[]): CaseInspector {
  return {
    actor: (...args) => inspectors.forEach((inspector) => inspector.actor?.(...args)),
    event: (...args) => inspectors.forEach((inspector) => inspector.event?.(...args)),
    snapshot: (...args) => inspectors.forEach((inspector) => inspector.snapshot?.(...args)),
  };
}
