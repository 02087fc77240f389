import type { z } from 'zod';
import type { InstalledPlugin } from './template.js';
import type { AnyPluginDefinition, NodeTypeDefinition, PluginActionDefinition, PluginEventDefinition, PluginGuardDefinition, RiskToolDefinition, TriggerDefinition } from './plugin-definition.js';

/** A plugin that loaded: what the parser and compiler see of it, and its definition. */
export interface LoadedPlugin extends InstalledPlugin {
  readonly definition: AnyPluginDefinition;
}

/** One contribution of a plugin, found by its full name. */
export interface Contribution<D> {
  readonly plugin: LoadedPlugin;
  /** Its name within the plugin, e.g. `assessment` of `housing-safety/assessment`. */
  readonly key: string;
  readonly definition: D;
}

/** The installed plugins, by the full names templates use. */
export interface PluginRegistry {
  readonly plugins: readonly LoadedPlugin[];
  /** `name@version` of every plugin, sorted by name: what a case records it runs with. */
  readonly versions: readonly string[];
  nodeType(type: string): Contribution<NodeTypeDefinition<unknown, z.ZodType>> | undefined;
  guard(name: string): Contribution<PluginGuardDefinition<unknown>> | undefined;
  action(name: string): Contribution<PluginActionDefinition<unknown>> | undefined;
  trigger(name: string): Contribution<TriggerDefinition<unknown>> | undefined;
  riskTool(name: string): Contribution<RiskToolDefinition> | undefined;
  event(type: string): Contribution<PluginEventDefinition> | undefined;
  /** Every event the plugins declare. */
  readonly events: readonly Contribution<PluginEventDefinition>[];
}

function index<D>(plugins: readonly LoadedPlugin[], pick: (definition: AnyPluginDefinition) => Readonly<Record<string, unknown>> | undefined, fullName: (plugin: LoadedPlugin, key: string) => string): Map<string, Contribution<D>> {
  const map = new Map<string, Contribution<D>>();
  for (const plugin of plugins) {
    for (const [key, definition] of Object.entries(pick(plugin.definition) ?? {})) map.set(fullName(plugin, key), { plugin, key, definition: definition as D });
  }
  return map;
}

const slash = (plugin: LoadedPlugin, key: string) => `${plugin.name}/${key}`;

/** Builds the registry of loaded plugins (see `loadPlugins`). */
export function createRegistry(plugins: readonly LoadedPlugin[]): PluginRegistry {
  const nodeTypes = index<NodeTypeDefinition<unknown, z.ZodType>>(plugins, (d) => d.nodeTypes, slash);
  const guards = index<PluginGuardDefinition<unknown>>(plugins, (d) => d.guards, slash);
  const actions = index<PluginActionDefinition<unknown>>(plugins, (d) => d.actions, slash);
  const triggers = index<TriggerDefinition<unknown>>(plugins, (d) => d.triggers, slash);
  const riskTools = index<RiskToolDefinition>(plugins, (d) => d.riskTools, slash);
  const events = index<PluginEventDefinition>(plugins, (d) => d.events, (_plugin, key) => key);
  return {
    plugins,
    versions: plugins.map((plugin) => `${plugin.name}@${plugin.version}`).sort(),
    nodeType: (type) => nodeTypes.get(type),
    guard: (name) => guards.get(name),
    action: (name) => actions.get(name),
    trigger: (name) => triggers.get(name),
    riskTool: (name) => riskTools.get(name),
    event: (type) => events.get(type),
    events: [...events.values()],
  };
}

const registries = new WeakMap<readonly InstalledPlugin[], PluginRegistry>();

/** The registry of the plugins given that carry a definition (those `loadPlugins` returned), built once per list. */
export function registryOf(plugins: readonly InstalledPlugin[]): PluginRegistry {
  let registry = registries.get(plugins);
  if (!registry) {
    registry = createRegistry(plugins.filter((plugin): plugin is LoadedPlugin => plugin.definition !== undefined));
    registries.set(plugins, registry);
  }
  return registry;
}
