import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@pathways/config';
import { engineVersion, validateTemplate } from '@pathways/core';
import { plainPluginSource, sanctuaryPluginSource, tempProject } from './temp-project.js';

// loadConfig with real plugin modules in a temporary project: each entry imported (a package by
// name from node_modules, a relative module or package folder), its definition checked by
// loadPlugins, and every problem located at its entry in the configuration file. Tests about the
// entries a file lists set "builtIns": false, so the plugins they see are exactly those; one test
// is about the built-ins.

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const project = tempProject();
beforeAll(() => {
  project.linkWorkspacePackages();
  project.write('plugins/sanctuary-safety/package.json', { name: '@fictional/sanctuary-safety', private: true, type: 'module', exports: { '.': { types: './plugin.d.ts', import: './plugin.js' } } });
  project.write('plugins/sanctuary-safety/plugin.js', sanctuaryPluginSource());
  project.write('plugins/housing.js', plainPluginSource('housing-scheme'));
  project.write('node_modules/@fictional/plugin-whanau-hui/package.json', { name: '@fictional/plugin-whanau-hui', version: '2.1.0', type: 'module', main: 'lib/index.js' });
  project.write('node_modules/@fictional/plugin-whanau-hui/lib/index.js', plainPluginSource('whanau-hui'));
});
afterAll(() => project.remove());

let written = 0;
/** Writes a configuration (in `folder`, below the project) and loads it. */
function load(config: unknown, folder = `case-${(written += 1)}`, options?: Parameters<typeof loadConfig>[1]) {
  return loadConfig(project.write(`${folder}/pathways.config.json`, config), options);
}
const located = (result: { problems: readonly { code: string; path: readonly (string | number)[] }[] }) => result.problems.map((p) => `${p.code} ${p.path.join('.')}`);

/**
 * The tiny example pathway with a home security assessment between assigning the lead agency and
 * the safety plan, written for version 1 of the plugin's node type.
 */
function templateWithPluginNode(): unknown {
  const json = JSON.parse(readFileSync(join(repoRoot, 'examples', 'tiny-pathway', 'tiny-pathway.json'), 'utf8')) as { nodes: object[]; transitions: { id: string; to: string }[] };
  json.nodes.push({ id: 'home-security', stage: 'allocation', type: 'sanctuary-safety/assessment', typeVersion: 1, label: { en: 'Home security assessment' }, config: { provider: 'Fictional Locks Ltd' } });
  json.transitions.find((t) => t.id === 'lead-assigned')!.to = 'home-security';
  json.transitions.push({ id: 'home-assessed', from: 'home-security', to: 'safety-plan', on: 'sanctuary-safety.assessed' } as { id: string; to: string });
  return json;
}

