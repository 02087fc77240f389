import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig, findConfig, loadConfig } from '@pathways/config';
import { tempProject } from './temp-project.js';

// findConfig walks up from a folder to the nearest pathways.config.json; loadConfig given a
// folder loads that one, or the default configuration when there is none.

const project = tempProject();
afterAll(() => project.remove());

describe('findConfig', () => {
  it('finds the configuration in the folder itself, or the nearest one above it', async () => {
    const outer = project.write('pathways.config.json', { plugins: [] });
    const inner = project.write('regions/canterbury/pathways.config.json', { plugins: [] });
    const deep = join(project.dir, 'regions', 'canterbury', 'templates', 'local');
    mkdirSync(deep, { recursive: true });
    expect(await findConfig(join(project.dir, 'regions', 'canterbury'))).toBe(inner);
    expect(await findConfig(deep)).toBe(inner);
    mkdirSync(join(project.dir, 'regions', 'west-coast'), { recursive: true });
    expect(await findConfig(join(project.dir, 'regions', 'west-coast'))).toBe(outer);
  });

  it('passes over a folder named pathways.config.json, and stops at the file-system root with nothing found', async () => {
    const bare = tempProject();
    try {
      mkdirSync(join(bare.dir, 'a', 'pathways.config.json'), { recursive: true });
      // Assumes no pathways.config.json in the temporary folder or above it, as on any clean machine.
      expect(await findConfig(join(bare.dir, 'a'))).toBeUndefined();
      const loaded = await loadConfig(join(bare.dir, 'a'));
      expect(loaded).toMatchObject({ ok: true, config: defaultConfig, configPath: undefined, problems: [] });
      // With no file, the built-in plugins only: imported from @pathways/config's own dependencies,
      // since this project installs nothing.
      expect(loaded.ok && loaded.plugins.map((plugin) => plugin.name)).toEqual(['risk-tools', 'child-expertise']);
    } finally {
      bare.remove();
    }
  });

  it('loadConfig on a folder loads the configuration findConfig finds, entries relative to that file', async () => {
    project.write('shared/plugins/housing.js', "export const plugin = { name: 'housing-scheme', version: '1.0.0', engine: '^0.1.0', label: { en: 'Fictional housing scheme' } };\n");
    // Without the built-ins, the plugins loaded are the ones this file lists and nothing else.
    const path = project.write('shared/pathways.config.json', { plugins: ['./plugins/housing.js'], builtIns: false });
    const start = join(project.dir, 'shared', 'templates');
    mkdirSync(start, { recursive: true });
    const loaded = await loadConfig(start);
    expect(loaded.problems).toEqual([]);
    expect(loaded).toMatchObject({ ok: true, configPath: path, config: { plugins: ['./plugins/housing.js'], builtIns: false } });
    expect(loaded.ok && loaded.registry.versions).toEqual(['housing-scheme@1.0.0']);
  });
});
