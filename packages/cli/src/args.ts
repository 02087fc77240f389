import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { exitCodes, type CliIo } from './io.js';
import { commandUsage, usage, type CommandName } from './usage.js';

/** The options one command accepts, in node:util parseArgs form. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;

/** What a command's zod schema sees: the positionals and every option given (or defaulted). */
export type RawArgs = { positionals: string[] } & Record<string, unknown>;

/**
 * Prints a PWY_CLI_USAGE error with the usage of the command it is about (the overview when there
 * is none); wrong usage is unusable input (exit 2).
 */
export function usageError(io: CliIo, message: string, command?: CommandName): number {
  io.stderr(`PWY_CLI_USAGE: ${message}\n\n${command === undefined ? usage : commandUsage(command)}`);
  return exitCodes.unusable;
}

/** One line naming each wrong argument the way the user typed it (`arguments`, `--to`). */
export function argsProblem(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path[0] === 'positionals' || issue.path[0] === undefined ? 'arguments' : `--${String(issue.path[0])}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Reads a command's arguments. Options declared `multiple` take every following argument up to the
 * next option, so `--variants a/ b/` and shell globs (`--variants variants/*.json`) work as well as
 * repeating the option; `--` ends such a list.
 */
export function readArgs(command: string, args: readonly string[], options: OptionTable): { ok: true; input: RawArgs } | { ok: false; message: string } {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    return { ok: false, message: unknown ? `${command} does not take the option ${unknown[1]}` : message };
  }
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  let list: string[] | undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      list = undefined;
    } else if (token.kind === 'positional') {
      (list ?? positionals).push(token.value);
    } else if (options[token.name]?.type === 'boolean') {
      values[token.name] = true;
      list = undefined;
    } else if (options[token.name]?.multiple) {
      const previous = values[token.name];
      list = Array.isArray(previous) ? (previous as string[]) : [];
      values[token.name] = list;
      if (token.value !== undefined) list.push(token.value);
    } else {
      // A second --from or --to is almost always a slip; refusing it beats silently taking the last.
      if (values[token.name] !== undefined) return { ok: false, message: `--${token.name} is given more than once` };
      values[token.name] = token.value;
      list = undefined;
    }
  }
  for (const [name, option] of Object.entries(options)) {
    if (values[name] === undefined && option.default !== undefined) values[name] = option.default;
  }
  return { ok: true, input: { positionals, ...values } };
}
