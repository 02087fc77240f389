import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseTemplate } from '@pathways/core';
import { expect, test } from 'vitest';
import { installedPlugins } from '../src/installed-plugins.js';
import { library } from '../src/library.js';

const require = createRequire(import.meta.url);
const folderOf = (packageName: string, folder: string) => join(dirname(require.resolve(`${packageName}/package.json`)), folder);
const jsonFilesIn = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
const namesIn = (group: string) => library.filter((file) => file.group === group).map((file) => file.name);

test('the library offers every published national baseline, the one in force first', async () => {
  expect([...namesIn('National baseline')].sort()).toEqual(await jsonFilesIn(folderOf('@pathways/templates', 'baselines')));
  expect(library[0]?.name).toBe('nz-national-baseline.json');
  expect(JSON.parse(library[0]!.text)).toMatchObject({ id: 'nz-national-baseline', version: '3.0.0' });
});

test('the library offers every valid example variant', async () => {
  expect([...namesIn('Example variants')].sort()).toEqual(await jsonFilesIn(folderOf('@pathways/variant-examples', 'valid')));
});

test('every baseline in the library reads without problems with the designer\'s plugins', () => {
  const plugins = installedPlugins.ok ? installedPlugins.registry.plugins : [];
  for (const file of library.filter((entry) => entry.group === 'National baseline')) {
    expect(parseTemplate(file.text, { plugins }).problems, file.name).toEqual([]);
  }
});

test('every file in the library has its own name and is JSON', () => {
  for (const file of library) expect(() => JSON.parse(file.text), file.name).not.toThrow();
  expect(new Set(library.map((file) => file.name)).size).toBe(library.length);
});
