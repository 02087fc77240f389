import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPlugins, problem, readInput, type JsonPath, type LoadedPlugin, type PluginRegistry, type Problem } from '@pathways/core';
import { builtInPlugins } from './built-ins.js';
import { defaultConfig, isRelativeEntry, pathwaysConfig, type PathwaysConfig } from './config-schema.js';
import { findConfig } from './find-config.js';
import { readUtf8File, type ReadText } from './read-text.js';
import { resolvePackage, resolveRelative, type EntryResolution } from './resolve-entry.js';

/** Options for `loadConfig`. */
export interface LoadConfigOptions {
  /**
   * Reads the configuration file. By default strict UTF-8 with coded problems
   * (`PWY_INPUT_UNREADABLE`, `PWY_INPUT_NOT_UTF8`); the CLI passes its own reader.
   */
  readonly readText?: ReadText;
  /** The engine version plugins' `engine` ranges are checked against; this engine's by default. */
  readonly engineVersion?: string;
}

/** The outcome of loading a configuration: its plugins, loaded and checked, or every problem at once. */
export type LoadConfigResult =
  | {
      readonly ok: true;
      readonly config: PathwaysConfig;
      /** The file read (absolute), or undefined when none was found and the default applies. */
      readonly configPath: string | undefined;
      /** The installed plugins (built-ins first, then the configured ones in order), for parseTemplate, compile, createEngine and runScenario. */
      readonly plugins: readonly LoadedPlugin[];
      readonly registry: PluginRegistry;
      readonly problems: readonly [];
    }
  | {
      readonly ok: false;
      /** The file the problems are about (absolute), or undefined for the default configuration. */
      readonly configPath: string | undefined;
      /** Located in the configuration file: `plugins[i]` for an entry (and what its plugin defines below it). */
      readonly problems: readonly Problem[];
    };

/** One plugin to import: a configured entry, or a built-in package. */
interface Entry {
  readonly entry: string;
  readonly builtIn: boolean;
  /** Where the entry is in the configuration file. */
  readonly path: JsonPath;
}

type Imported = { readonly ok: true; readonly source: Entry; readonly definition: unknown } | { readonly ok: false; readonly problem: Problem };

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null;

function notFound(source: Entry, reason: string): Imported {
  const what = source.builtIn ? `the built-in plugin "${source.entry}"` : `the plugin "${source.entry}"`;
  return { ok: false, problem: problem('PWY_PLUGIN_NOT_FOUND', source.path, `Cannot import ${what}: ${reason}.`) };
}

/** Imports one entry's module and takes its definition (`plugin`, else `default`). */
async function importEntry(source: Entry, configDir: string): Promise<Imported> {
  let specifier = source.entry;
  let where = `"${source.entry}"`;
  if (!source.builtIn) {
    const resolution: EntryResolution = isRelativeEntry(source.entry) ? await resolveRelative(source.entry, configDir) : await resolvePackage(source.entry, configDir);
    if (!resolution.ok) return notFound(source, resolution.reason);
    specifier = pathToFileURL(resolution.file).href;
    where = resolution.file;
  }
  let module: unknown;
  try {
    // Built-ins are dependencies of this package, so they resolve from here by name.
    module = await import(specifier);
  } catch (error) {
    return notFound(source, `importing ${where} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const exported = isObject(module) ? module : {};
  const definition = exported.plugin ?? exported.default;
  if (definition === undefined) {
    const names = Object.keys(exported);
    return notFound(source, `${where} exports neither \`plugin\` nor a default export (it exports ${names.length > 0 ? names.join(', ') : 'nothing'})`);
  }
  return { ok: true, source, definition };
}

/**
 * Puts a problem `loadPlugins` reports about the definitions (`plugins[<index or name>]…`) at the
 * entry in the configuration file that installed the plugin. A plugin installed twice is reported
 * at its second entry.
 */
function locate(item: Problem, found: readonly Extract<Imported, { ok: true }>[]): Problem {
  const [root, key, ...rest] = item.path;
  if (root !== 'plugins' || key === undefined) return item;
  // A plugin's installation options are written under `options.<plugin>` in the file.
  if (typeof key === 'string' && rest[0] === 'options') return { ...item, path: ['options', key, ...rest.slice(1)] };
  let source: Entry | undefined;
  if (typeof key === 'number') {
    source = found[key]?.source;
  } else {
    const named = found.filter(({ definition }) => isObject(definition) && definition.name === key);
    source = (item.code === 'PWY_PLUGIN_DUPLICATE' && rest.length === 0 ? named.at(-1) : named[0])?.source;
  }
  if (!source) return item;
  // A built-in has no place of its own in the file: `builtIns` is what installs it.
  return { ...item, path: source.builtIn ? source.path : [...source.path, ...rest] };
}

/** Imports and loads the plugins a configuration installs; relative entries are resolved from `configDir`. */
async function install(config: PathwaysConfig, configPath: string | undefined, configDir: string, options: LoadConfigOptions): Promise<LoadConfigResult> {
  const entries: Entry[] = [
    // A built-in also listed under plugins is installed once, from where the configuration says.
    ...(config.builtIns ? builtInPlugins.filter((name) => !config.plugins.includes(name)).map((entry) => ({ entry, builtIn: true, path: ['builtIns'] })) : []),
    ...config.plugins.map((entry, index) => ({ entry, builtIn: false, path: ['plugins', index] })),
  ];
  const imported = await Promise.all(entries.map((entry) => importEntry(entry, configDir)));
  const problems = imported.flatMap((item) => (item.ok ? [] : [item.problem]));
  const found = imported.filter((item): item is Extract<Imported, { ok: true }> => item.ok);
  const loaded = loadPlugins(found.map((item) => item.definition), {
    options: config.options,
    ...(options.engineVersion === undefined ? {} : { engineVersion: options.engineVersion }),
  });
  if (!loaded.ok) problems.push(...loaded.problems.map((item) => locate(item, found)));
  if (!loaded.ok || problems.length > 0) return { ok: false, configPath, problems };
  return { ok: true, config, configPath, plugins: loaded.registry.plugins, registry: loaded.registry, problems: [] };
}

/**
 * Loads a Pathways configuration and the plugins it installs. `target` is a pathways.config.json
 * file, or a folder: then the nearest configuration in it or above it (`findConfig`) is loaded, and
 * where there is none, the default (the built-in plugins only). Each entry is imported (a package
 * by name from the configuration's folder, or a relative path), its definition taken from its
 * `plugin` or default export, and all of them checked by `loadPlugins`. Never throws on bad input:
 * every problem is returned at once, coded and located in the configuration file.
 */
export async function loadConfig(target: string, options: LoadConfigOptions = {}): Promise<LoadConfigResult> {
  const absolute = resolve(target);
  const info = await stat(absolute).catch(() => undefined);
  const configPath = info?.isDirectory() ? await findConfig(absolute) : absolute;
  if (configPath === undefined) return install(defaultConfig, undefined, absolute, options);
  const read = await (options.readText ?? readUtf8File)(configPath);
  if (!read.ok) return { ok: false, configPath, problems: [read.problem] };
  const parsed = readInput(read.text, pathwaysConfig, { schemaCode: 'PWY_CONFIG_INVALID' });
  if (!parsed.ok) {
    // The hints of the schema's own codes speak of templates; this file has its own.
    return { ok: false, configPath, problems: parsed.problems.map((item) => (item.code === 'PWY_CONFIG_INVALID' ? problem(item.code, item.path, item.message) : item)) };
  }
  return install(parsed.value, configPath, dirname(configPath), options);
}
