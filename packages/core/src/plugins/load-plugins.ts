import { satisfies, valid, validRange } from 'semver';
import { z } from 'zod';
import { problem, type JsonPath, type Problem } from '../errors/problem.js';
import { caseFact } from '../model/case-facts.js';
import { caseDataField } from '../model/case-data.js';
import { cadencePeriods } from '../model/meeting-cadence.js';
import { own } from '../model/own.js';
import { parameter as parameterSchema } from '../model/parameters.js';
import type { InstalledNodeType } from '../model/template.js';
import { workItemType } from '../model/work-items.js';
import { problemsFromZodIssues } from '../model/zod-problems.js';
import { declaredEffectKinds, type AnyPluginDefinition, type DeclaredEffects, type NodeTypeDefinition } from '../model/plugin-definition.js';
import { engineVersion } from './engine-version.js';
import { createRegistry, type LoadedPlugin, type PluginRegistry } from '../model/plugin-registry.js';

/** The outcome of loading plugins: a registry of every plugin, or every problem at once. */
export type LoadPluginsResult = { readonly ok: true; readonly registry: PluginRegistry; readonly problems: readonly [] } | { readonly ok: false; readonly problems: readonly Problem[] };

export interface LoadPluginsOptions {
  /** The engine version plugins' `engine` ranges are checked against; this engine's by default. */
  readonly engineVersion?: string;
  /** Installation options by plugin name (from pathways.config.json), checked against each plugin's `options.schema`. */
  readonly options?: Readonly<Record<string, unknown>>;
}

