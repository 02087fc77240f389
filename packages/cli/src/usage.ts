import type { OptionTable } from './args.js';
import type { checkArgs, diffArgs, impactArgs, pluginArgs, rebaseArgs, resolveArgs, simulateArgs, validateArgs } from './arguments.js';

/** How one option is shown in help. */
interface OptionHelp {
  /** The value it takes, e.g. `<scenario.json>`; none for a flag. `...` marks a list. */
  readonly value?: string;
  readonly text: string;
}

/** One exit code: a few words for the overview, and the detail for the command's own help. */
interface ExitHelp {
  readonly code: 0 | 1 | 2;
  readonly brief: string;
  readonly detail?: string;
}

/** Options every command takes (arguments.ts), documented once under "Common options". */
type CommonOption = 'config';

const commonOptions: { readonly [K in CommonOption]: OptionHelp } = {
  config: {
    value: '<pathways.config.json>',
    text: 'The configuration listing the plugins to install. By default the nearest pathways.config.json in the working folder or a folder above it; with none, only the built-in plugins.',
  },
};

/**
 * Everything help says about one command, the single source of both `pathways <command> --help`
 * and the overview. `options` is keyed like the command's parser options, so an option cannot be
 * added to arguments.ts without being documented here (the compiler refuses a missing key); the
 * common options are documented in `commonOptions`.
 */
export interface CommandHelp<T extends OptionTable = OptionTable> {
  /** Each form of the command line, without the leading `pathways `. */
  readonly synopsis: readonly string[];
  /** What it does, as lines of at most ~95 characters. */
  readonly summary: readonly string[];
  readonly options: { readonly [K in Exclude<keyof T, CommonOption>]: OptionHelp };
  readonly exits: readonly ExitHelp[];
  readonly example: { readonly text: string; readonly command: string };
  /** False for a command that reads no templates, so takes none of the common options. */
  readonly common?: false;
}

/** Exit 2, with what makes this command's input unusable besides what makes every command's. */
function unusable(...also: string[]): ExitHelp {
  const always = ['unusable input: a file cannot be read, is not UTF-8 text or is not JSON', 'the configuration or a plugin it lists cannot be loaded'];
  return { code: 2, brief: 'unusable input', detail: [...always, ...also, 'or wrong usage'].join('; ') };
}
const json = (what: string): OptionHelp => ({ text: `Print JSON instead of text: ${what}.` });

const validate: CommandHelp<typeof validateArgs.options> = {
  synopsis: ['validate <template.json> [--json]'],
  summary: [
    'Check a template and report every problem at once, each with its code, path and hint. Plugin nodes',
    'written for an earlier version of their node type are migrated, and each one is listed.',
  ],
  options: { json: json('{ file, valid, unusable, problems, migrations }') },
  exits: [
    { code: 0, brief: 'valid', detail: 'the template is valid (with its migrated plugin nodes, if any)' },
    { code: 1, brief: 'problems found' },
    unusable('JSON nested too deep'),
  ],
  example: { text: 'Check the national baseline:', command: 'pathways validate nz-national-baseline.json' },
};

const simulate: CommandHelp<typeof simulateArgs.options> = {
  synopsis: ['simulate <template.json> --scenario <scenario.json> [--inspect [--inspect-port <port>] | --inspect-url <ws-url>] [--json]'],
  summary: ['Run a scenario on the engine and print the trace (states, practice step, effects).'],
  options: {
    scenario: { value: '<scenario.json>', text: 'The scenario to run: its commands, clock advances and expectations (required).' },
    inspect: { text: "Send the run to Stately's inspector: starts a relay on 127.0.0.1 and prints the page to open; Ctrl-C stops it." },
    'inspect-port': { value: '<port>', text: 'The relay\'s port with --inspect (default 8080; 0 picks a free one).' },
    'inspect-url': { value: '<ws-url>', text: 'Send the run to a relay already running (another --inspect, or Stately\'s inspector server); unreachable is a warning.' },
    json: json('the whole report { title, passed, trace, failures, final }'),
  },
  exits: [
    { code: 0, brief: 'every expectation met' },
    { code: 1, brief: 'an expectation failed' },
    unusable('the inspector port is taken'),
  ],
  example: {
    text: 'Run a worked scenario on the national baseline:',
    command: 'pathways simulate nz-national-baseline.json --scenario escalation-to-high-risk.json',
  },
};

