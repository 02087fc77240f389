import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// The example third-party plugin (examples/plugins/sanctuary-safety, installed by
// examples/pathways.config.json) where a locality uses it: the fictional Christchurch local
// variant places its assessment at the local-services adjustment point, under Canterbury. The CLI
// imports the plugin's built dist/, as it imports any installed package.

const config = 'examples/pathways.config.json';
const chain = ['packages/templates/baselines/nz-national-baseline.json', 'examples/variants/valid/canterbury-regional.json', 'examples/variants/valid/christchurch-sanctuary.json'];
const scenarios = 'examples/plugins/sanctuary-safety/scenarios';

let folder = '';
let resolved = '';

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'examples', 'plugins', 'sanctuary-safety', 'dist', 'index.js'))) throw new Error('examples/plugins/sanctuary-safety/dist is missing: build first (pnpm build).');
  folder = mkdtempSync(join(tmpdir(), 'pathways-sanctuary-'));
  resolved = join(folder, 'christchurch.json');
  const result = runCli(['resolve', ...chain, '--config', config]);
  expect(result.stderr).toBe('');
  writeFileSync(resolved, result.stdout);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('pathways check with the example plugin', () => {
  it('passes the Christchurch variant against Canterbury on the baseline, with the plugin installed', () => {
    const result = runCli(['check', ...chain, '--config', config]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('examples/variants/valid/christchurch-sanctuary.json: nz-canterbury-christchurch@3.0.0 passes against nz-canterbury@3.0.0 (2 changes; resolved: 42 nodes, 69 transitions, 11 invariants hold)\n');
    expect(result.status).toBe(0);
  });

  it('refuses it without the configuration: the node type is unknown', () => {
    const result = runCli(['check', ...chain, '--json']);
    expect(result.status).toBe(1);
    const body = JSON.parse(result.stdout) as { ok: boolean; problems: { code: string; change: number | null; message: string }[] };
    expect(body.ok).toBe(false);
    expect(body.problems.map((p) => [p.code, p.change])).toEqual([['PWY_PLUGIN_NODE_TYPE_UNKNOWN', 0]]);
    expect(body.problems[0]!.message).toBe('No installed plugin provides the node type "sanctuary-safety/assessment".');
  });
});

describe('pathways simulate with the example plugin', () => {
  const files = readdirSync(join(repoRoot, scenarios)).filter((name) => name.endsWith('.json')).sort();

  it('runs every scenario of the plugin on the resolved Christchurch pathway', () => {
    expect(files).toEqual(['home-not-eligible.json', 'works-completed-without-alarm.json']);
    for (const file of files) {
      const result = runCli(['simulate', resolved, '--scenario', `${scenarios}/${file}`, '--config', config]);
      expect(result.stderr, file).toBe('');
      expect(result.stdout, file).toMatch(/\nPASS: every expectation met \(\d+ events\)\.\n$/);
      expect(result.status, file).toBe(0);
    }
  });

  it('shows the plugin at work: its guard refusing, its requests, its fact and its trigger', () => {
    const result = runCli(['simulate', resolved, '--scenario', `${scenarios}/works-completed-without-alarm.json`, '--config', config, '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { passed: boolean; trace: { event: string; refused?: { code: string }; effects: { type: string; request?: string; fact?: string; rule?: string }[] }[] };
    expect(report.passed).toBe(true);
    const effects = report.trace.flatMap((entry) => entry.effects);
    expect(effects.filter((e) => e.type === 'plugin.request').map((e) => e.request)).toEqual(['sanctuary-safety.book-visit', 'sanctuary-safety.order-works']);
    expect(effects.filter((e) => e.type === 'fact.recorded').map((e) => e.fact)).toEqual(['sanctuary-safety/worksCompletedAt']);
    expect(effects.filter((e) => e.type === 'escalation.raised').map((e) => e.rule)).toEqual(['chch/works-without-alarm']);
    const text = runCli(['simulate', resolved, '--scenario', `${scenarios}/works-completed-without-alarm.json`, '--config', config]).stdout;
    expect(text).toContain('REFUSED PWY_PLUGIN_REFUSED');
    expect(text).toContain("The security works need the victim-survivor's consent: record it first, or record the home as not eligible.");
  });
});
