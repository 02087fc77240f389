import { z } from 'zod';

/** The name of the configuration file, looked for in a folder and the folders above it. */
export const configFileName = 'pathways.config.json';

// A package name as npm spells it (optionally scoped), or a path that starts with ./ or ../.
const packageName = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const relativePath = /^\.\.?\/./;

/** Whether a plugin entry is a path relative to the configuration file (rather than a package name). */
export function isRelativeEntry(entry: string): boolean {
  return relativePath.test(entry);
}

/**
 * One installed plugin: a package name, resolved from the configuration file's folder the way Node
 * resolves packages (its `node_modules`, then those above), or a path relative to the
 * configuration file, to a module or to a package folder (its package.json `exports` or `main`).
 * The module exports the plugin definition as `default` or as `plugin`.
 *
 * @example "@pathways/plugin-risk-tools"
 * @example "./examples/plugins/sanctuary-safety"
 */
export const pluginEntry = z
  .string()
  .regex(new RegExp(`${packageName.source}|${relativePath.source}`), {
    error: 'is neither a package name (such as @pathways/plugin-risk-tools) nor a path relative to this file that starts with ./ or ../ (such as ./plugins/sanctuary-safety)',
  })
  .describe('A package name (such as @pathways/plugin-risk-tools), or a path relative to this file that starts with ./ or ../, to a module or a package folder. The module exports the plugin definition as `default` or as `plugin`.');

/**
 * `pathways.config.json`: the plugins an installation uses. The CLI reads the nearest one (or the
 * one `--config` names); the server and the designer's build read the same file, so every tool
 * runs templates with the same plugins.
 */
export const pathwaysConfig = z
  .strictObject({
    /** The JSON Schema of this file, for editors. */
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors (node_modules/@pathways/config/schema/pathways-config.schema.json).'),
    /** The plugins to install besides the built-in ones, loaded in this order. Each is listed once. */
    plugins: z
      .array(pluginEntry)
      .superRefine((entries, ctx) => {
        entries.forEach((entry, index) => {
          const first = entries.indexOf(entry);
          if (first !== index) ctx.addIssue({ code: 'custom', path: [index], message: `is already listed at plugins[${first}]; list each plugin once` });
        });
      })
      .describe('The plugins to install besides the built-in ones, in order: package names or paths relative to this file. Each is listed once.'),
    /**
     * Whether the built-in plugins (`builtInPlugins`) are installed too.
     * @default true
     */
    builtIns: z.boolean().default(true).describe('Whether the built-in plugins are installed too (true by default).'),
    /**
     * Installation options, by plugin name (the `name` in its definition): what differs per
     * installation rather than per pathway, such as a licensed instrument's item weights. Each
     * plugin checks its own against its options schema.
     */
    options: z
      .record(z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: 'must be a plugin name such as risk-tools' }), z.record(z.string(), z.unknown()))
      .default({})
      .describe('Installation options by plugin name (the name in its definition), e.g. licensed item weights; each plugin checks its own.'),
  })
  .describe('The plugins a Pathways installation uses.');

/** A configuration as read: `builtIns` defaulted. */
export type PathwaysConfig = Readonly<Omit<z.output<typeof pathwaysConfig>, 'plugins'>> & { readonly plugins: readonly string[] };

/** A configuration as written in the file. */
export type PathwaysConfigInput = z.input<typeof pathwaysConfig>;

/** The configuration used where there is no pathways.config.json: the built-in plugins only. */
export const defaultConfig: PathwaysConfig = Object.freeze({ plugins: Object.freeze([]), builtIns: true, options: Object.freeze({}) });
