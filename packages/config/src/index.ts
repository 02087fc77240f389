// The public API of @pathways/config (Node only). Everything a user may rely on is named here.

export { pathwaysConfig, pluginEntry, configFileName, defaultConfig, isRelativeEntry } from './config-schema.js';
export type { PathwaysConfig, PathwaysConfigInput } from './config-schema.js';
export { builtInPlugins } from './built-ins.js';
export { findConfig } from './find-config.js';
export { loadConfig } from './load-config.js';
export type { LoadConfigOptions, LoadConfigResult } from './load-config.js';
export type { ReadText } from './read-text.js';
export { generateStaticImports } from './static-imports.js';
export type { StaticImportsConfig, StaticImportsOptions } from './static-imports.js';
