import { main, type CliIo } from '@pathways/cli';
import { describe, expect, it } from 'vitest';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd() };
}

describe('the pathways command, in process', () => {
  it('prints usage with --help and exits 0', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('pathways simulate <template.json> --scenario <scenario.json>');
  });

  it("answers <command> --help with that command's usage, even when the rest of the line is wrong", async () => {
    for (const name of ['validate', 'simulate', 'check', 'resolve', 'diff', 'rebase', 'impact']) {
      const io = capture();
      expect(await main([name, '--frobnicate', '--help'], io)).toBe(0);
      const help = io.out.join('');
      expect(help).toMatch(new RegExp(`^Usage:\\n  pathways ${name} `));
      for (const section of ['Options:', '-h, --help', 'Exit codes:', 'Example:']) expect(help).toContain(section);
      expect(io.err).toEqual([]);
    }
  });

  it('refuses unknown commands and options with PWY_CLI_USAGE and exit 2', async () => {
    for (const argv of [['teleport'], ['validate'], ['validate', 'a.json', '--frobnicate'], ['validate', 'a.json', '--scenario', 's.json'], []]) {
      const io = capture();
      expect(await main(argv, io)).toBe(2);
      if (argv.length > 0) expect(io.err.join('')).toContain('PWY_CLI_USAGE');
    }
  });

  it('prints its version', async () => {
    const io = capture();
    expect(await main(['--version'], io, '9.9.9')).toBe(0);
    expect(io.out.join('')).toBe('9.9.9\n');
  });
});
