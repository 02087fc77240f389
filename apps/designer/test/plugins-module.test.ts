import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { pluginsModulePath, pluginsModuleText } from '../scripts/plugins-module.js';

test('src/generated/plugins.js is what examples/pathways.config.json generates', async () => {
  const committed = await readFile(pluginsModulePath, 'utf8');
  expect(committed, 'src/generated/plugins.js is out of date: run `pnpm --filter @pathways/designer-app generate`').toBe(await pluginsModuleText());
});
