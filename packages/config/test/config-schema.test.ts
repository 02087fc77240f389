import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInPlugins, defaultConfig, loadConfig, pathwaysConfig } from '@pathways/config';
import { catalogueEntry } from '@pathways/core';
import { tempProject } from './temp-project.js';

// The schema of pathways.config.json, through the file as loadConfig reads it: every problem at
// once, coded PWY_CONFIG_INVALID at its JSON path, with the configuration's own hint.

const project = tempProject();
afterAll(() => project.remove());

let written = 0;
/** Loads a configuration file holding `content`, and lists its problems as `code path`. */
async function problemsOf(content: unknown): Promise<string[]> {
  const result = await loadConfig(project.write(`case-${(written += 1)}/pathways.config.json`, content));
  return result.problems.map((p) => `${p.code} ${p.path.join('.')}`);
}

describe('pathways.config.json', () => {
  it('accepts package names and paths relative to the file, with $schema, and installs built-ins by default', () => {
    const parsed = pathwaysConfig.parse({
      $schema: './node_modules/@pathways/config/schema/pathways-config.schema.json',
      plugins: ['@pathways/plugin-risk-tools', 'housing-scheme', './examples/plugins/sanctuary-safety', '../shared/plugins/whanau-hui.js'],
    });
    expect(parsed.builtIns).toBe(true);
    expect(pathwaysConfig.parse({ plugins: [], builtIns: false }).builtIns).toBe(false);
    expect(defaultConfig).toEqual({ plugins: [], builtIns: true, options: {} });
    expect(pathwaysConfig.parse({ plugins: [], options: { 'risk-tools': { weights: { a: 1 } } } }).options).toEqual({ 'risk-tools': { weights: { a: 1 } } });
    expect(pathwaysConfig.safeParse({ plugins: [], options: { 'Risk Tools': {} } }).success).toBe(false);
    // The plugins Pathways ships itself, installed unless "builtIns": false (load-config.test.ts loads them).
    expect(builtInPlugins).toEqual(['@pathways/plugin-risk-tools', '@pathways/plugin-child-expertise']);
  });

  it('refuses unknown keys, wrong types and a missing plugins list, each at its path', async () => {
    expect(await problemsOf({ plugins: [], plugin: ['./x'], extends: 'base' })).toEqual(['PWY_CONFIG_INVALID plugin', 'PWY_CONFIG_INVALID extends']);
    expect(await problemsOf({})).toEqual(['PWY_CONFIG_INVALID plugins']);
    expect(await problemsOf({ plugins: './plugins/sanctuary-safety' })).toEqual(['PWY_CONFIG_INVALID plugins']);
    expect(await problemsOf({ plugins: ['./a', 42, null] })).toEqual(['PWY_CONFIG_INVALID plugins.1', 'PWY_CONFIG_INVALID plugins.2']);
    expect(await problemsOf({ plugins: [], builtIns: 'no' })).toEqual(['PWY_CONFIG_INVALID builtIns']);
    expect(await problemsOf(['./a'])).toEqual(['PWY_CONFIG_INVALID ']);
  });

  it('refuses an entry that is neither a package name nor a path starting with ./ or ../, and one listed twice', async () => {
    expect(await problemsOf({ plugins: ['/opt/plugins/sanctuary.js', 'Housing Scheme', 'plugins/sanctuary-safety', '.\\plugins\\x', '@pathways/plugin-risk-tools'] })).toEqual([
      'PWY_CONFIG_INVALID plugins.0',
      'PWY_CONFIG_INVALID plugins.1',
      'PWY_CONFIG_INVALID plugins.2',
      'PWY_CONFIG_INVALID plugins.3',
    ]);
    expect(await problemsOf({ plugins: ['./plugins/a', 'housing-scheme', './plugins/a'] })).toEqual(['PWY_CONFIG_INVALID plugins.2']);
  });

  it('says what is wrong in plain words, with the configuration hint', async () => {
    const result = await loadConfig(project.write('messages/pathways.config.json', { plugins: ['plugins/sanctuary-safety', './a', './a'], plugin: [] }));
    expect(result.problems.map((p) => p.message)).toEqual([
      'The text "plugins/sanctuary-safety" is neither a package name (such as @pathways/plugin-risk-tools) nor a path relative to this file that starts with ./ or ../ (such as ./plugins/sanctuary-safety).',
      'The text "./a" is already listed at plugins[1]; list each plugin once.',
      '"plugin" is not a field of this element.',
    ]);
    for (const item of result.problems) expect(item.hint).toBe(catalogueEntry('PWY_CONFIG_INVALID').hint);
  });

  it('reads the file as the CLI reads its inputs: unreadable, not UTF-8, not JSON or hostile is refused with their codes', async () => {
    const missing = `${project.dir}/nowhere/pathways.config.json`;
    const unreadable = await loadConfig(missing);
    expect(unreadable).toMatchObject({ ok: false, configPath: missing, problems: [{ code: 'PWY_INPUT_UNREADABLE', path: [], message: `Cannot read ${missing}: no such file.` }] });
    const latin1 = project.write('latin1/pathways.config.json', '');
    writeFileSync(latin1, Buffer.from('{ "plugins": ["./k\xe4ufer"] }', 'latin1'));
    expect((await loadConfig(latin1)).problems).toMatchObject([{ code: 'PWY_INPUT_NOT_UTF8', message: `Cannot read ${latin1}: it is not UTF-8 text.` }]);
    expect(await problemsOf('{ "plugins": [ "./a", ] }')).toEqual(['PWY_JSON_MALFORMED ']);
    expect(await problemsOf('')).toEqual(['PWY_JSON_MALFORMED ']);
    expect(await problemsOf('{ "plugins": [], "__proto__": { "builtIns": false } }')).toEqual(['PWY_JSON_FORBIDDEN_KEY __proto__']);
    // A UTF-8 byte-order mark is dropped.
    const bom = project.write('bom/pathways.config.json', '\ufeff{ "plugins": [] }');
    expect((await loadConfig(bom)).ok).toBe(true);
  });
});
