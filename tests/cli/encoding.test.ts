import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// Every input file is read as UTF-8, strictly: invalid bytes are refused with PWY_INPUT_NOT_UTF8
// (exit 2) instead of becoming U+FFFD and validating. The fixtures are the tiny pathway saved three
// ways (tests/cli/derived-fixtures.ts); apart from the encoding each is a valid template.
const fixtures = 'tests/cli/fixtures/encoding';
const bom = `${fixtures}/tiny-pathway-bom.json`;
const latin1 = `${fixtures}/tiny-pathway-latin1.json`;
const utf16 = `${fixtures}/tiny-pathway-utf16.json`;
const baseline = 'packages/templates/baselines/nz-national-baseline.json';
const canterbury = 'examples/variants/valid/canterbury-regional.json';

interface JsonProblem {
  code: string;
  path: unknown[];
  message: string;
}

describe('input encoding', () => {
  it('accepts a UTF-8 byte-order mark at the start and drops it', () => {
    const result = runCli(['validate', bom]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${bom}: valid (tiny-pathway@0.1.0, 9 nodes)\n`);
  });

  it('refuses invalid UTF-8 with the file, the byte offset and the line of the first bad sequence', () => {
    const bytes = readFileSync(join(repoRoot, latin1));
    const offset = bytes.indexOf(0xe9);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    const result = runCli(['validate', latin1]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(`${latin1}: 1 problem\n\n  PWY_INPUT_NOT_UTF8 at (root)\n`);
    expect(result.stdout).toContain(`Cannot read ${join(repoRoot, latin1)}: it is not UTF-8 text; the first invalid byte sequence is at byte offset ${offset} (line ${line}, byte 0xE9).`);
    expect(result.stdout).toContain('hint: Save the file as UTF-8');
    const json = runCli(['validate', latin1, '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ file: latin1, valid: false, unusable: true, problems: [{ code: 'PWY_INPUT_NOT_UTF8', path: [] }] });
  });

  it('names UTF-16 as such', () => {
    const result = runCli(['validate', utf16, '--json']);
    expect(result.status).toBe(2);
    const body = JSON.parse(result.stdout) as { problems: JsonProblem[] };
    expect(body.problems.map((p) => p.code)).toEqual(['PWY_INPUT_NOT_UTF8']);
    expect(body.problems[0]?.message).toContain('it is UTF-16 text');
  });

  it('is the rule for every input of every command', () => {
    const runs: [readonly string[], string][] = [
      [['simulate', latin1, '--scenario', 'examples/tiny-pathway/scenarios/first-contact.json', '--json'], latin1],
      [['simulate', 'examples/tiny-pathway/tiny-pathway.json', '--scenario', utf16, '--json'], utf16],
      [['check', latin1, canterbury, '--json'], latin1],
      [['check', baseline, utf16, '--json'], utf16],
      [['resolve', baseline, latin1, '--json'], latin1],
      [['diff', baseline, utf16, '--json'], utf16],
      [['rebase', canterbury, '--from', baseline, '--to', latin1, '--json'], latin1],
      [['impact', utf16, '--published', baseline, '--variants', 'examples/variants/valid', '--json'], utf16],
      [['impact', baseline, '--published', baseline, '--variants', latin1, '--json'], latin1],
    ];
    for (const [args, file] of runs) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      const body = JSON.parse(result.stdout) as { file?: string; problems?: JsonProblem[]; inputs?: { file: string; problems: JsonProblem[] }[] };
      const reported = body.inputs ?? [{ file: body.file ?? '', problems: body.problems ?? [] }];
      expect(reported, args.join(' ')).toEqual([{ file, problems: [expect.objectContaining({ code: 'PWY_INPUT_NOT_UTF8' })] }]);
    }
  });
});