const pluginName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const localName = /^[a-z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*$/;
const colour = /^#[0-9a-fA-F]{6}$/;

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSchema = (value: unknown): value is z.ZodType => isObject(value) && typeof (value as { safeParse?: unknown }).safeParse === 'function';
const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

/**
 * Validates plugin definitions and builds the registry the parser, the compiler and the engine
 * read. Every problem names the plugin, the contribution and what to do; nothing is thrown.
 */
export function loadPlugins(definitions: readonly unknown[], options: LoadPluginsOptions = {}): LoadPluginsResult {
  const problems: Problem[] = [];
  const engine = options.engineVersion ?? engineVersion;
  const options_ = options.options;
  const loaded: LoadedPlugin[] = [];
  const owners = new Map<string, string>();
  /** Registers an id a plugin contributes; a second owner is a duplicate. */
  const claim = (kind: string, id: string, plugin: string, path: JsonPath) => {
    const key = `${kind}:${id}`;
    const owner = owners.get(key);
    if (owner !== undefined) problems.push(problem('PWY_PLUGIN_DUPLICATE', path, `The ${kind} "${id}" of plugin "${plugin}" is also contributed by "${owner}".`));
    else owners.set(key, plugin);
  };

  definitions.forEach((candidate, index) => {
    const root: JsonPath = ['plugins', index];
    if (!isObject(candidate)) {
      problems.push(problem('PWY_PLUGIN_INVALID', root, 'A plugin must be the object definePlugin({...}) returns.'));
      return;
    }
    const name = candidate.name;
    if (typeof name !== 'string' || !pluginName.test(name)) {
      problems.push(problem('PWY_PLUGIN_INVALID', [...root, 'name'], `The plugin name ${JSON.stringify(name)} must be kebab-case, such as housing-safety.`));
      return;
    }
    const at: JsonPath = ['plugins', name];
    const before = problems.length;
    const report = (code: Problem['code'], path: JsonPath, message: string) => problems.push(problem(code, [...at, ...path], `Plugin "${name}": ${message}`));
    if (loaded.some((plugin) => plugin.name === name)) {
      report('PWY_PLUGIN_DUPLICATE', [], 'it is installed twice; install each plugin once.');
      return;
    }
    const definition = candidate as unknown as AnyPluginDefinition;
    if (typeof definition.version !== 'string' || valid(definition.version) === null) report('PWY_PLUGIN_INVALID', ['version'], `version ${JSON.stringify(definition.version)} is not a semantic version such as 1.0.0.`);
    if (typeof definition.engine !== 'string' || validRange(definition.engine) === null) {
      report('PWY_PLUGIN_INVALID', ['engine'], `engine ${JSON.stringify(definition.engine)} is not a semantic-version range such as ^0.1.0.`);
    } else if (!satisfies(engine, definition.engine, { includePrerelease: true })) {
      report('PWY_PLUGIN_ENGINE_RANGE', ['engine'], `it needs engine ${definition.engine}, but this engine is ${engine}.`);
    }
    checkLabel(definition.label, ['label'], report);

    const schemaOk = (schema: unknown, path: JsonPath, what: string, object = false): schema is z.ZodType => {
      if (!isSchema(schema)) {
        report('PWY_PLUGIN_INVALID', path, `${what} must be a zod schema.`);
        return false;
      }
      try {
        const json = z.toJSONSchema(schema, { io: 'input' }) as { type?: unknown };
        if (object && json.type !== 'object') report('PWY_PLUGIN_INVALID', path, `${what} must be an object schema (z.object), so its fields can be named in a form.`);
      } catch (error) {
        report('PWY_PLUGIN_SCHEMA_NOT_JSON', path, `${what} cannot be shown as JSON Schema (${error instanceof Error ? error.message : String(error)}).`);
        return false;
      }
      return true;
    };

    // Events first: node types and triggers name them.
    const events = isObject(definition.events) ? definition.events : {};
    if (definition.events !== undefined && !isObject(definition.events)) report('PWY_PLUGIN_INVALID', ['events'], 'events must be an object of event types.');
    for (const [type, event] of Object.entries(events)) {
      const path = ['events', type];
      if (!type.startsWith(`${name}.`) || !/^[a-z][a-z0-9.-]*$/.test(type)) report('PWY_PLUGIN_INVALID', path, `the event type "${type}" must start with "${name}." and be lower-case, such as ${name}.assessed.`);
      if (!isObject(event)) {
        report('PWY_PLUGIN_INVALID', path, `the event "${type}" must be an object with label and payload.`);
        continue;
      }
      checkLabel(event.label, [...path, 'label'], report);
      schemaOk(event.payload, [...path, 'payload'], `the payload of "${type}"`, true);
      claim('event', type, name, [...at, ...path]);
    }

    const ownTypes = new Set<string>();
    (Array.isArray(definition.workItemTypes) ? definition.workItemTypes : []).forEach((type, i) => {
      const path = ['workItemTypes', i];
      const parsed = workItemType.safeParse(type);
      if (!parsed.success) {
        for (const p of problemsFromZodIssues(parsed.error.issues, [], type)) report('PWY_PLUGIN_INVALID', [...path, ...p.path], p.message);
        return;
      }
      if (!parsed.data.id.startsWith(`${name}/`)) report('PWY_PLUGIN_INVALID', [...path, 'id'], `the work-item type "${parsed.data.id}" must be namespaced "${name}/…".`);
      ownTypes.add(parsed.data.id);
      claim('work-item type', parsed.data.id, name, [...at, ...path]);
    });
    const ownFacts = new Set<string>();
    (Array.isArray(definition.facts) ? definition.facts : []).forEach((fact, i) => {
      const path = ['facts', i];
      const parsed = caseFact.safeParse(fact);
      if (!parsed.success) {
        for (const p of problemsFromZodIssues(parsed.error.issues, [], fact)) report('PWY_PLUGIN_INVALID', [...path, ...p.path], p.message);
        return;
      }
      if (!parsed.data.id.startsWith(`${name}/`)) report('PWY_PLUGIN_INVALID', [...path, 'id'], `the case fact "${parsed.data.id}" must be namespaced "${name}/…", such as ${name}/reviewDueAt.`);
      ownFacts.add(parsed.data.id);
      claim('case fact', parsed.data.id, name, [...at, ...path]);
    });
    for (const part of ['person', 'episode'] as const) {
      const fields = definition.caseData?.[part];
      (Array.isArray(fields) ? fields : []).forEach((field, i) => {
        const path = ['caseData', part, i];
        const parsed = caseDataField.safeParse(field);
        if (!parsed.success) for (const p of problemsFromZodIssues(parsed.error.issues, [], field)) report('PWY_PLUGIN_INVALID', [...path, ...p.path], p.message);
        else claim(`${part} field`, parsed.data.name, name, [...at, ...path]);
      });
    }

    const effects = (declared: unknown, path: JsonPath) => {
      if (declared === undefined) return;
      if (!isObject(declared)) {
        report('PWY_PLUGIN_INVALID', path, 'effects must be an object: { recordMilestone?, openWorkItem?, recordFact?, setTier? }.');
        return;
      }
      for (const [kind, value] of Object.entries(declared)) {
        if (!(declaredEffectKinds as readonly string[]).includes(kind)) report('PWY_PLUGIN_INVALID', [...path, kind], `"${kind}" is not an effect; declare ${declaredEffectKinds.join(', ')}.`);
        else if (kind === 'setTier' ? typeof value !== 'boolean' : !Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
          report('PWY_PLUGIN_INVALID', [...path, kind], kind === 'setTier' ? 'setTier is true or false.' : `${kind} lists the ids it may touch.`);
        }
      }
    };

    const nodeTypes: InstalledNodeType[] = [];
    const nodeTypeDefs = isObject(definition.nodeTypes) ? definition.nodeTypes : {};
    for (const [key, nodeType] of Object.entries(nodeTypeDefs) as [string, NodeTypeDefinition<unknown, z.ZodType>][]) {
      const path = ['nodeTypes', key];
      const type = `${name}/${key}` as const;
      if (!localName.test(key)) report('PWY_PLUGIN_INVALID', path, `the node type name "${key}" must be a name such as assessment.`);
      if (!isObject(nodeType)) {
        report('PWY_PLUGIN_INVALID', path, `the node type "${type}" must be an object.`);
        continue;
      }
      checkLabel(nodeType.label, [...path, 'label'], report);
      if (typeof nodeType.category !== 'string' || nodeType.category.length === 0) report('PWY_PLUGIN_INVALID', [...path, 'category'], `the node type "${type}" needs a palette category, such as assessment.`);
      if (nodeType.colour !== undefined && (typeof nodeType.colour !== 'string' || !colour.test(nodeType.colour))) report('PWY_PLUGIN_INVALID', [...path, 'colour'], `colour ${JSON.stringify(nodeType.colour)} must be #rrggbb.`);
      if (nodeType.help !== undefined) checkLabel(nodeType.help, [...path, 'help'], report);
      if (nodeType.enter !== undefined && !isFunction(nodeType.enter)) report('PWY_PLUGIN_INVALID', [...path, 'enter'], 'enter must be a function.');
      const version = nodeType.typeVersion;
      if (!Number.isInteger(version) || version < 1) {
        report('PWY_PLUGIN_INVALID', [...path, 'typeVersion'], `typeVersion ${JSON.stringify(version)} must be a whole number from 1.`);
        continue;
      }
      const schemas = new Map<number, z.ZodType>();
      if (schemaOk(nodeType.config, [...path, 'config'], `the config of "${type}"`, true)) schemas.set(version, nodeType.config);
      for (let earlier = 1; earlier < version; earlier += 1) {
        const step = own(isObject(nodeType.earlier) ? nodeType.earlier : {}, String(earlier)) as { config?: unknown; migrate?: unknown } | undefined;
        const stepPath = [...path, 'earlier', earlier];
        if (!isObject(step)) {
          report('PWY_PLUGIN_INVALID', stepPath, `version ${earlier} of "${type}" is missing: every version before ${version} needs its config schema and a migrate function, so templates written for it still load.`);
          continue;
        }
        if (schemaOk(step.config, [...stepPath, 'config'], `the config of "${type}" version ${earlier}`, true)) schemas.set(earlier, step.config as z.ZodType);
        if (!isFunction(step.migrate)) report('PWY_PLUGIN_INVALID', [...stepPath, 'migrate'], `version ${earlier} of "${type}" needs migrate(previous) returning version ${earlier + 1}'s config.`);
      }
      for (const event of nodeType.accepts ?? []) {
        if (own(events, event) === undefined) report('PWY_PLUGIN_INVALID', [...path, 'accepts'], `"${type}" accepts "${event}", which the plugin does not declare under events.`);
      }
      if (nodeType.workItemType !== undefined && !ownTypes.has(nodeType.workItemType) && !(nodeType.effects?.openWorkItem ?? []).includes(nodeType.workItemType)) {
        report('PWY_PLUGIN_INVALID', [...path, 'workItemType'], `"${type}" opens "${nodeType.workItemType}", which is neither one of the plugin's work-item types nor declared in its effects.openWorkItem.`);
      }
      effects(nodeType.effects, [...path, 'effects']);
      claim('node type', type, name, [...at, ...path]);
      nodeTypes.push({ type, versions: [...schemas.keys()].sort((a, b) => a - b), config: (v) => schemas.get(v) });
    }

    for (const [collection, method] of [['guards', 'check'], ['actions', 'run'], ['triggers', 'fires']] as const) {
      const entries = isObject(definition[collection]) ? (definition[collection] as Obj) : {};
      for (const [key, contribution] of Object.entries(entries)) {
        const path = [collection, key];
        if (!localName.test(key)) report('PWY_PLUGIN_INVALID', path, `the name "${key}" must be a name such as eligible.`);
        if (!isObject(contribution) || !isFunction(contribution[method])) {
          report('PWY_PLUGIN_INVALID', path, `"${name}/${key}" needs a ${method}(args) function.`);
          continue;
        }
        if (contribution.params !== undefined) schemaOk(contribution.params, [...path, 'params'], `the params of "${name}/${key}"`, true);
        if (collection === 'actions') effects(contribution.effects, [...path, 'effects']);
        if (collection === 'triggers') {
          checkLabel(contribution.label, [...path, 'label'], report);
          const on = contribution.on;
          if (!Array.isArray(on) || on.length === 0) report('PWY_PLUGIN_INVALID', [...path, 'on'], `"${name}/${key}" needs the events after which it is asked (on).`);
        }
      }
    }

    // An event's record hook runs at any step: its guard and action are the plugin's own, take no
    // params, and the action declares no effects (nothing a national team could govern).
    for (const [type, event] of Object.entries(events)) {
      if (!isObject(event) || event.record === undefined) continue;
      const path = ['events', type, 'record'];
      const record = event.record as unknown;
      if (!isObject(record) || typeof record.action !== 'string' || (record.guard !== undefined && typeof record.guard !== 'string')) {
        report('PWY_PLUGIN_INVALID', path, `the record hook of "${type}" must be { action, guard? }, names of this plugin's actions and guards.`);
        continue;
      }
      for (const [collection, key] of [['actions', record.action], ['guards', record.guard]] as const) {
        if (key === undefined) continue;
        const what = collection === 'actions' ? 'action' : 'guard';
        const hook = own(isObject(definition[collection]) ? (definition[collection] as Obj) : {}, key) as { params?: unknown; effects?: unknown } | undefined;
        if (!isObject(hook)) {
          report('PWY_PLUGIN_INVALID', [...path, what], `"${type}" is recorded by the ${what} "${key}", which the plugin does not declare under ${collection}.`);
          continue;
        }
        if (isSchema(hook.params) && !hook.params.safeParse({}).success) report('PWY_PLUGIN_INVALID', [...path, what], `the ${what} "${name}/${key}" records "${type}" at any step, so it must take no params (its params schema refuses {}).`);
        const declared = isObject(hook.effects) ? Object.values(hook.effects).some((value) => value === true || (Array.isArray(value) && value.length > 0)) : false;
        if (declared) report('PWY_PLUGIN_INVALID', [...path, what], `the action "${name}/${key}" records "${type}" at any step, so it may touch only the plugin's own state and work items: it declares effects on the pathway's elements.`);
      }
    }

    for (const [key, tool] of Object.entries(isObject(definition.riskTools) ? definition.riskTools : {})) {
      const path = ['riskTools', key];
      if (!isObject(tool)) {
        report('PWY_PLUGIN_INVALID', path, `the risk tool "${key}" must be an object.`);
        continue;
      }
      checkLabel(tool.label, [...path, 'label'], report);
      schemaOk(tool.answers, [...path, 'answers'], `the answers of risk tool "${key}"`, true);
      if (!isFunction(tool.score)) report('PWY_PLUGIN_INVALID', [...path, 'score'], `risk tool "${key}" needs score(answers).`);
      const levels = tool.levels;
      const valueOrParam = (value: unknown, type: 'number' | 'string') => typeof value === type || (isObject(value) && typeof value.param === 'string');
      if (!Array.isArray(levels) || levels.length === 0 || levels.some((band) => !valueOrParam(band?.atLeast, 'number') || !valueOrParam(band?.level, 'string'))) {
        report('PWY_PLUGIN_INVALID', [...path, 'levels'], `risk tool "${key}" needs score bands: [{ atLeast, level }], highest first (each a value or { param }).`);
      } else if (levels.some((band, i) => i > 0 && typeof band.atLeast === 'number' && typeof levels[i - 1]!.atLeast === 'number' && band.atLeast >= (levels[i - 1]!.atLeast as number))) {
        report('PWY_PLUGIN_INVALID', [...path, 'levels'], `the score bands of risk tool "${key}" must be in descending order of atLeast.`);
      }
      claim('risk tool', `${name}/${key}`, name, [...at, ...path]);
    }

    if (definition.state !== undefined) {
      const state = definition.state as { schema?: unknown; initial?: unknown; maxBytes?: unknown; migrate?: unknown };
      if (state.migrate !== undefined && !isFunction(state.migrate)) report('PWY_PLUGIN_INVALID', ['state', 'migrate'], 'state.migrate must be a function from an earlier state to the current one.');
      if (schemaOk(state.schema, ['state', 'schema'], 'the state schema')) {
        const initial = (state.schema as z.ZodType).safeParse(state.initial);
        if (!initial.success) report('PWY_PLUGIN_INVALID', ['state', 'initial'], `the initial state fails its schema: ${initial.error.issues.map((i) => i.message).join('; ')}.`);
        const max = state.maxBytes ?? 4096;
        if (typeof max !== 'number' || !Number.isInteger(max) || max < 2 || max > 65_536) report('PWY_PLUGIN_INVALID', ['state', 'maxBytes'], 'maxBytes is a whole number of bytes up to 65,536: a case state stays small.');
        else if (JSON.stringify(state.initial ?? null).length > max) report('PWY_PLUGIN_INVALID', ['state', 'initial'], `the initial state is larger than maxBytes (${max}).`);
      }
    }

    for (const [key, declared] of Object.entries(isObject(definition.parameters) ? definition.parameters : {})) {
      const path = ['parameters', key];
      if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) report('PWY_PLUGIN_INVALID', path, `the parameter name "${key}" must be camelCase (it becomes ${name}/${key} in a pathway).`);
      const parsed = parameterSchema.safeParse(declared);
      if (!parsed.success) for (const p of problemsFromZodIssues(parsed.error.issues, [], declared)) report('PWY_PLUGIN_INVALID', [...path, ...p.path], p.message);
    }
    let options: unknown;
    const given = options_ === undefined ? undefined : own(options_, name);
    if (definition.options !== undefined) {
      if (schemaOk(definition.options.schema, ['options', 'schema'], 'the options schema')) {
        const checked = definition.options.schema.safeParse(given ?? {});
        if (!checked.success) {
          for (const issue of checked.error.issues) report('PWY_PLUGIN_INVALID', ['options', ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))], `its installation options: ${issue.message} (set them in pathways.config.json).`);
        } else options = checked.data;
      }
    } else if (given !== undefined) report('PWY_PLUGIN_INVALID', ['options'], 'it takes no options; remove them from pathways.config.json.');

    const locality = definition.locality;
    if (locality !== undefined) {
      for (const [key, series] of Object.entries(isObject(locality.meetingSeries) ? locality.meetingSeries : {})) {
        const path = ['locality', 'meetingSeries', key];
        checkLabel(series.label, [...path, 'label'], report);
        for (const cadence of series.cadences ?? []) if (own(cadencePeriods, cadence) === undefined) report('PWY_PLUGIN_INVALID', [...path, 'cadences'], `"${cadence}" is not a cadence Pathways can count (${Object.keys(cadencePeriods).join(', ')}).`);
      }
      for (const [key, job] of Object.entries(isObject(locality.jobs) ? locality.jobs : {})) {
        const path = ['locality', 'jobs', key];
        if (own(cadencePeriods, job.every) === undefined) report('PWY_PLUGIN_INVALID', [...path, 'every'], `"${job.every}" is not a cadence Pathways can count (${Object.keys(cadencePeriods).join(', ')}).`);
        if (!isFunction(job.run)) report('PWY_PLUGIN_INVALID', [...path, 'run'], `the job "${key}" needs run({ locality, at }).`);
      }
    }

    if (problems.length === before) loaded.push({ name, version: definition.version, nodeTypes, definition, ...(options !== undefined ? { options } : {}) });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, registry: createRegistry(loaded), problems: [] };
}

function checkLabel(label: unknown, path: JsonPath, report: (code: Problem['code'], path: JsonPath, message: string) => void): void {
  if (!isObject(label) || typeof label.en !== 'string' || label.en.length === 0 || Object.values(label).some((text) => typeof text !== 'string')) {
    report('PWY_PLUGIN_INVALID', path, 'a label is { en: "…" } with other languages beside it (e.g. mi for te reo Māori).');
  }
}

/** Whether the declared effects allow one effect on one element. */
export function declares(effects: DeclaredEffects | undefined, kind: keyof DeclaredEffects, id?: string): boolean {
  if (!effects) return false;
  if (kind === 'setTier') return effects.setTier === true;
  return id !== undefined && (effects[kind] ?? []).includes(id);
}
