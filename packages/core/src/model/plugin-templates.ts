import { satisfies, validRange } from 'semver';
import { problem, type Problem } from '../errors/problem.js';
import { own } from './own.js';
import type { PluginRegistry } from './plugin-registry.js';

/** A plugin node whose configuration was brought to its node type's current version on load. */
export interface NodeMigration {
  readonly node: string;
  readonly type: string;
  readonly from: number;
  readonly to: number;
}

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every string in a JSON document, object keys included. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* stringsOf(item);
    }
  }
}

/**
 * The installed plugins a template document uses: those it lists under `plugins`, and those whose
 * elements it names (`<plugin>/<name>` for node types, guards, actions, triggers, work-item types
 * and parameters; `<plugin>.<event>` for events). Only these add their contributions to it, so an
 * installation's plugins never change a pathway that does not use them. A listed plugin that is
 * not installed, or whose version is outside the listed range, is a problem at `plugins.<name>`.
 */
export function pluginsUsedBy<P extends { readonly name: string; readonly version: string }>(value: unknown, installed: readonly P[]): { readonly used: readonly P[]; readonly problems: readonly Problem[] } {
  if (!isObject(value)) return { used: [], problems: [] };
  const listed = isObject(value.plugins) ? value.plugins : {};
  const problems: Problem[] = [];
  for (const [name, range] of Object.entries(listed)) {
    const plugin = installed.find((candidate) => candidate.name === name);
    // A range that is not one is the schema's to report.
    if (typeof range !== 'string' || validRange(range) === null) continue;
    if (!plugin) problems.push(problem('PWY_PLUGIN_REFERENCE', ['plugins', name], `The pathway uses the plugin "${name}" (${range}), which is not installed${installed.length > 0 ? ` (installed: ${installed.map((p) => `${p.name}@${p.version}`).join(', ')})` : ''}.`));
    else if (!satisfies(plugin.version, range, { includePrerelease: true })) problems.push(problem('PWY_PLUGIN_REFERENCE', ['plugins', name], `The pathway works with ${name} ${range}, but ${name}@${plugin.version} is installed.`));
  }
  if (installed.length === 0) return { used: [], problems };
  const named = namespacesNamed(value);
  return { used: installed.filter((plugin) => Object.hasOwn(listed, plugin.name) || named.has(plugin.name)), problems };
}

const namespaceOf = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)[/.]/;
// A parsed template is frozen: what it names is found once.
const namedByTemplate = new WeakMap<object, ReadonlySet<string>>();

/** The plugin names a document's strings start with (`<plugin>/…` or `<plugin>.…`); a superset (event types start so too), matched against plugin names. */
function namespacesNamed(value: Obj): ReadonlySet<string> {
  const known = Object.isFrozen(value) ? namedByTemplate.get(value) : undefined;
  if (known) return known;
  const named = new Set<string>();
  for (const text of stringsOf(value)) {
    const match = namespaceOf.exec(text);
    if (match) named.add(match[1]!);
  }
  if (Object.isFrozen(value)) namedByTemplate.set(value, named);
  return named;
}

/**
 * Prepares a template document for the installed plugins before its schema is checked: every
 * plugin node written for an earlier version of its node type is migrated, step by step, to the
 * current version (each step's input checked against that version's schema, its output against
 * the next), and the plugins' own work-item types, case facts and case-data fields are added
 * beside the template's, so references to them resolve. The input is never changed.
 */
