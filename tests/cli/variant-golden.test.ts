import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// Golden files for the human output of the variant commands: each case's command line, exit code,
// stdout and stderr. Set UPDATE_GOLDEN=1 to rewrite them after an intended change, then read the
// diff: these files are what a regional hub sees. The folder also holds the fixture
// nz-national-baseline-2.0.0.json: a proposed baseline that locks firstContactHigh at PT24H and
// withdraws the local-services adjustment point, so rebase and impact have conflicts to show.
const folder = join(import.meta.dirname, 'golden', 'variants');
const baseline = 'packages/templates/baselines/nz-national-baseline.json';
const proposed = 'tests/cli/golden/variants/nz-national-baseline-2.0.0.json';
const update = process.env.UPDATE_GOLDEN === '1';

/**
 * The proposed 2.0.0, derived from the current baseline so the fixture differs from it only in the
 * ways the golden cases are about (and UPDATE_GOLDEN=1 rewrites it when the baseline changes).
 */
function proposedFrom(baselineText: string): string {
  type Template = Record<string, unknown> & { parameters: Record<string, Record<string, unknown>>; adjustmentPoints: { id: string }[] };
  const template = JSON.parse(baselineText) as Template;
  template.$schema = '../../../../packages/core/schema/pathway-template.schema.json';
  template.version = '2.0.0';
  template.description = `Fictional proposed 2.0.0, a fixture for the CLI golden tests: first contact for high risk is locked at 24 hours and the local-services adjustment point is withdrawn. ${String(template.description)}`;
  template.parameters.firstContactHigh = { ...template.parameters.firstContactHigh, value: 'PT24H', governance: { mode: 'locked', reason: 'First contact within 24 hours for high risk is now fixed nationally.' } };
  template.adjustmentPoints = template.adjustmentPoints.filter((point) => point.id !== 'local-services');
  return `${JSON.stringify(template, null, 2)}\n`;
}
const valid = (name: string) => `examples/variants/valid/${name}.json`;
const invalid = (name: string) => `examples/variants/invalid/${name}.json`;

const invalidExamples = readdirSync(join(repoRoot, 'examples', 'variants', 'invalid'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

/** Case name (the golden file's name) → the arguments of the run. */
const cases: Record<string, readonly string[]> = {
  // Local variants under Canterbury are checked against the resolved regional level.
  ...Object.fromEntries(
    invalidExamples.map((name) => [`check-${name}`, name === 'local-changes-regional-lock' ? ['check', baseline, valid('canterbury-regional'), invalid(name)] : ['check', baseline, invalid(name)]]),
  ),
  'check-canterbury-regional': ['check', baseline, valid('canterbury-regional')],
  'check-rangiora-local': ['check', baseline, valid('canterbury-regional'), valid('rangiora-local')],
  'check-rangiora-without-its-region': ['check', baseline, valid('rangiora-local')],
  'check-west-coast-rural': ['check', baseline, valid('west-coast-rural')],
  'diff-baseline-canterbury': ['diff', baseline, '--variant', valid('canterbury-regional')],
  'diff-baseline-2.0.0': ['diff', baseline, proposed],
  'rebase-canterbury-onto-2.0.0': ['rebase', valid('canterbury-regional'), '--from', baseline, '--to', proposed],
  'rebase-west-coast-onto-2.0.0': ['rebase', valid('west-coast-rural'), '--from', baseline, '--to', proposed],
  'impact-2.0.0-on-valid-variants': ['impact', proposed, '--published', baseline, '--variants', 'examples/variants/valid'],
};

describe('variant commands human output (golden files)', () => {
  // First, so every case below runs on a fixture that matches the current baseline.
  it('derives the proposed 2.0.0 fixture from the current baseline', () => {
    const expected = proposedFrom(readFileSync(join(repoRoot, baseline), 'utf8'));
    if (update) writeFileSync(join(repoRoot, proposed), expected);
    expect(readFileSync(join(repoRoot, proposed), 'utf8'), 'the baseline changed: rerun with UPDATE_GOLDEN=1 and review').toBe(expected);
  });

  it('covers every invalid example', () => expect(invalidExamples.length).toBeGreaterThanOrEqual(8));

  it('has no golden file without a case', () => {
    const stale = readdirSync(folder).filter((name) => name.endsWith('.txt') && !Object.hasOwn(cases, name.replace(/\.txt$/, '')));
    expect(stale).toEqual([]);
  });

  for (const [name, args] of Object.entries(cases)) {
    it(`matches ${name}.txt`, () => {
      const result = runCli(args);
      const actual = `$ pathways ${args.join(' ')}\nexit ${result.status}\n${result.stdout}${result.stderr}`;
      const goldenFile = join(folder, `${name}.txt`);
      if (update) writeFileSync(goldenFile, actual);
      expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
    });
  }
});
