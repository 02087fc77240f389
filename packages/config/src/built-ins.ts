/**
 * The built-in plugins, by package name: installed wherever Pathways runs, in this order and before
 * the configured plugins, unless a configuration sets `"builtIns": false`. `loadConfig` imports them
 * by name from @pathways/config (each is one of its dependencies), so a project need not install
 * them; the module `generateStaticImports` writes imports them by name too, so a bundled build
 * (the designer's) must be able to resolve them from where that module is. This is the one list of
 * them.
 */
export const builtInPlugins: readonly string[] = Object.freeze(['@pathways/plugin-risk-tools', '@pathways/plugin-child-expertise']);
