import { expect, test } from 'vitest';
import { installedPlugins } from '../src/installed-plugins.js';

test('the designer loads the built-in plugins, then the configured example plugin', () => {
  expect(installedPlugins.problems).toEqual([]);
  expect(installedPlugins.ok && installedPlugins.registry.plugins.map((plugin) => plugin.name)).toEqual(['risk-tools', 'child-expertise', 'sanctuary-safety']);
});
