import { resolve } from 'node:path';
import { parseScenario, parseTemplate, runScenario, type Problem } from '@pathways/core';
import { exitCodes, readTextFile, type CliIo } from '../io.js';
import { formatProblems } from '../output/format-problems.js';
import { formatTrace } from '../output/format-trace.js';

export interface SimulateOptions {
  readonly template: string;
  readonly scenario: string;
  readonly json: boolean;
}

function reportInputProblems(io: CliIo, json: boolean, file: string, problems: readonly Problem[]): void {
  if (json) io.stdout(`${JSON.stringify({ file, passed: false, problems }, null, 2)}\n`);
  else io.stderr(formatProblems(file, problems));
}

/**
 * `pathways simulate <template> --scenario <file>`: runs the scenario on the real engine and
 * prints the trace. 0 every expectation met, 1 an expectation failed, 2 unusable input.
 */
export async function simulateCommand(options: SimulateOptions, io: CliIo): Promise<number> {
  const templateText = await readTextFile(resolve(io.cwd, options.template));
  if (!templateText.ok) {
    reportInputProblems(io, options.json, options.template, [templateText.problem]);
    return exitCodes.unusable;
  }
  const template = parseTemplate(templateText.text);
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
  const report = runScenario(template.template, scenario.scenario);
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(formatTrace(report, template.template.locality.timeZone));
  return report.passed ? exitCodes.ok : exitCodes.problems;
}
