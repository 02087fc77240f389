import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Every command answers --help (and -h) with its own usage on stdout and exit 0, whatever else is
// on the line; the overview (pathways --help) lists the same synopses, from the same entries.
const commands = {
  validate: { options: ['--json'], exits: [0, 1, 2] },
  simulate: { options: ['--scenario <scenario.json>', '--inspect', '--inspect-port <port>', '--inspect-url <ws-url>', '--json'], exits: [0, 1, 2] },
  check: { options: ['--json'], exits: [0, 1, 2] },
  resolve: { options: ['--provenance', '--json'], exits: [0, 1, 2] },
  diff: { options: ['--variant <variant.json>...', '--json'], exits: [0, 2] },
  rebase: { options: ['--from <old.json>', '--to <new.json>', '--write <out.json>', '--json'], exits: [0, 1, 2] },
  impact: { options: ['--published <baseline.json>...', '--variants <folder-or-file>...', '--json'], exits: [0, 1, 2] },
  plugin: { options: ['--dir <folder>', '--scope <scope>', '--standalone', '--json'], exits: [0, 2] },
} as const;

/** The lines of one section of a help text, e.g. `Options:`, up to the blank line that ends it. */
function section(help: string, title: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(title);
  if (start === -1) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe('pathways <command> --help', () => {
  const overview = runCli(['--help']);

  for (const [name, expected] of Object.entries(commands)) {
    it(`${name}: its synopsis, every option, its exit codes and an example, on stdout with exit 0`, () => {
      const help = runCli([name, '--help']);
      expect(help.status).toBe(0);
      expect(help.stderr).toBe('');
      const synopsis = section(help.stdout, 'Usage:');
      expect(synopsis.length).toBeGreaterThan(0);
      for (const line of synopsis) expect(line).toMatch(new RegExp(`^  pathways ${name} `));
      const options = section(help.stdout, 'Options:');
      for (const option of [...expected.options, '-h, --help']) {
        const line = options.find((entry) => entry.startsWith(`  ${option} `));
        expect(line, `${name} --help documents ${option}`).toBeDefined();
        expect(line!.slice(option.length + 2).trim().length, `${option} says what it does`).toBeGreaterThan(10);
      }
      // Every option line is one of the expected ones (continuation lines start with spaces only).
      expect(options.filter((line) => line.startsWith('  -')).length).toBe(expected.options.length + 1);
      expect(section(help.stdout, 'Exit codes:').filter((line) => /^ {2}\d /.test(line)).map((line) => Number(line.trim()[0]))).toEqual(expected.exits);
      const example = section(help.stdout, 'Example:');
      expect(example.at(-1)).toMatch(new RegExp(`^  pathways ${name} `));
      // One source: the overview lists exactly the same synopsis lines.
      for (const line of synopsis) expect(overview.stdout.split('\n')).toContain(line);
    });

    it(`${name}: -h, and --help with missing or wrong arguments, print the same help`, () => {
      const help = runCli([name, '--help']).stdout;
      for (const args of [[name, '-h'], [name, '--no-such-option', '--help'], [name, 'no/such/file.json', '--json', '-h'], [name, '--json', '--help', '--json']]) {
        const result = runCli(args);
        expect(result.status, args.join(' ')).toBe(0);
        expect(result.stdout).toBe(help);
        expect(result.stderr).toBe('');
      }
      expect(runCli(['help', name]).stdout).toBe(help);
    });
  }

  it('the top-level --help stays the overview of every command', () => {
    expect(overview.status).toBe(0);
    for (const name of Object.keys(commands)) expect(overview.stdout).toContain(`\n  pathways ${name} `);
    expect(overview.stdout).toContain('pathways <command> --help');
    expect(overview.stdout).toContain('pathways --help | --version');
    expect(runCli(['-h']).stdout).toBe(overview.stdout);
  });

  it('after --, -h is a file name, not a request for help', () => {
    const result = runCli(['validate', '--', '-h']);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('PWY_INPUT_UNREADABLE');
  });

  it('a usage error is followed by the usage of the command it is about', () => {
    const result = runCli(['rebase', 'examples/variants/valid/canterbury-regional.json', '--from', 'a.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^PWY_CLI_USAGE: --to: .*\n\n/);
    expect(result.stderr).toContain(runCli(['rebase', '--help']).stdout);
  });
});