const check: CommandHelp<typeof checkArgs.options> = {
  synopsis: ['check <baseline.json> <variant.json>... [--json]'],
  summary: [
    'Check the last variant against the baseline resolved with the variants before it',
    '(e.g. baseline, regional, local): governance of every change, the resolved template, invariants.',
  ],
  options: { json: json('{ file, variant, against, ok, unusable, problems }') },
  exits: [
    { code: 0, brief: 'no problems' },
    { code: 1, brief: 'problems', detail: 'problems, including a checked variant that is not schema-valid' },
    unusable('a level above the checked variant cannot be resolved'),
  ],
  example: {
    text: 'Check a local variant against its region resolved on the baseline:',
    command: 'pathways check nz-national-baseline.json canterbury-regional.json rangiora-local.json',
  },
};

const resolve: CommandHelp<typeof resolveArgs.options> = {
  synopsis: ['resolve <baseline.json> <variant.json>... [--provenance] [--json]'],
  summary: ['Print the template a baseline and its variant chain resolve to, as JSON on stdout.'],
  options: {
    provenance: { text: 'Print { template, provenance }: which level and change each element comes from.' },
    json: json('problems too (the template is always JSON)'),
  },
  exits: [
    { code: 0, brief: 'resolved' },
    { code: 1, brief: 'the chain cannot be resolved' },
    unusable(),
  ],
  example: {
    text: 'Save the resolved Canterbury template, with provenance:',
    command: 'pathways resolve nz-national-baseline.json canterbury-regional.json --provenance > canterbury.json',
  },
};

const diff: CommandHelp<typeof diffArgs.options> = {
  synopsis: ['diff <template-a.json> <template-b.json> [--json]', 'diff <baseline.json> --variant <variant.json>... [--json]'],
  summary: ['Compare two templates, or a baseline with its resolved variant chain, element by element.'],
  options: {
    variant: { value: '<variant.json>...', text: 'Compare the baseline with what it resolves to with these variants, in order.' },
    json: json('{ from, to, entries }'),
  },
  exits: [
    { code: 0, brief: 'compared', detail: 'compared (differences are the answer, not problems)' },
    unusable('the chain cannot be resolved'),
  ],
  example: { text: 'What Canterbury changes in the national baseline:', command: 'pathways diff nz-national-baseline.json --variant canterbury-regional.json' },
};

const rebase: CommandHelp<typeof rebaseArgs.options> = {
  synopsis: ['rebase <variant.json> --from <old.json> --to <new.json> [--write <out.json>] [--json]'],
  summary: [
    'Re-apply a variant onto a new version of what it extends and report every change: applied,',
    'or a conflict with its reason and a suggested resolution.',
  ],
  options: {
    from: { value: '<old.json>', text: 'The exact version the variant extends now (required).' },
    to: { value: '<new.json>', text: 'The version to rebase onto (required).' },
    write: { value: '<out.json>', text: 'Save the rebased variant there, every change kept; on failure nothing is written.' },
    json: json('{ file, variant, from, to, conflicts, outcomes, written, rebased }'),
  },
  exits: [
    { code: 0, brief: 'no conflicts' },
    { code: 1, brief: 'conflicts' },
    unusable('--from is not what the variant extends', '--write failed (nothing is written)'),
  ],
  example: {
    text: 'Move Canterbury onto a proposed 2.0.0 and save the result:',
    command: 'pathways rebase canterbury-regional.json --from nz-national-baseline.json --to nz-national-baseline-2.0.0.json --write canterbury-2.0.0.json',
  },
};

const impact: CommandHelp<typeof impactArgs.options> = {
  synopsis: ['impact <proposed.json> --published <baseline.json>... --variants <folder-or-file>... [--json]'],
  summary: ['Rebase and check every variant on a proposed baseline version before it is published.'],
  options: {
    published: { value: '<baseline.json>...', text: 'Published versions the variants may extend (required).' },
    variants: { value: '<folder-or-file>...', text: "Variant files, and folders whose *.json files are read; other JSON is passed over (required)." },
    json: json('{ proposed, affected, variants, notAssessed, skipped, unusable, inputs }'),
  },
  exits: [
    { code: 0, brief: 'no variant affected' },
    { code: 1, brief: 'some affected', detail: 'some variants affected (conflicts, problems or an unknown base)' },
    unusable('any file among --variants is unusable'),
  ],
  example: {
    text: 'Which regional and local variants a proposed 2.0.0 would affect:',
    command: 'pathways impact nz-national-baseline-2.0.0.json --published nz-national-baseline.json --variants variants/',
  },
};

