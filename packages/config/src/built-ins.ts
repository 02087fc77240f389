/**
 * The built-in plugins, by package name: installed wherever Pathways runs, unless a configuration
 * sets `"builtIns": false`. They are imported by name from @pathways/config (each is one of its
 * dependencies) and by the designer's build (`generateStaticImports`). This is the one list of
 * them; it is empty until the first built-in plugin package is published.
 */
export const builtInPlugins: readonly string[] = Object.freeze([]);
