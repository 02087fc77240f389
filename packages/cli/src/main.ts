import type { z } from 'zod';
import { argsProblem, readArgs, usageError, type OptionTable, type RawArgs } from './args.js';
import { checkArgs, diffArgs, impactArgs, pluginArgs, rebaseArgs, resolveArgs, simulateArgs, validateArgs } from './arguments.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { impactCommand } from './commands/impact.js';
import { pluginNewCommand } from './commands/plugin-new.js';
import { rebaseCommand } from './commands/rebase.js';
import { resolveCommand } from './commands/resolve.js';
import { simulateCommand } from './commands/simulate.js';
import { validateCommand } from './commands/validate.js';
import { exitCodes, type CliIo } from './io.js';
import { commandUsage, usage, type CommandName } from './usage.js';

export { usage };

interface Command {
  readonly options: OptionTable;
  readonly run: (name: CommandName, input: RawArgs, io: CliIo) => Promise<number>;
}

/** Ties a command's arguments to its implementation, so a command only ever sees validated input. */
function command<S extends z.ZodType>(spec: { options: OptionTable; schema: S }, run: (args: z.output<S>, io: CliIo) => Promise<number>): Command {
  return {
    options: spec.options,
    run: async (name, input, io) => {
      const args = spec.schema.safeParse(input);
      return args.success ? run(args.data, io) : usageError(io, argsProblem(args.error), name);
    },
  };
}

// Keyed like usage.ts's help entries, so a command without help (or help without a command) does not compile.
const commands: Readonly<Record<CommandName, Command>> = {
  validate: command(validateArgs, (args, io) => validateCommand({ file: args.positionals[0], json: args.json, config: args.config }, io)),
  simulate: command(simulateArgs, (args, io) =>
    simulateCommand(
      {
        template: args.positionals[0],
        scenario: args.scenario,
        json: args.json,
        config: args.config,
        inspect: args.inspect ? { relay: { port: args['inspect-port'] ?? 8080 } } : args['inspect-url'] !== undefined ? { url: args['inspect-url'] } : undefined,
      },
      io,
    ),
  ),
  check: command(checkArgs, ({ positionals: [baseline, ...variants], json, config }, io) => checkCommand({ baseline: baseline!, variants, json, config }, io)),
  resolve: command(resolveArgs, ({ positionals: [baseline, ...variants], provenance, json, config }, io) => resolveCommand({ baseline: baseline!, variants, provenance, json, config }, io)),
  diff: command(diffArgs, ({ positionals: [from, to], variant, json, config }, io) => diffCommand(variant ? { from: from!, variants: variant, json, config } : { from: from!, to: to!, json, config }, io)),
  rebase: command(rebaseArgs, (args, io) => rebaseCommand({ variant: args.positionals[0], from: args.from, to: args.to, write: args.write, json: args.json, config: args.config }, io)),
  impact: command(impactArgs, (args, io) => impactCommand({ proposed: args.positionals[0], published: args.published, variants: args.variants, json: args.json, config: args.config }, io)),
  plugin: command(pluginArgs, (args, io) => pluginNewCommand({ name: args.positionals, dir: args.dir, scope: args.scope, standalone: args.standalone, json: args.json }, io)),
};

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';
const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(commands, name);

/** Whether help is asked for anywhere before `--` (after it, `-h` would be a file name). */
function asksHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some(isHelp);
}

/** Runs the CLI with the given arguments; returns the exit code instead of exiting. */
export async function main(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || isHelp(name) || name === 'help') {
    // `pathways help <command>` is the same as `pathways <command> --help`.
    const topic = rest[0];
    io.stdout(name === 'help' && isCommand(topic) ? commandUsage(topic) : usage);
    return name === undefined ? exitCodes.unusable : exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  if (!isCommand(name)) return usageError(io, `unknown command "${name}"`);
  const chosen = commands[name];
  // Before the arguments are read, so help is shown even when the rest of the line is wrong.
  if (asksHelp(rest)) {
    io.stdout(commandUsage(name));
    return exitCodes.ok;
  }
  const read = readArgs(name, rest, chosen.options);
  return read.ok ? chosen.run(name, read.input, io) : usageError(io, read.message, name);
}
