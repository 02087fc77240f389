import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// The same scenario files the templates package runs in vitest, through the built CLI with --json.
const folder = join(repoRoot, 'packages', 'templates', 'scenarios');
const baseline = 'packages/templates/baselines/nz-national-baseline.json';

describe('pathways simulate --json on the NZ national baseline', () => {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    it(`${file}: every expectation met`, () => {
      const result = runCli(['simulate', baseline, '--scenario', `packages/templates/scenarios/${file}`, '--json']);
      const report = JSON.parse(result.stdout) as { passed: boolean; failures: unknown[] };
      expect(report.failures).toEqual([]);
      expect(report.passed).toBe(true);
      expect(result.status).toBe(0);
    });
  }
});

describe('pathways simulate on the NZ national baseline, human trace', () => {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    it(`${file}: passes, and no optional field prints as undefined`, () => {
      const result = runCli(['simulate', baseline, '--scenario', `packages/templates/scenarios/${file}`]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('PASS: every expectation met');
      expect(result.stdout).not.toContain('undefined');
    });
  }
});
