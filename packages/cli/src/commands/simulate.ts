import { resolve } from 'node:path';
import { PathwaysError, parseScenario, parseTemplate, problem, runScenario, type Problem, type ScenarioReport } from '@pathways/core';
import { loadConfiguredPlugins, type ConfigOption } from '../config.js';
import { exitCodes, readTextFile, type CliIo } from '../io.js';
import { formatProblems } from '../output/format-problems.js';
import { formatTrace } from '../output/format-trace.js';
import { openInspection, type InspectTarget } from './simulate-inspection.js';

export interface SimulateOptions extends ConfigOption {
  readonly template: string;
  readonly scenario: string;
  readonly json: boolean;
  /** Send the run to Stately's inspector (`--inspect`, `--inspect-url`). */
  readonly inspect?: InspectTarget | undefined;
}

function reportInputProblems(io: CliIo, json: boolean, file: string, problems: readonly Problem[]): void {
  if (json) io.stdout(`${JSON.stringify({ file, passed: false, problems }, null, 2)}\n`);
  else io.stderr(formatProblems(file, problems));
}

/**
 * `pathways simulate <template> --scenario <file>`: runs the scenario on the real engine and
 * prints the trace, with the plugins the configuration installs; with `--inspect` or
 * `--inspect-url`, Stately's inspector is sent the run too. 0 every expectation met, 1 an
 * expectation failed, 2 unusable input (the configuration included).
 */
export async function simulateCommand(options: SimulateOptions, io: CliIo): Promise<number> {
  const plugins = await loadConfiguredPlugins(io, options);
  if (!plugins.ok) {
    for (const failure of plugins.failures) reportInputProblems(io, options.json, failure.file, failure.problems);
    return exitCodes.unusable;
  }
  const templateText = await readTextFile(resolve(io.cwd, options.template));
  if (!templateText.ok) {
    reportInputProblems(io, options.json, options.template, [templateText.problem]);
    return exitCodes.unusable;
  }
  const template = parseTemplate(templateText.text, { plugins: plugins.value });
  if (!template.ok) {
    reportInputProblems(io, options.json, options.template, template.problems);
    return exitCodes.unusable;
  }
  const scenarioText = await readTextFile(resolve(io.cwd, options.scenario));
  if (!scenarioText.ok) {
    reportInputProblems(io, options.json, options.scenario, [scenarioText.problem]);
    return exitCodes.unusable;
  }
  const scenario = parseScenario(scenarioText.text);
  if (!scenario.ok) {
    reportInputProblems(io, options.json, options.scenario, scenario.problems);
    return exitCodes.unusable;
  }
  const inspection = options.inspect ? await openInspection(options.inspect, io) : undefined;
  if (inspection && !inspection.ok) {
    reportInputProblems(io, options.json, '--inspect-port', [inspection.problem]);
    return exitCodes.unusable;
  }
  const inspector = inspection?.inspection.inspector;
  let report: ScenarioReport;
  try {
    report = runScenario(template.template, scenario.scenario, { plugins: plugins.value, ...(inspector ? { inspect: inspector } : {}) });
  } catch (error) {
    // A scenario can be valid on its own and still not fit the template (a fault in a guard the
    // pathway does not have): that is unusable input, not a crash.
    await inspection?.inspection.finish();
    if (!(error instanceof PathwaysError)) throw error;
    reportInputProblems(io, options.json, options.scenario, error.problems.length > 0 ? error.problems : [problem(error.code, [], error.message)]);
    return exitCodes.unusable;
  }
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(formatTrace(report, template.template.locality.timeZone));
  await inspection?.inspection.finish();
  return report.passed ? exitCodes.ok : exitCodes.problems;
}
