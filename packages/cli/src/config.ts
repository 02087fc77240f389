import { relative, resolve } from 'node:path';
import { loadConfig } from '@pathways/config';
import type { LoadedPlugin } from '@pathways/core';
import { readTextFile, type CliIo } from './io.js';
import type { Loaded } from './load.js';

/** What every command takes besides its own options: the configuration that installs plugins. */
export interface ConfigOption {
  /** The pathways.config.json to read (as typed); the nearest one above the working folder when absent. */
  readonly config?: string | undefined;
}

/**
 * The plugins the configuration installs, for parsing templates and running them: the file
 * `--config` names, or the nearest pathways.config.json in the working folder or above it (with
 * none, only the built-in plugins). A configuration that cannot be loaded, or a plugin it lists
 * that cannot be imported or loaded, is unusable input, reported against the configuration file.
 */
export async function loadConfiguredPlugins(io: CliIo, options: ConfigOption): Promise<Loaded<readonly LoadedPlugin[]>> {
  const result = await loadConfig(options.config === undefined ? io.cwd : resolve(io.cwd, options.config), { readText: readTextFile });
  if (result.ok) return { ok: true, value: result.plugins };
  const file = options.config ?? (result.configPath === undefined ? 'built-in plugins' : relative(io.cwd, result.configPath));
  return { ok: false, unusable: true, failures: [{ file, problems: result.problems }] };
}
