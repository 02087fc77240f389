import type { z } from 'zod';
import { argsProblem, readArgs, usageError, type OptionTable, type RawArgs } from './args.js';
import { checkArgs, diffArgs, impactArgs, rebaseArgs, resolveArgs, simulateArgs, validateArgs } from './arguments.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { impactCommand } from './commands/impact.js';
import { rebaseCommand } from './commands/rebase.js';
import { resolveCommand } from './commands/resolve.js';
import { simulateCommand } from './commands/simulate.js';
import { validateCommand } from './commands/validate.js';
import { exitCodes, type CliIo } from './io.js';
import { usage } from './usage.js';

export { usage };

interface Command {
  readonly options: OptionTable;
  readonly run: (input: RawArgs, io: CliIo) => Promise<number>;
}

/** Ties a command's arguments to its implementation, so a command only ever sees validated input. */
function command<S extends z.ZodType>(spec: { options: OptionTable; schema: S }, run: (args: z.output<S>, io: CliIo) => Promise<number>): Command {
  return {
    options: spec.options,
    run: async (input, io) => {
      const args = spec.schema.safeParse(input);
      return args.success ? run(args.data, io) : usageError(io, argsProblem(args.error));
    },
  };
}

const commands: Readonly<Record<string, Command>> = {
  validate: command(validateArgs, (args, io) => validateCommand({ file: args.positionals[0], json: args.json }, io)),
  simulate: command(simulateArgs, (args, io) => simulateCommand({ template: args.positionals[0], scenario: args.scenario, json: args.json }, io)),
  check: command(checkArgs, ({ positionals: [baseline, ...variants], json }, io) => checkCommand({ baseline: baseline!, variants, json }, io)),
  resolve: command(resolveArgs, ({ positionals: [baseline, ...variants], provenance, json }, io) => resolveCommand({ baseline: baseline!, variants, provenance, json }, io)),
  diff: command(diffArgs, ({ positionals: [from, to], variant, json }, io) => diffCommand(variant ? { from: from!, variants: variant, json } : { from: from!, to: to!, json }, io)),
  rebase: command(rebaseArgs, (args, io) => rebaseCommand({ variant: args.positionals[0], from: args.from, to: args.to, write: args.write, json: args.json }, io)),
  impact: command(impactArgs, (args, io) => impactCommand({ proposed: args.positionals[0], published: args.published, variants: args.variants, json: args.json }, io)),
};

/** Runs the CLI with the given arguments; returns the exit code instead of exiting. */
export async function main(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage);
    return name === undefined ? exitCodes.unusable : exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  const chosen = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!chosen) return usageError(io, `unknown command "${name}"`);
  const read = readArgs(name, rest, chosen.options);
  return read.ok ? chosen.run(read.input, io) : usageError(io, read.message);
}
