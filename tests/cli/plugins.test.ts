import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// pathways.config.json in the CLI: every command installs the plugins it lists. The fictional
// sanctuary-safety plugin (fixtures/plugins/sanctuary-safety) imports @pathways/core and zod by
// name, as a plugin does; it is copied with its configuration into a temporary project whose
// node_modules links them to this workspace's packages, as an installed project would have them.
// The templates and scenarios stay in the fixtures folder and are named as the user types them.

const fixtures = 'tests/cli/fixtures/plugins';
const template = `${fixtures}/tiny-sanctuary.json`;
const scenario = `${fixtures}/scenarios/through-home-security.json`;
const missingConfig = `${fixtures}/missing-plugin.config.json`;

let project = '';
let config = '';

beforeAll(() => {
  project = realpathSync(mkdtempSync(join(tmpdir(), 'pathways-cli-plugins-')));
  cpSync(join(repoRoot, fixtures, 'sanctuary-safety'), join(project, 'sanctuary-safety'), { recursive: true });
  cpSync(join(repoRoot, fixtures, 'pathways.config.json'), join(project, 'pathways.config.json'));
  const links = { '@pathways/core': join(repoRoot, 'packages', 'core'), zod: realpathSync(join(repoRoot, 'packages', 'core', 'node_modules', 'zod')) };
  for (const [name, target] of Object.entries(links)) {
    const link = join(project, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  config = join(project, 'pathways.config.json');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

interface JsonProblem {
  code: string;
  path: (string | number)[];
  message: string;
}

describe('--config in help', () => {
  it('every command documents it once, under Common options, and the overview says where the configuration comes from', () => {
    for (const name of ['validate', 'simulate', 'check', 'resolve', 'diff', 'rebase', 'impact']) {
      const help = runCli([name, '--help']).stdout;
      expect(help, name).toContain('\n\nCommon options:\n  --config <pathways.config.json>  The configuration listing the plugins to install.');
      expect(help, name).toContain('the configuration or a\n     plugin it lists cannot be loaded');
    }
    expect(runCli(['--help']).stdout).toContain('Every command installs the plugins pathways.config.json lists');
  });
});

describe('pathways validate --config', () => {
  it('validates a template with a plugin node written for an older version, and names each migrated node', () => {
    const result = runCli(['validate', template, '--config', config]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${template}: valid (tiny-sanctuary@0.1.0, 10 nodes)\nmigrated home-security (sanctuary-safety/assessment) from version 1 to 2\n`);
  });

  it('lists the migrations with --json', () => {
    const result = runCli(['validate', template, '--config', config, '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      file: template,
      valid: true,
      unusable: false,
      problems: [],
      migrations: [{ node: 'home-security', type: 'sanctuary-safety/assessment', from: 1, to: 2 }],
    });
    // A template without plugin nodes has none.
    expect(JSON.parse(runCli(['validate', 'examples/tiny-pathway/tiny-pathway.json', '--json']).stdout)).toMatchObject({ valid: true, migrations: [] });
  });

  it('without the configuration, the plugin node type is unknown (no pathways.config.json above the working folder)', () => {
    const result = runCli(['validate', template]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('PWY_PLUGIN_NODE_TYPE_UNKNOWN at nodes[5].type');
  });
});

describe('a configuration that cannot be used', () => {
  it('a plugin that cannot be imported is unusable input (exit 2): PWY_PLUGIN_NOT_FOUND at its entry, naming what was tried', () => {
    const result = runCli(['validate', 'examples/tiny-pathway/tiny-pathway.json', '--config', missingConfig]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(`${missingConfig}: 2 problems\n\n  PWY_PLUGIN_NOT_FOUND at plugins[0]\n`);
    expect(result.stdout).toContain(`Cannot import the plugin "./no-such-plugin": there is no file or folder ${join(repoRoot, fixtures, 'no-such-plugin')}.`);
    expect(result.stdout).toContain('PWY_PLUGIN_NOT_FOUND at plugins[1]');
    expect(result.stdout).toContain(`Cannot import the plugin "@fictional/no-such-package": there is no folder node_modules/@fictional/no-such-package in ${join(repoRoot, fixtures)} or any folder above it (is the package installed?).`);
    expect(result.stdout).toContain('hint: Install the package (pnpm add <name>) or correct the path in pathways.config.json');
    const json = runCli(['validate', 'examples/tiny-pathway/tiny-pathway.json', '--config', missingConfig, '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ file: missingConfig, valid: false, unusable: true, migrations: [], problems: [{ code: 'PWY_PLUGIN_NOT_FOUND', path: ['plugins', 0] }, { code: 'PWY_PLUGIN_NOT_FOUND', path: ['plugins', 1] }] });
  });

  it('is the rule for every command, before any other input is read', () => {
    const baseline = 'packages/templates/baselines/nz-national-baseline.json';
    const canterbury = 'examples/variants/valid/canterbury-regional.json';
    const runs: readonly (readonly string[])[] = [
      ['simulate', 'examples/tiny-pathway/tiny-pathway.json', '--scenario', 'examples/tiny-pathway/scenarios/first-contact.json'],
      ['check', baseline, canterbury],
      ['resolve', baseline, canterbury],
      ['diff', baseline, '--variant', canterbury],
      ['rebase', canterbury, '--from', baseline, '--to', baseline],
      ['impact', baseline, '--published', baseline, '--variants', 'examples/variants/valid'],
    ];
    for (const args of runs) {
      const result = runCli([...args, '--config', missingConfig, '--json']);
      expect(result.status, args[0]).toBe(2);
      const body = JSON.parse(result.stdout) as { file?: string; problems?: JsonProblem[]; inputs?: { file: string; problems: JsonProblem[] }[] };
      const reported = body.inputs ?? [{ file: body.file ?? '', problems: body.problems ?? [] }];
      expect(reported.map((input) => [input.file, input.problems.map((p) => p.code)]), args[0]).toEqual([[missingConfig, ['PWY_PLUGIN_NOT_FOUND', 'PWY_PLUGIN_NOT_FOUND']]]);
      // Text goes to stderr for these commands, as their other input problems do.
      const text = runCli([...args, '--config', missingConfig]);
      expect(text.status, args[0]).toBe(2);
      expect(text.stderr, args[0]).toContain(`${missingConfig}: 2 problems`);
    }
  });

  it('an invalid, missing or inconsistent configuration is unusable input with coded, located problems', () => {
    const invalid = runCli(['validate', template, '--config', `${fixtures}/invalid.config.json`]);
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toContain('PWY_CONFIG_INVALID at plugins[0]');
    expect(invalid.stdout).toContain('PWY_CONFIG_INVALID at builtins');
    const missing = runCli(['validate', template, '--config', `${fixtures}/no-such.config.json`]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain(`Cannot read ${join(repoRoot, fixtures, 'no-such.config.json')}: no such file.`);
    // The same plugin installed through two entries: loadPlugins' problem, at the second entry.
    const twice = join(project, 'twice.config.json');
    writeFileSync(twice, JSON.stringify({ plugins: ['./sanctuary-safety', './sanctuary-safety/plugin.js'] }));
    const duplicate = runCli(['validate', template, '--config', twice]);
    expect(duplicate.status).toBe(2);
    expect(duplicate.stdout).toContain('PWY_PLUGIN_DUPLICATE at plugins[1]');
    expect(duplicate.stdout).toContain('Plugin "sanctuary-safety": it is installed twice; install each plugin once.');
  });
});

describe('pathways simulate --config', () => {
  it('runs a scenario through the plugin node: its work item, its request, its guard', () => {
    const result = runCli(['simulate', template, '--scenario', scenario, '--config', config]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('REFUSED PWY_PLUGIN_REFUSED');
    expect(result.stdout).toContain('PASS: every expectation met');
    const json = runCli(['simulate', template, '--scenario', scenario, '--config', config, '--json']);
    const report = JSON.parse(json.stdout) as { passed: boolean; trace: { event: string; effects: { type: string; plugin?: string }[] }[] };
    expect(report.passed).toBe(true);
    expect(report.trace.flatMap((entry) => entry.effects).filter((effect) => effect.type === 'plugin.request')).toMatchObject([{ plugin: 'sanctuary-safety@1.0.0', request: 'sanctuary-safety.book-visit' }]);
  });
});
