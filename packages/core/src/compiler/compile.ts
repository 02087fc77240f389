import { PathwaysError } from '../errors/problem.js';
import { problem, type Problem } from '../errors/problem.js';
import { isParsedTemplate, pluginsParsedWith, pluginsUsedByTemplate } from '../model/parse-template.js';
import { registryOf } from '../model/plugin-registry.js';
import type { InstalledPlugin, PathwayTemplate } from '../model/template.js';
import { buildCaseMachine, type CaseMachine } from './build-machine.js';
import { caseGuards, type CaseGuards } from './case-guards.js';
import { canonicalJson, contentHash } from './content-hash.js';
import { resolveTemplate, type ResolvedTemplate } from './resolved-template.js';

export { nodeStateId } from './machine-config.js';
export type { NodeMeta, TransitionMeta } from './machine-config.js';

/** A plugin a compiled pathway runs with, by exact version. */
export interface PluginVersion {
  readonly name: string;
  readonly version: string;
}

/** A compiled pathway: the XState machine plus what it was compiled from. */
export interface CompiledPathway {
  readonly template: PathwayTemplate;
  /** SHA-256 of the template's canonical JSON; every case opened on it is pinned to it. */
  readonly contentHash: string;
  /** The plugins it was compiled with, sorted by name; part of the cache key. */
  readonly plugins: readonly PluginVersion[];
  readonly machine: CaseMachine;
  /** The named guards of the machine, with their coded refusals (the engine asks them why a command is refused). */
  readonly guards: CaseGuards;
  /** The template as the machine's actions read it (spans resolved, the flow graph). */
  readonly resolved: ResolvedTemplate;
}

const cacheLimit = 64;
const cache = new Map<string, CompiledPathway>();
// Compiling the very same template object again skips hashing its content.
const byIdentity = new WeakMap<PathwayTemplate, Map<string, CompiledPathway>>();

// Two definitions may carry the same name and version (a plugin under development, a test's
// variations): the cache tells them apart by identity, so a machine never runs another's hooks.
const definitionIds = new WeakMap<object, number>();
let nextDefinitionId = 0;
function definitionId(plugin: InstalledPlugin): string {
  if (!plugin.definition) return '';
  let id = definitionIds.get(plugin.definition);
  if (id === undefined) {
    nextDefinitionId += 1;
    id = nextDefinitionId;
    definitionIds.set(plugin.definition, id);
  }
  return `#${id}`;
}

function pluginsKey(plugins: readonly InstalledPlugin[]): string {
  return [...plugins]
    .sort((a, b) => a.name.localeCompare(b.name))
    // Installation options (e.g. licensed weights) change what hooks do, so they are part of the key.
    .map((plugin) => `${plugin.name}@${plugin.version}${definitionId(plugin)}${plugin.options === undefined ? '' : `|${canonicalJson(plugin.options)}`}`)
    .join(',');
}

/** Every plugin node must be provided, at the version it pins, by one of the plugins given. */
function missingPluginNodes(template: PathwayTemplate, plugins: readonly InstalledPlugin[]): Problem[] {
  const problems: Problem[] = [];
  template.nodes.forEach((node, index) => {
    if (!('typeVersion' in node)) return;
    const provided = plugins.some((plugin) => plugin.nodeTypes.some((type) => type.type === node.type && type.versions.includes(node.typeVersion)));
    if (!provided) {
      problems.push(problem('PWY_PLUGIN_MISSING', ['nodes', index, 'type'], `"${node.id}" is a ${node.type} node, version ${node.typeVersion}; no plugin given to compile provides it.`));
    }
  });
  return problems;
}

/**
 * Compiles a parsed template into an XState v5 machine, with the installed plugins it uses (by
 * default those it was parsed with; see `pluginsUsedBy`). Pure and deterministic; never parses again (only templates `parseTemplate` or `resolve` returned are
 * accepted, and those are frozen). Results are cached by the template's SHA-256 content hash and
 * the plugins' names and versions, so equal content with the same plugins gives the same machine.
 * Throws a `PathwaysError` (`PWY_TEMPLATE_UNPARSED`, `PWY_PLUGIN_MISSING`) when it cannot compile.
 */
export function compile(template: PathwayTemplate, given?: readonly InstalledPlugin[]): CompiledPathway {
  if (!isParsedTemplate(template)) {
    throw new PathwaysError('PWY_TEMPLATE_UNPARSED', 'Only a template returned by parseTemplate (or resolve) can be compiled; parse it first.');
  }
  // Plugins the template does not use take no part: a pathway compiles the same wherever it runs.
  const plugins = given ? pluginsUsedByTemplate(template, given) : pluginsParsedWith(template);
  const versions = [...new Map(plugins.map((plugin) => [plugin.name, { name: plugin.name, version: plugin.version }])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const key = pluginsKey(plugins);
  const known = byIdentity.get(template)?.get(key);
  if (known) return known;
  const missing = missingPluginNodes(template, plugins);
  if (missing.length > 0) throw new PathwaysError('PWY_PLUGIN_MISSING', missing.map((p) => p.message).join(' '), missing);
  // The layout is the designer's picture, not the pathway: moving a node never changes the machine.
  const hash = contentHash({ ...template, layout: undefined });
  let compiled = cache.get(`${hash}|${key}`);
  if (!compiled) {
    const resolved = resolveTemplate(template, registryOf(plugins));
    const guards = caseGuards(resolved);
    compiled = { template, contentHash: hash, plugins: versions, machine: buildCaseMachine(resolved, guards), guards, resolved };
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
    cache.set(`${hash}|${key}`, compiled);
  }
  const forTemplate = byIdentity.get(template) ?? new Map<string, CompiledPathway>();
  forTemplate.set(key, compiled);
  byIdentity.set(template, forTemplate);
  return compiled;
}