const plugin: CommandHelp<typeof pluginArgs.options> = {
  synopsis: ['plugin new <name> [--dir <folder>] [--scope <scope>] [--standalone] [--json]'],
  summary: [
    'Create a plugin package, pathways-plugin-<name>, that builds and passes its tests straight away:',
    'a definition (a node type, an event, a guard, an action, state, a work-item type), server-side',
    'handlers, a test on @pathways/testing with a tiny template, a README and a changeset. Inside a',
    'pnpm workspace with the Pathways packages it depends on them as workspace:*, elsewhere on the',
    'published ones.',
  ],
  options: {
    dir: { value: '<folder>', text: 'Where to create it: a new or empty folder (default ./<name>). Nothing is ever overwritten.' },
    scope: { value: '<scope>', text: 'Name the package @<scope>/pathways-plugin-<name>.' },
    standalone: { text: 'Depend on the published @pathways packages (^0.1.0) even inside the Pathways workspace.' },
    json: json('{ ok, plugin, package, folder, dependencies, workspace, files, next, notes }'),
  },
  exits: [
    { code: 0, brief: 'created', detail: 'created: every file is listed, then the commands to run next' },
    { code: 2, brief: 'nothing written', detail: 'nothing written: the folder is not empty, a file cannot be written, the name is not kebab-case, or wrong usage' },
  ],
  example: { text: 'Start a plugin among the examples of the Pathways repository:', command: 'pathways plugin new sanctuary-safety --dir examples/plugins/sanctuary-safety' },
  common: false,
};

/** Every command's help, in the order the overview lists them. */
export const commandHelp = { validate, simulate, check, resolve, diff, rebase, impact, plugin } as const satisfies Readonly<Record<string, CommandHelp>>;

/** A command of `pathways`; main.ts keys its implementations by the same names. */
export type CommandName = keyof typeof commandHelp;

const listNote = 'Options marked ... take every following argument up to the next option (-- ends the list).';

const lineWidth = 100;

/** Splits text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** `label  text` rows, the text wrapped under itself so the labels read down. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.flatMap(([label, text]) => wrap(text, lineWidth - width - 4).map((line, index) => `  ${(index === 0 ? label : '').padEnd(width)}  ${line}`));
}

function rows(options: Readonly<Record<string, OptionHelp>>): [string, string][] {
  return Object.entries(options).map(([name, option]): [string, string] => [`--${name}${option.value ? ` ${option.value}` : ''}`, option.text]);
}

/** `pathways <name> --help`: synopsis, what it does, every option, exit codes and an example. */
export function commandUsage(name: CommandName): string {
  const help: CommandHelp = commandHelp[name];
  const lines = [
    'Usage:',
    ...help.synopsis.map((form) => `  pathways ${form}`),
    '',
    ...help.summary,
    '',
    'Options:',
    ...table([...rows(help.options), ['-h, --help', 'Show this help.']]),
    ...(Object.values<OptionHelp>(help.options).some((option) => option.value?.endsWith('...')) ? ['', listNote] : []),
    ...(help.common === false ? [] : ['', 'Common options:', ...table(rows(commonOptions))]),
    '',
    'Exit codes:',
    ...table(help.exits.map((exit) => [String(exit.code), exit.detail ?? exit.brief])),
    '',
    'Example:',
    `  ${help.example.text}`,
    `  ${help.example.command}`,
  ];
  return `${lines.join('\n')}\n`;
}

function overview(): string {
  const lines = ['pathways — run and check family-violence response pathways', '', 'Usage:'];
  for (const help of Object.values<CommandHelp>(commandHelp)) {
    lines.push(...help.synopsis.map((form) => `  pathways ${form}`));
    lines.push(...help.summary.map((line) => `      ${line}`));
    lines.push(`      Exit ${help.exits.map((exit) => `${exit.code} ${exit.brief}`).join(', ')}.`);
  }
  lines.push('  pathways <command> --help', '      Show a command\'s options, exit codes and an example.', '  pathways --help | --version', '', listNote);
  lines.push('', 'Every command installs the plugins pathways.config.json lists: the nearest one in the working', 'folder or above it, or the one --config <pathways.config.json> names (plugin new reads none).');
  return `${lines.join('\n')}\n`;
}

/** The `pathways --help` text; also printed after a PWY_CLI_USAGE error that is not about one command. */
export const usage = overview();
