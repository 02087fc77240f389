import { resolve } from 'node:path';
import { validateTemplate } from '@pathways/core';
import { exitCodes, readTextFile, type CliIo } from '../io.js';
import { formatProblems } from '../output/format-problems.js';

export interface ValidateOptions {
  readonly file: string;
  readonly json: boolean;
}

/** `pathways validate <file>`: 0 valid, 1 problems found, 2 unusable input. */
export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const read = await readTextFile(resolve(io.cwd, options.file));
  const result = read.ok ? validateTemplate(read.text) : { ok: false as const, unusable: true, problems: [read.problem] };
  const exitCode = result.ok ? exitCodes.ok : result.unusable ? exitCodes.unusable : exitCodes.problems;
  if (options.json) {
    io.stdout(`${JSON.stringify({ file: options.file, valid: result.ok, unusable: !result.ok && result.unusable, problems: result.problems }, null, 2)}\n`);
  } else if (result.ok) {
    io.stdout(`${options.file}: valid (${result.template.id}@${result.template.version}, ${result.template.nodes.length} nodes)\n`);
  } else {
    io.stdout(formatProblems(options.file, result.problems));
  }
  return exitCode;
}
