import type { CliIo } from '../io.js';
import type { LoadFailure } from '../load.js';
import { formatProblems } from './format-problems.js';

/**
 * Reports inputs a command could not use. Text goes to stderr, so a command whose stdout is a
 * document (resolve) never leaves half a document in a redirected file; with --json one object
 * goes to stdout, the same shape for every variant command.
 */
export function reportFailure(io: CliIo, json: boolean, failure: LoadFailure): void {
  if (json) io.stdout(`${JSON.stringify({ ok: false, unusable: failure.unusable, inputs: failure.failures }, null, 2)}\n`);
  else io.stderr(failure.failures.map((item) => formatProblems(item.file, item.problems)).join('\n'));
}
