import { parseArgs } from 'node:util';
import { z } from 'zod';
import { simulateCommand } from './commands/simulate.js';
import { validateCommand } from './commands/validate.js';
import { exitCodes, type CliIo } from './io.js';

export const usage = `pathways — run and check family-violence response pathways

Usage:
  pathways validate <template.json> [--json]
      Check a template. Exit 0 valid, 1 problems found, 2 unusable input.
  pathways simulate <template.json> --scenario <scenario.json> [--json]
      Run a scenario on the engine and print the trace (states, practice step, effects).
      Exit 0 every expectation met, 1 an expectation failed, 2 unusable input.
  pathways --help | --version
`;

const validateArgs = z.strictObject({ positionals: z.tuple([z.string().min(1, 'a template file is required')]), json: z.boolean() });
const simulateArgs = z.strictObject({
  positionals: z.tuple([z.string().min(1, 'a template file is required')]),
  scenario: z.string({ error: 'the --scenario <file> option is required' }).min(1),
  json: z.boolean(),
});

function usageError(io: CliIo, message: string): number {
  io.stderr(`PWY_CLI_USAGE: ${message}\n\n${usage}`);
  return exitCodes.unusable;
}

function argsProblem(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path[0] === 'positionals' ? 'arguments' : `--${String(issue.path[0])}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Runs the CLI with the given arguments; returns the exit code instead of exiting. */
export async function main(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(usage);
    return command === undefined ? exitCodes.unusable : exitCodes.ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean', default: false }, scenario: { type: 'string' } },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const input = { positionals: parsed.positionals, ...parsed.values };
  switch (command) {
    case 'validate': {
      const { scenario: _ignored, ...rest } = input;
      if (_ignored !== undefined) return usageError(io, '--scenario belongs to simulate, not validate');
      const args = validateArgs.safeParse(rest);
      if (!args.success) return usageError(io, argsProblem(args.error));
      return validateCommand({ file: args.data.positionals[0], json: args.data.json }, io);
    }
    case 'simulate': {
      const args = simulateArgs.safeParse(input);
      if (!args.success) return usageError(io, argsProblem(args.error));
      return simulateCommand({ template: args.data.positionals[0], scenario: args.data.scenario, json: args.data.json }, io);
    }
    default:
      return usageError(io, `unknown command "${command}"`);
  }
}