export function prepareForPlugins(value: unknown, registry: PluginRegistry): { readonly value: unknown; readonly problems: readonly Problem[]; readonly migrations: readonly NodeMigration[] } {
  if (!isObject(value) || registry.plugins.length === 0) return { value, problems: [], migrations: [] };
  // Copies only what changes: the document, the node list when a node is migrated, and the lists
  // contributions are added to; everything else is shared with the input, which is never changed.
  const document: Obj = { ...value };
  const problems: Problem[] = [];
  const migrations: NodeMigration[] = [];
  const nodes: unknown[] = Array.isArray(document.nodes) ? [...(document.nodes as unknown[])] : [];
  document.nodes = nodes;
  nodes.forEach((node, i) => {
    if (!isObject(node) || typeof node.type !== 'string' || typeof node.typeVersion !== 'number') return;
    const contribution = registry.nodeType(node.type);
    if (!contribution) return;
    const { definition, plugin } = contribution;
    const from = node.typeVersion;
    if (!Number.isInteger(from) || from < 1 || from >= definition.typeVersion) return;
    let config = isObject(node.config) ? node.config : {};
    for (let version = from; version < definition.typeVersion; version += 1) {
      const step = own(definition.earlier ?? {}, String(version));
      const at = ['nodes', i, 'config'];
      if (!step) {
        problems.push(problem('PWY_PLUGIN_NODE_VERSION', ['nodes', i, 'typeVersion'], `"${String(node.id)}" is written for ${node.type} version ${version}, which ${plugin.name}@${plugin.version} no longer provides.`));
        return;
      }
      const checked = step.config.safeParse(config);
      // A configuration its own version refuses is reported by the schema, which checks it there.
      if (!checked.success) return;
      let next: unknown;
      try {
        next = step.migrate(checked.data as Obj);
      } catch (error) {
        problems.push(problem('PWY_PLUGIN_MIGRATION_FAILED', at, `Migrating "${String(node.id)}" from ${node.type} version ${version} to ${version + 1} failed in ${plugin.name}@${plugin.version}: ${error instanceof Error ? error.message : String(error)}.`));
        return;
      }
      const target = version + 1 === definition.typeVersion ? definition.config : own(definition.earlier ?? {}, String(version + 1))?.config;
      const result = target?.safeParse(next);
      if (!result?.success) {
        problems.push(problem('PWY_PLUGIN_MIGRATION_FAILED', at, `${plugin.name}@${plugin.version} migrated "${String(node.id)}" to ${node.type} version ${version + 1}, but that version refuses the result${result ? `: ${result.error.issues.map((issue) => issue.message).join('; ')}` : ''}.`));
        return;
      }
      config = result.data as Obj;
    }
    nodes[i] = { ...node, typeVersion: definition.typeVersion, config };
    migrations.push({ node: String(node.id), type: node.type, from, to: definition.typeVersion });
  });
  // The plugins' own elements sit beside the template's; a template that declares one itself keeps its own.
  const add = (collection: string, elements: readonly unknown[], idOf: (element: Obj) => unknown, into: Obj = document) => {
    if (elements.length === 0) return;
    const list = Array.isArray(into[collection]) ? (into[collection] as unknown[]) : [];
    const ids = new Set(list.map((element) => (isObject(element) ? idOf(element) : undefined)));
    into[collection] = [...list, ...elements.filter((element) => isObject(element) && !ids.has(idOf(element)))];
  };
  for (const plugin of registry.plugins) {
    const definition = plugin.definition;
    const parameters = Object.entries(definition.parameters ?? {});
    if (parameters.length > 0) {
      const declared: Obj = isObject(document.parameters) ? { ...document.parameters } : {};
      for (const [key, parameter] of parameters) if (!Object.hasOwn(declared, `${plugin.name}/${key}`)) declared[`${plugin.name}/${key}`] = parameter;
      document.parameters = declared;
    }
    add('workItemTypes', definition.workItemTypes ?? [], (element) => element.id);
    add('facts', definition.facts ?? [], (element) => element.id);
    if (definition.caseData?.person?.length || definition.caseData?.episode?.length) {
      const caseData: Obj = isObject(document.caseData) ? { ...document.caseData } : {};
      add('person', definition.caseData.person ?? [], (element) => element.name, caseData);
      add('episode', definition.caseData.episode ?? [], (element) => element.name, caseData);
      document.caseData = caseData;
    }
  }
  return { value: document, problems, migrations };
}
