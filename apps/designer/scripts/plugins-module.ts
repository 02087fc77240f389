// The text of src/generated/plugins.js: the static imports of the plugins the repository's
// examples/pathways.config.json installs, so the designer validates with the same plugins as the
// CLI. Shared by the script that writes the file and the test that checks it for drift.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStaticImports, pathwaysConfig } from '@pathways/config';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The configuration the designer's plugins come from. */
export const configPath = join(appDir, '..', '..', 'examples', 'pathways.config.json');

/** The generated module: committed, so typecheck and tests need no build first. */
export const pluginsModulePath = join(appDir, 'src', 'generated', 'plugins.js');

export async function pluginsModuleText(): Promise<string> {
  // Only the list of plugins is needed here: the browser loads and checks their definitions
  // (loadPlugins), so the build does not need the plugins built first.
  const parsed = pathwaysConfig.safeParse(JSON.parse(await readFile(configPath, 'utf8')));
  if (!parsed.success) throw new Error(`${configPath} is not a valid pathways.config.json: ${parsed.error.message}`);
  return generateStaticImports(parsed.data, { configDir: dirname(configPath), fromDir: dirname(pluginsModulePath) });
}
