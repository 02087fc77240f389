import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const template = 'examples/tiny-pathway/tiny-pathway.json';
const scenarioFile = 'examples/tiny-pathway/scenarios/first-contact.json';

describe('pathways simulate', () => {
  it('prints the trace with states, steps and effects and exits 0 when every expectation holds', () => {
    const result = runCli(['simulate', template, '--scenario', scenarioFile]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('referral.received  →  response: triage');
    expect(result.stdout).toContain('REFUSED PWY_COMMAND_STALE');
    expect(result.stdout).toContain('timer case-0001:5:3 (wait) in P5W, due 2026-04-08 10:00 +12:00');
    expect(result.stdout).toContain('PASS: every expectation met');
  });

  it('prints the same run as JSON with --json', () => {
    const result = runCli(['simulate', template, '--scenario', scenarioFile, '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { passed: boolean; trace: { event: string; steps: string[] }[]; final: { status: string } };
    expect(report.passed).toBe(true);
    expect(report.final.status).toBe('closed');
    expect(report.trace.map((entry) => entry.event)).toContain('timer.fired');
    expect(report.trace.find((entry) => entry.event === 'contact.made')?.steps).toEqual(['allocation']);
  });

  it('exits 1 and names the step when an expectation fails', () => {
    const scenario = JSON.parse(readFileSync(join(repoRoot, scenarioFile), 'utf8')) as { steps: { expect?: { state?: string } }[] };
    scenario.steps[0]!.expect = { state: 'first-contact' };
    const dir = mkdtempSync(join(tmpdir(), 'pathways-'));
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify(scenario));
    const result = runCli(['simulate', template, '--scenario', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('step #1: expected state [first-contact], got [triage]');
  });

  it('exits 2 with a coded problem for an unreadable or malformed scenario', () => {
    const missing = runCli(['simulate', template, '--scenario', 'no/such/file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('PWY_INPUT_UNREADABLE');
    const dir = mkdtempSync(join(tmpdir(), 'pathways-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "title": "x", "case": ');
    const malformed = runCli(['simulate', template, '--scenario', file]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('PWY_JSON_MALFORMED');
  });

  it('refuses wrong usage with PWY_CLI_USAGE and exit 2', () => {
    const result = runCli(['simulate', template]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PWY_CLI_USAGE');
    expect(result.stderr).toContain('--scenario');
  });
});
