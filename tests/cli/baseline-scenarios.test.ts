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

describe('pathways simulate --config: an installation with the Danger Assessment weights configured', () => {
  const config = 'examples/licensed-installation/pathways.config.json';
  const scenario = 'examples/licensed-installation/scenarios/danger-assessment-each-level.json';

  it('passes with the installation options the configuration gives the risk tools', () => {
    const result = runCli(['simulate', '--config', config, baseline, '--scenario', scenario, '--json']);
    expect((JSON.parse(result.stdout) as { failures: unknown[] }).failures).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('fails without them: the tool then records the answers and gives no level', () => {
    const result = runCli(['simulate', baseline, '--scenario', scenario, '--json']);
    const report = JSON.parse(result.stdout) as { passed: boolean; failures: { message: string }[] };
    expect(report.passed).toBe(false);
    expect(report.failures.map((failure) => failure.message)).toContain('expected tier emerging, got none');
    expect(result.status).toBe(1);
  });
});