describe('loadConfig', () => {
  it('imports a package folder by relative path (its exports), a module file, and a package by name from node_modules', async () => {
    const result = await load({ plugins: ['../../plugins/sanctuary-safety', '../../plugins/housing.js', '@fictional/plugin-whanau-hui'], builtIns: false }, 'apps/server');
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.configPath).toBe(join(project.dir, 'apps', 'server', 'pathways.config.json'));
    expect(result.registry.versions).toEqual(['housing-scheme@2.1.0', 'sanctuary-safety@1.0.0', 'whanau-hui@2.1.0']);
    // In the order of the configuration, as the parser, compiler and engine take them.
    expect(result.plugins.map((plugin) => plugin.name)).toEqual(['sanctuary-safety', 'housing-scheme', 'whanau-hui']);
    expect(result.plugins[0]!.nodeTypes).toMatchObject([{ type: 'sanctuary-safety/assessment', versions: [1, 2] }]);
  });

  it('gives plugins the templates can be loaded with, migrating their nodes', async () => {
    const result = await load({ plugins: ['../plugins/sanctuary-safety'] });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const template = templateWithPluginNode();
    expect(validateTemplate(template).problems.map((p) => p.code)).toContain('PWY_PLUGIN_NODE_TYPE_UNKNOWN');
    const validated = validateTemplate(template, { plugins: result.plugins });
    expect(validated.problems).toEqual([]);
    expect(validated.ok && validated.migrations).toEqual([{ node: 'home-security', type: 'sanctuary-safety/assessment', from: 1, to: 2 }]);
    expect(validated.ok && validated.template.nodes.find((node) => node.id === 'home-security')).toMatchObject({ typeVersion: 2, config: { provider: 'Fictional Locks Ltd', urgent: false } });
  });

  it('takes the definition from the `plugin` export or the default export', async () => {
    project.write('defaults/sanctuary.js', sanctuaryPluginSource({ exportAs: 'default' }));
    const result = await load({ plugins: ['../defaults/sanctuary.js'], builtIns: false });
    expect(result.ok && result.registry.versions).toEqual(['sanctuary-safety@1.0.0']);
  });

  it('reports every entry it cannot import with PWY_PLUGIN_NOT_FOUND at the entry, naming what was tried', async () => {
    project.write('broken/no-export.js', 'export const helper = 1;\n');
    project.write('broken/throws.js', "throw new Error('the fictional scheme is closed');\n");
    project.write('broken/empty-folder/README.md', 'Nothing to import.\n');
    project.write('broken/unbuilt/package.json', { name: '@fictional/unbuilt', type: 'module', exports: { '.': { default: './dist/index.js' } } });
    const result = await load({ plugins: ['../plugins/housing.js', '../broken/nowhere', '@fictional/not-installed', '../broken/no-export.js', '../broken/throws.js', '../broken/empty-folder', '../broken/unbuilt'] });
    expect(located(result)).toEqual(['plugins.1', 'plugins.2', 'plugins.3', 'plugins.4', 'plugins.5', 'plugins.6'].map((path) => `PWY_PLUGIN_NOT_FOUND ${path}`));
    const [nowhere, notInstalled, noExport, throws, emptyFolder, unbuilt] = result.problems.map((p) => p.message);
    expect(nowhere).toBe(`Cannot import the plugin "../broken/nowhere": there is no file or folder ${join(project.dir, 'broken', 'nowhere')}.`);
    expect(notInstalled).toBe(`Cannot import the plugin "@fictional/not-installed": there is no folder node_modules/@fictional/not-installed in ${result.configPath?.replace('/pathways.config.json', '')} or any folder above it (is the package installed?).`);
    expect(noExport).toBe(`Cannot import the plugin "../broken/no-export.js": ${join(project.dir, 'broken', 'no-export.js')} exports neither \`plugin\` nor a default export (it exports helper).`);
    expect(throws).toContain(`importing ${join(project.dir, 'broken', 'throws.js')} failed: the fictional scheme is closed`);
    expect(emptyFolder).toContain(`${join(project.dir, 'broken', 'empty-folder')} is a folder, and neither its package.json (exports or main) nor index.js names a module; tried ${join(project.dir, 'broken', 'empty-folder', 'index.js')}`);
    expect(unbuilt).toContain(`exports "." as ./dist/index.js, but there is no file ${join(project.dir, 'broken', 'unbuilt', 'dist', 'index.js')} (is the package built?)`);
  });

  it("reports loadPlugins' problems at the entry that installed the plugin", async () => {
    project.write('ranges/future.js', sanctuaryPluginSource({ name: 'future-scheme', engine: '^9.0.0' }));
    project.write('ranges/bad-name.js', sanctuaryPluginSource({ name: 'Bad Name' }));
    project.write('ranges/housing-copy.js', plainPluginSource('housing-scheme'));
    const result = await load({ plugins: ['../plugins/housing.js', '../ranges/future.js', '../ranges/bad-name.js', '../ranges/housing-copy.js'] });
    expect(located(result).sort()).toEqual(['PWY_PLUGIN_DUPLICATE plugins.3', 'PWY_PLUGIN_ENGINE_RANGE plugins.1.engine', 'PWY_PLUGIN_INVALID plugins.2.name']);
    expect(result.problems.find((p) => p.code === 'PWY_PLUGIN_ENGINE_RANGE')?.message).toBe(`Plugin "future-scheme": it needs engine ^9.0.0, but this engine is ${engineVersion}.`);
    // The engine version is an option, for tools that check plugins against another engine (the
    // built-ins, which need this engine, are left out).
    expect((await load({ plugins: ['../ranges/future.js'], builtIns: false }, undefined, { engineVersion: '9.1.0' })).ok).toBe(true);
  });

  it('installs the built-in plugins first unless "builtIns" is false, and a built-in the file also lists once, from where it lists it', async () => {
    const byDefault = await load({ plugins: ['../plugins/housing.js'] });
    expect(byDefault.problems).toEqual([]);
    expect(byDefault.ok && byDefault.plugins.map((plugin) => plugin.name)).toEqual(['risk-tools', 'child-expertise', 'housing-scheme']);
    const without = await load({ plugins: ['../plugins/housing.js'], builtIns: false });
    expect(without.ok && without.plugins.map((plugin) => plugin.name)).toEqual(['housing-scheme']);
    // A project that installs another version of a built-in (here a fictional 2.1.0) and lists it
    // gets that one, in its place in the list, and no duplicate.
    project.write('newer/node_modules/@pathways/plugin-risk-tools/package.json', { name: '@pathways/plugin-risk-tools', version: '2.1.0', type: 'module', exports: './index.js' });
    project.write('newer/node_modules/@pathways/plugin-risk-tools/index.js', plainPluginSource('risk-tools'));
    const listed = await load({ plugins: ['../plugins/housing.js', '@pathways/plugin-risk-tools'] }, 'newer');
    expect(listed.problems).toEqual([]);
    expect(listed.ok && listed.plugins.map((plugin) => plugin.name)).toEqual(['child-expertise', 'housing-scheme', 'risk-tools']);
    expect(listed.ok && listed.registry.versions).toContain('risk-tools@2.1.0');
  });

  it('reads the file through the reader it is given', async () => {
    const read: string[] = [];
    const path = project.write('reader/pathways.config.json', { plugins: [] });
    const result = await loadConfig(path, { readText: async (file) => (read.push(file), { ok: true, text: '{ "plugins": ["../plugins/housing.js"], "builtIns": false }' }) });
    expect(read).toEqual([path]);
    expect(result).toMatchObject({ ok: true, config: { builtIns: false } });
    expect(result.ok && result.registry.versions).toEqual(['housing-scheme@2.1.0']);
  });
});
