import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposedFixture } from './derived-fixtures.js';
import { invalidExamples, variantCases, variantsFolder } from './golden-cases.js';
import { repoRoot } from './run-cli.js';

// Golden files for the human output of the variant commands: each case's command line, exit code,
// stdout and stderr. After an intended change, rewrite them with `pnpm golden:update` and read the
// diff: these files are what a regional hub sees. This test only reads. The folder also holds the
// fixture nz-national-baseline-4.0.0.json: a proposed baseline that locks firstContactHigh at PT24H
// and withdraws the local-services adjustment point, so rebase and impact have conflicts to show.
describe('variant commands human output (golden files)', () => {
  // First, so every case below runs on a fixture that matches the current baseline.
  it('derives the proposed 4.0.0 fixture from the current baseline', () => {
    const expected = Buffer.from(proposedFixture.derive()).toString('utf8');
    expect(readFileSync(join(repoRoot, proposedFixture.path), 'utf8'), 'the baseline changed: run pnpm golden:update and review').toBe(expected);
  });

  it('covers every invalid example', () => expect(invalidExamples.length).toBeGreaterThanOrEqual(8));

  it('has no golden file without a case', () => {
    const names = new Set(variantCases.map((golden) => golden.name));
    const stale = readdirSync(variantsFolder).filter((name) => name.endsWith('.txt') && !names.has(name.replace(/\.txt$/, '')));
    expect(stale).toEqual([]);
  });

  for (const golden of variantCases) {
    it(`matches ${golden.name}.txt`, () => {
      expect(golden.actual()).toBe(readFileSync(golden.file, 'utf8'));
    });
  }
});
