import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Golden files: each input beside its expected human output (first line: the exit code). Set
// UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
const folder = join(import.meta.dirname, 'golden', 'validate');
const inputs = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();

describe('pathways validate human output (golden files)', () => {
  it('has golden cases', () => expect(inputs.length).toBeGreaterThanOrEqual(5));

  for (const input of inputs) {
    it(`matches ${input.replace('.json', '.txt')}`, () => {
      const result = runCli(['validate', `tests/cli/golden/validate/${input}`]);
      const actual = `exit ${result.status}\n${result.stdout}${result.stderr}`;
      const goldenFile = join(folder, input.replace(/\.json$/, '.txt'));
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenFile, actual);
      expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
    });
  }
});
