import { parseScenario, PathwaysError, runScenario, type EngineOptions, type PathwayTemplate, type ScenarioReport, type TraceEntry } from '@pathways/core';
import { PathwaysAssertionError } from './assertion-error.js';
import { displayPath, readTextFile } from './read-text.js';

/** A scenario's report, with the file it was read from. */
export interface ScenarioFileReport extends ScenarioReport {
  /** The scenario file, as given. */
  readonly file: string;
}

/** Options for running a scenario file. */
export interface ScenarioFileOptions {
  /** Plugins installed besides the core node types (what `loadPlugins` returned, `registry.plugins`). */
  readonly plugins?: EngineOptions['plugins'];
}

/**
 * Reads a scenario file (the format `pathways simulate` runs) and runs it on the real engine with
 * core's `runScenario`: its steps, clock advances, faults and expectations. It only compares:
 * nothing is written, and a failing expectation is in the report, not thrown (pass the report to
 * `expectScenarioPasses`).
 *
 * @param path - The file: an absolute path, or a URL such as `new URL('./scenarios/x.json', import.meta.url)`.
 * @throws PathwaysError `PWY_SCENARIO_INVALID` when the file is missing or is not a valid scenario,
 *   listing every problem with its place in the file.
 * @example
 * ```ts
 * const report = runScenarioFile(template, new URL('./scenarios/first-contact.json', import.meta.url), { plugins });
 * expectScenarioPasses(report);
 * ```
 */
export function runScenarioFile(template: PathwayTemplate, path: string | URL, options: ScenarioFileOptions = {}): ScenarioFileReport {
  const file = displayPath(path);
  const text = readTextFile(path, 'runScenarioFile', 'parse the scenario text with parseScenario and run it with runScenario (@pathways/core)');
  if (text === undefined) throw new PathwaysError('PWY_SCENARIO_INVALID', `There is no scenario file at ${file}.`);
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    const problems = parsed.problems.map((problem) => `\n  - ${problem.path.join('.') || '(root)'}: ${problem.code} ${problem.message}`).join('');
    throw new PathwaysError('PWY_SCENARIO_INVALID', `The scenario ${file} cannot run: it has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}:${problems}`, parsed.problems);
  }
  return { ...runScenario(template, parsed.scenario, options.plugins ? { plugins: options.plugins } : {}), file };
}

/** What a scenario step did, from its trace: `command risk.assessed`, `advance to …`, `retry …`. */
function describeStep(trace: readonly TraceEntry[], step: number): string {
  if (step < 0) return 'case (as opened)';
  const entries = trace.filter((entry) => entry.step === step);
  const clock = entries.find((entry) => entry.kind === 'clock');
  if (clock) return `step #${step + 1} (advance to ${clock.at})`;
  const first = entries[0];
  if (!first) return `step #${step + 1}`;
  if (first.kind === 'command') return `step #${step + 1} (${first.event.startsWith('retry ') ? first.event : `command ${first.event}`})`;
  return `step #${step + 1} (${first.kind} ${first.event}${first.message ? `: ${first.message}` : ''})`;
}

/**
 * Throws unless every expectation of a scenario held, listing every failure by step (numbered
 * from 1, as `pathways simulate` does).
 *
 * @throws PathwaysAssertionError with `expected` `[]` and `actual` the failures.
 */
export function expectScenarioPasses(report: ScenarioReport | ScenarioFileReport): void {
  if (report.passed && report.failures.length === 0) return;
  const file = 'file' in report ? ` (${report.file})` : '';
  const lines = report.failures.map((failure) => `  ${describeStep(report.trace, failure.step)}: ${failure.message}`);
  const count = report.failures.length;
  throw new PathwaysAssertionError({
    assertion: 'expectScenarioPasses',
    message: `Expected scenario "${report.title}"${file} to pass; ${count} expectation${count === 1 ? ' was' : 's were'} not met:\n${lines.join('\n')}`,
    expected: [],
    actual: report.failures,
  });
}
