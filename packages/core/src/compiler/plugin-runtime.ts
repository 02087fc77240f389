import type { DeclaredEffects, PluginCaseView, PluginResult } from '../model/plugin-definition.js';
import { internalEventTypes } from '../model/internal-events.js';
import { deepFreeze } from '../model/deep-freeze.js';
import { own } from '../model/own.js';
import type { LoadedPlugin } from '../model/plugin-registry.js';
import { toUtcIso } from '../time/deadlines.js';
import type { CaseContext } from './case-state.js';
import { nextId, openWorkItem, eventTime, setWorkItemStatus, type Draft, type Emit, type Raise, type StepEvent } from './case-step.js';
import type { CaseChanges } from './case-actions.js';
import type { ResolvedTemplate } from './resolved-template.js';

// XState re-throws a failing guard's error as a new one without its cause, so the plugin that
// failed is also noted here; a step is synchronous, so the engine reads it right after.
let lastFailure: string | undefined;

/**
 * A plugin hook failed (threw, or did what it did not declare): the command becomes an incident
 * naming `plugin@version`, and the case keeps its previous state.
 */
export class PluginFailure extends Error {
  /** `name@version` of the plugin whose hook failed. */
  readonly plugin: string;

  constructor(plugin: LoadedPlugin, message: string, cause?: unknown) {
    super(`${plugin.name}@${plugin.version}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'PluginFailure';
    this.plugin = `${plugin.name}@${plugin.version}`;
    lastFailure = this.plugin;
  }
}

/** Forgets any plugin failure noted so far (the engine calls it before each step). */
export function clearPluginFailure(): void {
  lastFailure = undefined;
}

/** The plugin that failed in the step that threw `error`, if a plugin did. */
export function failedPlugin(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof PluginFailure) return current.plugin;
  }
  return lastFailure;
}

/** Runs a plugin's hook; anything it throws is a `PluginFailure` naming the plugin and the hook. */
export function callHook<T>(plugin: LoadedPlugin, hook: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PluginFailure) throw error;
    throw new PluginFailure(plugin, `${hook} threw: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}

// A step asks several hooks about the same case: the view and the validated states are kept per
// (immutable) context and state object, so each is built or checked once.
const views = new WeakMap<CaseContext, PluginCaseView>();
// Keyed by schema: another version of the plugin may read the same state object with another schema.
const validStates = new WeakMap<object, WeakSet<object>>();
const validFor = (schema: object): WeakSet<object> => {
  let set = validStates.get(schema);
  if (!set) {
    set = new WeakSet();
    validStates.set(schema, set);
  }
  return set;
};

/** What plugin code reads of a case: copies, never the case state itself (frozen, made once per case state). */
export function pluginCaseView(context: CaseContext): PluginCaseView {
  const known = views.get(context);
  if (known) return known;
  const view = deepFreezeView({
    caseId: context.caseId,
    tier: context.tier,
    persons: Object.values(context.persons).map((person) => ({ id: person.id, roles: [...person.roles] })),
    milestones: { ...context.milestones },
    facts: { ...context.facts },
    workItems: Object.values(context.workItems).map((item) => ({
      id: item.id,
      workItemType: item.workItemType,
      status: item.status,
      ownerRole: item.ownerRole,
      ...(item.due ? { due: item.due } : {}),
      ...(item.node ? { node: item.node } : {}),
    })),
  });
  views.set(context, view);
  return view;
}

/** A view shared by several hooks must not let one hook change what the next one reads. */
function deepFreezeView(view: PluginCaseView): PluginCaseView {
  for (const person of view.persons) Object.freeze(person.roles);
  for (const list of [view.persons, view.workItems]) for (const item of list) Object.freeze(item);
  Object.freeze(view.persons);
  Object.freeze(view.workItems);
  Object.freeze(view.milestones);
  Object.freeze(view.facts);
  return Object.freeze(view);
}

/**
 * The plugin's state in a case: its own (migrated first when an earlier version of the plugin left
 * it in another shape), or its initial state when the case opened before the plugin was installed.
 */
export function pluginState(context: CaseContext, plugin: LoadedPlugin): unknown {
  const definition = plugin.definition.state;
  const stored = own(context.plugins, plugin.name);
  if (!definition || stored === undefined) return deepFreeze(stored ?? definition?.initial);
  if (typeof stored === 'object' && stored !== null && validFor(definition.schema).has(stored)) return stored;
  const current = definition.schema.safeParse(stored);
  if (current.success) {
    // The stored object itself is what hooks read (the engine keeps states immutable), so it is remembered as valid.
    if (typeof stored === 'object' && stored !== null) validFor(definition.schema).add(deepFreeze(stored));
    return stored;
  }
  const migrate = definition.migrate;
  if (!migrate) throw new PluginFailure(plugin, `PWY_PLUGIN_STATE_INVALID: the case holds a state its schema refuses (${current.error.issues.map((issue) => issue.message).join('; ')}) and the plugin has no state.migrate; nothing was changed.`);
  const migrated = definition.schema.safeParse(callHook(plugin, 'state migrate', () => migrate.call(definition, stored)));
  if (!migrated.success) throw new PluginFailure(plugin, `PWY_PLUGIN_STATE_INVALID: state.migrate gave a state its schema refuses (${migrated.error.issues.map((issue) => issue.message).join('; ')}); nothing was changed.`);
  return migrated.data;
}

/**
 * Applies what a plugin hook returned to the case being built. Its own work-item types and facts
 * need nothing; anything else must be declared in the hook's `effects`, or the whole command is an
 * incident (`PluginFailure`, PWY_PLUGIN_EFFECT_UNDECLARED). A new state must fit the plugin's
 * schema and size bound (PWY_PLUGIN_STATE_INVALID).
 */
export function applyPluginResult(
  draft: Draft,
  emit: Emit,
  raise: Raise,
  event: StepEvent,
  resolved: ResolvedTemplate,
  changes: CaseChanges,
  plugin: LoadedPlugin,
  result: PluginResult<unknown> | undefined,
  declared: DeclaredEffects | undefined,
  where: { readonly hook: string; readonly node?: string; readonly transition?: string },
): void {
  if (!result) return;
  const { template } = resolved;
  const ownId = (id: string) => id.startsWith(`${plugin.name}/`);
  const undeclared = (what: string) => new PluginFailure(plugin, `PWY_PLUGIN_EFFECT_UNDECLARED: ${where.hook} ${what} without declaring it in its effects; nothing was changed.`);
  if (result.state !== undefined) {
    const schema = plugin.definition.state?.schema;
    const parsed = schema?.safeParse(result.state);
    if (!schema || !parsed?.success) {
      throw new PluginFailure(plugin, `PWY_PLUGIN_STATE_INVALID: ${where.hook} returned a state ${schema ? `its schema refuses (${parsed?.error?.issues.map((issue) => issue.message).join('; ')})` : 'but the plugin declares none'}; nothing was changed.`);
    }
    const max = plugin.definition.state?.maxBytes ?? 4096;
    const size = JSON.stringify(parsed.data ?? null).length;
    if (size > max) throw new PluginFailure(plugin, `PWY_PLUGIN_STATE_INVALID: ${where.hook} returned a state of ${size} bytes, more than its bound of ${max}; nothing was changed.`);
    if (typeof parsed.data === 'object' && parsed.data !== null) validFor(schema).add(deepFreeze(parsed.data));
    draft.plugins = { ...draft.plugins, [plugin.name]: parsed.data };
  }
  for (const item of result.workItems ?? []) {
    const type = template.workItemTypes.find((w) => w.id === item.workItemType);
    if (!type) throw new PluginFailure(plugin, `${where.hook} opened a work item of type "${item.workItemType}", which the pathway does not declare.`);
    if (!ownId(type.id) && !(declared?.openWorkItem ?? []).includes(type.id)) throw undeclared(`opened national work "${type.id}"`);
    openWorkItem(draft, emit, event, resolved.workItems, {
      workItemType: type.id,
      ownerRole: item.ownerRole ?? type.ownerRole ?? 'coordinator',
      ...(type.ownerAgency ? { ownerAgency: type.ownerAgency } : {}),
      ...(where.node ? { node: where.node } : {}),
      ...(item.due !== undefined ? { dueAt: toUtcIso(item.due) } : {}),
      ...(item.due === undefined && resolved.typeDeadline(type.id) ? { deadline: resolved.typeDeadline(type.id)! } : {}),
    });
  }
  for (const close of result.closeWorkItems ?? []) {
    const items = Object.values(draft.workItems).filter((item) => (close.id !== undefined ? item.id === close.id : item.workItemType === close.workItemType));
    if (close.id === undefined && close.workItemType === undefined) throw new PluginFailure(plugin, `${where.hook} asked to close work items without naming an id or a type.`);
    for (const item of items) {
      if (!ownId(item.workItemType) && !(declared?.openWorkItem ?? []).includes(item.workItemType)) throw undeclared(`closed national work "${item.workItemType}"`);
      setWorkItemStatus(draft, emit, event, item, close.status);
    }
  }
  for (const [fact, value] of Object.entries(result.facts ?? {})) {
    if (!template.facts.some((f) => f.id === fact)) throw new PluginFailure(plugin, `${where.hook} recorded the case fact "${fact}", which the pathway does not declare.`);
    if (!ownId(fact) && !(declared?.recordFact ?? []).includes(fact)) throw undeclared(`recorded the case fact "${fact}"`);
    changes.setFact(draft, emit, raise, event, fact, value);
  }
  for (const milestone of result.milestones ?? []) {
    if (!template.milestones.some((m) => m.id === milestone)) throw new PluginFailure(plugin, `${where.hook} recorded the milestone "${milestone}", which the pathway does not declare.`);
    if (!(declared?.recordMilestone ?? []).includes(milestone)) throw undeclared(`recorded the milestone "${milestone}"`);
    const before = draft.milestones[milestone];
    changes.recordMilestone(draft, emit, event, milestone, where.transition);
    if (before === undefined && draft.milestones[milestone] !== undefined) raise({ type: internalEventTypes.milestoneReached, payload: { milestone } });
  }
  if ((result.assessments ?? []).length > 0) {
    if (declared?.setTier !== true) throw undeclared('assessed a person (which may set the tier)');
    const levels = new Set(template.tiers?.levels.map((level) => level.id) ?? []);
    for (const assessment of result.assessments ?? []) {
      if (!own(draft.persons, assessment.personId)) throw new PluginFailure(plugin, `${where.hook} assessed "${assessment.personId}", who is not in the case.`);
      if (!levels.has(assessment.level)) throw new PluginFailure(plugin, `${where.hook} assessed a level "${assessment.level}" the pathway's tiers do not have.`);
      draft.risk = {
        ...draft.risk,
        [assessment.personId]: { level: assessment.level, assessedAt: eventTime(event, draft), by: `${plugin.name}@${plugin.version}`, tool: assessment.tool ?? plugin.name },
      };
    }
    raise({ type: internalEventTypes.tierRecompute, payload: { cause: event.type } });
  }
  for (const note of result.notify ?? []) {
    if (!template.roles.some((role) => role.id === note.role)) throw new PluginFailure(plugin, `${where.hook} notified the role "${note.role}", which the pathway does not declare.`);
    emit({ type: 'notify.role', effectId: nextId(draft, event), role: note.role, message: note.message, ...(where.node ? { node: where.node } : {}), ...(where.transition ? { transition: where.transition } : {}) });
  }
  for (const request of result.requests ?? []) {
    emit({
      type: 'plugin.request',
      effectId: nextId(draft, event),
      plugin: `${plugin.name}@${plugin.version}`,
      request: request.type,
      payload: request.payload ?? {},
      ...(where.node ? { node: where.node } : {}),
      ...(where.transition ? { transition: where.transition } : {}),
    });
  }
}
