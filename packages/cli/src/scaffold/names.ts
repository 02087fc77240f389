// The names a new plugin is scaffolded with, and the checks on what the user typed. The rule for
// plugin names is the engine's (loadPlugins refuses anything else), so a scaffold always loads.

/** The names every generated file uses. */
export interface ScaffoldNames {
  /** The plugin's name, kebab-case: `home-visits`. */
  readonly name: string;
  /** Its label in plain words: `Home visits`. */
  readonly title: string;
  /** The npm package: `pathways-plugin-home-visits`, or `@scope/pathways-plugin-home-visits`. */
  readonly packageName: string;
}

const pluginName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const scopeName = /^[a-z0-9][a-z0-9._-]*$/;
export const maxNameLength = 50;

/** A kebab-case name close to what was typed, for the message; undefined when there is none. */
function suggestion(typed: string): string | undefined {
  const kebab = typed
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxNameLength)
    .replace(/-+$/, '');
  return pluginName.test(kebab) && kebab !== typed ? kebab : undefined;
}

/** What is wrong with a plugin name, in words for a PWY_CLI_USAGE message; undefined when it is fine. */
export function pluginNameProblem(typed: string): string | undefined {
  if (typed === '') return 'the plugin name must not be empty; give one such as home-visits';
  if (typed.length > maxNameLength) return `the plugin name is ${typed.length} characters long; keep it to ${maxNameLength} or fewer (it prefixes every node type, event and work item it adds)`;
  if (pluginName.test(typed)) return undefined;
  const reasons: string[] = [];
  if (/[A-Z]/.test(typed)) reasons.push('it has capital letters');
  if (/[^A-Za-z0-9-]/.test(typed)) reasons.push(`it has ${typed.includes(' ') ? 'spaces or ' : ''}characters other than letters, digits and hyphens`);
  if (/^[^A-Za-z]/.test(typed)) reasons.push('it does not start with a letter');
  if (/--/.test(typed) || /-$/.test(typed)) reasons.push('it has a doubled or trailing hyphen');
  const better = suggestion(typed);
  return `the plugin name "${typed}" must be kebab-case: lower-case letters and digits, in words joined by single hyphens, starting with a letter (${reasons.join('; ')})${better ? `; for example "${better}"` : ''}`;
}

/** What is wrong with a --scope, or undefined. `@` is optional. */
export function scopeProblem(typed: string): string | undefined {
  const scope = typed.replace(/^@/, '');
  return scopeName.test(scope) && scope.length <= 100 ? undefined : `the scope "${typed}" is not an npm scope: lower-case letters, digits, ".", "_" and "-", such as @fictional-agency`;
}

/** `home-visits` → `Home visits`. */
function titleOf(name: string): string {
  const words = name.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The names for a checked plugin name and an optional scope. */
export function scaffoldNames(name: string, scope?: string): ScaffoldNames {
  const base = `pathways-plugin-${name}`;
  return { name, title: titleOf(name), packageName: scope === undefined ? base : `@${scope.replace(/^@/, '')}/${base}` };
}
