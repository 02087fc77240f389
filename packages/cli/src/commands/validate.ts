import { resolve } from 'node:path';
import { validateTemplate, type NodeMigration, type Problem } from '@pathways/core';
import { loadConfiguredPlugins, type ConfigOption } from '../config.js';
import { exitCodes, readTextFile, type CliIo } from '../io.js';
import { formatProblems } from '../output/format-problems.js';

export interface ValidateOptions extends ConfigOption {
  readonly file: string;
  readonly json: boolean;
}

/** What validate reports about one file: the template's, or the configuration's when it cannot be loaded. */
type Outcome = { readonly ok: true; readonly summary: string; readonly migrations: readonly NodeMigration[] } | { readonly ok: false; readonly file: string; readonly unusable: boolean; readonly problems: readonly Problem[] };

async function check(options: ValidateOptions, io: CliIo): Promise<Outcome> {
  const plugins = await loadConfiguredPlugins(io, options);
  if (!plugins.ok) return { ok: false, file: plugins.failures[0]!.file, unusable: true, problems: plugins.failures.flatMap((failure) => failure.problems) };
  const read = await readTextFile(resolve(io.cwd, options.file));
  if (!read.ok) return { ok: false, file: options.file, unusable: true, problems: [read.problem] };
  const result = validateTemplate(read.text, { plugins: plugins.value });
  if (!result.ok) return { ok: false, file: options.file, unusable: result.unusable, problems: result.problems };
  return { ok: true, summary: `${result.template.id}@${result.template.version}, ${result.template.nodes.length} nodes`, migrations: result.migrations };
}

/**
 * `pathways validate <file>`: 0 valid, 1 problems found, 2 unusable input (the configuration
 * included). Plugin nodes written for an earlier version of their node type are migrated on load;
 * each one is reported, and the template is still valid.
 */
export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const outcome = await check(options, io);
  const exitCode = outcome.ok ? exitCodes.ok : outcome.unusable ? exitCodes.unusable : exitCodes.problems;
  if (options.json) {
    const body = outcome.ok
      ? { file: options.file, valid: true, unusable: false, problems: [], migrations: outcome.migrations }
      : { file: outcome.file, valid: false, unusable: outcome.unusable, problems: outcome.problems, migrations: [] };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else if (outcome.ok) {
    const migrated = outcome.migrations.map((m) => `migrated ${m.node} (${m.type}) from version ${m.from} to ${m.to}\n`);
    io.stdout(`${options.file}: valid (${outcome.summary})\n${migrated.join('')}`);
  } else {
    io.stdout(formatProblems(outcome.file, outcome.problems));
  }
  return exitCode;
}
