import type { Problem } from '../errors/problem.js';
import { checkBounds } from './checks/bounds.js';
import { checkEventlessCycles } from './checks/cycles.js';
import { analyseTemplate } from './checks/graph.js';
import { checkPracticeRules } from './checks/practice-rules.js';
import { checkReferences } from './checks/references.js';
import { indexTemplate } from './checks/template-index.js';
import { readInput } from './read-input.js';
import { deepFreeze } from './deep-freeze.js';
import { registryOf } from './plugin-registry.js';
import { pluginsUsedBy, prepareForPlugins, type NodeMigration } from './plugin-templates.js';
import { createTemplateSchema, type InstalledPlugin, type PathwayTemplate, type PathwayTemplateData } from './template.js';

/** Outcome of parsing a template: the template, or every problem found. */
export type ParseTemplateResult =
  | {
      readonly ok: true;
      readonly template: PathwayTemplate;
      readonly problems: readonly [];
      /** Plugin nodes whose configuration was migrated to their node type's current version on load. */
      readonly migrations: readonly NodeMigration[];
    }
  | {
      readonly ok: false;
      /** True when the input could not be read as a template at all (not JSON, too deep, too large). */
      readonly unusable: boolean;
      readonly problems: readonly Problem[];
    };

/** Options for parsing. */
export interface ParseTemplateOptions {
  /** Plugins installed besides the core node types; a node of any other type is unknown. */
  readonly plugins?: readonly InstalledPlugin[];
}

// Each template parseTemplate returned, with the plugins it was parsed with.
const parsedTemplates = new WeakMap<object, readonly InstalledPlugin[]>();

/** True when the value is a template `parseTemplate` returned (not a copy, not a hand-made object). */
export function isParsedTemplate(value: unknown): value is PathwayTemplate {
  return typeof value === 'object' && value !== null && parsedTemplates.has(value);
}

/**
 * The plugins a parsed template was parsed with that it uses (`pluginsUsedBy`): what compiling,
 * running, resolving and checking it use when they are not given plugins, so a template read with
 * its plugins runs with them.
 */
export function pluginsParsedWith(template: PathwayTemplate): readonly InstalledPlugin[] {
  return parsedTemplates.get(template) ?? [];
}

/** Of the plugins given, those a parsed template uses: the names it was parsed with, or (given others) those it names. */
export function pluginsUsedByTemplate<P extends InstalledPlugin>(template: PathwayTemplate, given: readonly P[]): readonly P[] {
  const parsedWith = new Set((parsedTemplates.get(template) ?? []).map((plugin) => plugin.name));
  return given.filter((plugin) => parsedWith.has(plugin.name)).concat(pluginsUsedBy(template, given.filter((plugin) => !parsedWith.has(plugin.name))).used);
}


/**
 * Parses and validates a template from JSON text or an already-parsed value. Never throws on bad
 * input: it returns all problems at once, each with a stable code, a path, a message and a hint.
 * Covers the schema, every cross-reference, bounds against values and cycles of automatic
 * transitions; `analyseTemplate` adds the graph analysis. The template returned is frozen.
 */
export function parseTemplate(input: string | unknown, options: ParseTemplateOptions = {}): ParseTemplateResult {
  return checkTemplate(input, options, false);
}

/** Parses and analyses: every problem `pathways validate` reports, graph analysis included. */
export function validateTemplate(input: string | unknown, options: ParseTemplateOptions = {}): ParseTemplateResult {
  return checkTemplate(input, options, true);
}

// Building the template schema for a set of plugins costs more than parsing a template with it,
// so it is built once per list of installed plugins.
const schemas = new WeakMap<readonly InstalledPlugin[], ReturnType<typeof createTemplateSchema>>();
function templateSchemaFor(plugins: readonly InstalledPlugin[]): ReturnType<typeof createTemplateSchema> {
  let schema = schemas.get(plugins);
  if (!schema) {
    schema = createTemplateSchema(plugins.flatMap((plugin) => plugin.nodeTypes));
    schemas.set(plugins, schema);
  }
  return schema;
}

function checkTemplate(input: string | unknown, options: ParseTemplateOptions, analyse: boolean): ParseTemplateResult {
  const plugins = options.plugins ?? [];
  // Only the installed plugins the document uses take part (see pluginsUsedBy); the schema knows
  // every installed node type, as a node of one is a use of its plugin.
  let used: readonly InstalledPlugin[] = [];
  let registry = registryOf(used);
  let migrations: readonly NodeMigration[] = [];
  const read = readInput(input, templateSchemaFor(plugins), {
    prepare: (value) => {
      const usage = pluginsUsedBy(value, plugins);
      used = usage.used;
      registry = registryOf(used);
      const prepared = prepareForPlugins(value, registry);
      migrations = prepared.migrations;
      return { value: prepared.value, problems: [...usage.problems, ...prepared.problems] };
    },
  });
  if (!read.ok) return read;
  // The schema's output is a fresh object nobody else holds: freezing it now lets every check
  // below share one flow graph, and what is checked is exactly what compiles.
  const data: PathwayTemplateData = deepFreeze(read.value);
  const index = indexTemplate(data, registry);
  checkReferences(index);
  checkPracticeRules(index);
  checkBounds(index);
  checkEventlessCycles(index);
  // The graph analysis only needs a schema-valid template, so it runs even when references
  // dangle: authors see every problem in one pass.
  const problems = analyse ? [...index.problems, ...analyseTemplate(data)] : index.problems;
  if (problems.length > 0) return { ok: false, unusable: false, problems };
  const template = data as PathwayTemplate;
  parsedTemplates.set(template, used);
  return { ok: true, template, problems: [], migrations };
}
