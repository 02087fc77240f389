// Writes src/generated/plugins.js (run by `build` before `vite build`). Writes only when the text
// changed, so an up-to-date file keeps its timestamp and the build stays fresh for the tests.
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { pluginsModulePath, pluginsModuleText } from './plugins-module.js';

const text = await pluginsModuleText();
const current = await readFile(pluginsModulePath, 'utf8').catch(() => undefined);
if (current !== text) {
  await writeFile(pluginsModulePath, text);
  console.log(`wrote ${relative(process.cwd(), pluginsModulePath)}`);
}
