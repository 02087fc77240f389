import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const template = 'examples/tiny-pathway/tiny-pathway.json';
const scenarioFile = 'examples/tiny-pathway/scenarios/first-contact.json';
const fixtures = 'tests/cli/fixtures/simulate';

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
    // The first-contact scenario expecting first-contact after step #1 (derived-fixtures.ts).
    const result = runCli(['simulate', template, '--scenario', `${fixtures}/first-contact-wrong-state.json`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('step #1: expected state [first-contact], got [triage]');
  });

  it('exits 2 with a coded problem for an unreadable or malformed scenario', () => {
    const missing = runCli(['simulate', template, '--scenario', 'no/such/file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('PWY_INPUT_UNREADABLE');
    const malformed = runCli(['simulate', template, '--scenario', `${fixtures}/truncated-scenario.json`]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('PWY_JSON_MALFORMED');
  });

  it('exits 2, naming the fault, when a scenario injects a failure into a guard the pathway does not have', () => {
    const result = runCli(['simulate', template, '--scenario', `${fixtures}/fault-in-missing-guard.json`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PWY_SCENARIO_INVALID at faults[0].guard');
    expect(result.stderr).toContain('No guard named "noSuchGuard" can fail');
  });

  it('refuses wrong usage with PWY_CLI_USAGE and exit 2', () => {
    const result = runCli(['simulate', template]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PWY_CLI_USAGE');
    expect(result.stderr).toContain('--scenario');
  });
});
