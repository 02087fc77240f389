import type { z } from 'zod';
import type { ErrorCode } from '../errors/catalogue.js';
import type { CaseFact } from './case-facts.js';
import type { CaseDataField } from './case-data.js';
import type { LocalEffect } from './governance.js';
import type { Labels } from './primitives.js';
import type { Parameter } from './parameters.js';
import type { WorkItemType } from './work-items.js';

// The plugin SDK's one definition: what a plugin contributes, typed so that every hook sees its
// own node type's configuration and the plugin's own state without a cast. A definition is plain
// data plus pure functions; it is isomorphic (the designer simulates with it in a browser). What
// talks to the outside world lives in the plugin's `./server` entry (see `defineEffectHandlers`).

/** What plugin code reads of a case: a read-only view, never the engine's internals. */
export interface PluginCaseView {
  readonly caseId: string;
  /** The case tier, or null before a first assessment. */
  readonly tier: string | null;
  readonly persons: readonly { readonly id: string; readonly roles: readonly string[] }[];
  /** Milestones reached, with when (UTC). */
  readonly milestones: Readonly<Record<string, string>>;
  /** Dated case facts recorded (UTC instants). */
  readonly facts: Readonly<Record<string, string>>;
  /** Outstanding work items. */
  readonly workItems: readonly { readonly id: string; readonly workItemType: string; readonly status: string; readonly ownerRole: string; readonly due?: string; readonly node?: string }[];
}

/** What every plugin hook is given: the case, the plugin's own state, and when. */
export interface PluginHookArgs<State> {
  readonly case: PluginCaseView;
  /** The plugin's state in this case (`context.plugins[name]`), as its schema defines it. */
  readonly state: State;
  /** The command's time, UTC: hooks never read a clock. */
  readonly at: string;
}

/** A hook of a node type: its node's id and configuration (at the node type's current version). */
export interface NodeHookArgs<State, Config> extends PluginHookArgs<State> {
  readonly node: string;
  readonly config: Config;
}

/** A hook asked about an event: its type, its payload, and the params the template gives the hook. */
export interface EventHookArgs<State> extends PluginHookArgs<State> {
  readonly event: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * A guard or action on a transition: the event it is taken on, and the node the transition leaves
 * (absent when an event's `record` hook runs where no transition of the pathway takes the event).
 */
export interface TransitionHookArgs<State> extends EventHookArgs<State> {
  readonly node?: string;
}

/** The refusal codes a plugin guard may give (the core's own, so clients handle them alike). */
export type PluginRefusalCode = Extract<ErrorCode, 'PWY_COMMAND_NOT_ALLOWED' | 'PWY_COMMAND_PAYLOAD_INVALID' | 'PWY_PLUGIN_REFUSED'>;

/** A guard's answer: the event may pass, or a coded refusal with a message for the person who sent it. */
export type PluginGuardResult = true | { readonly code: PluginRefusalCode; readonly message: string };

/** A JSON value a plugin puts in its state or its requests. */
export type PluginJson = string | number | boolean | null | readonly PluginJson[] | { readonly [key: string]: PluginJson };

/**
 * What a hook does to the case, as data. Anything it does to elements that are not the plugin's
 * own (a national milestone, work-item type or case fact, the tier) must be declared in the
 * hook's `effects`; the engine refuses an undeclared one as an incident, and the national floor's
 * governance judges the declaration.
 */
export interface PluginResult<State> {
  /** The plugin's new state in this case (validated against its schema, bounded in size). */
  readonly state?: State;
  /** Requests for the plugin's server-side handlers, dispatched after the command is committed. */
  readonly requests?: readonly { readonly type: string; readonly payload?: Readonly<Record<string, PluginJson>> }[];
  /** Work items to open: of the plugin's own types, or declared national ones. `due` is a UTC instant. */
  readonly workItems?: readonly { readonly workItemType: string; readonly ownerRole?: string; readonly due?: string }[];
  /**
   * Outstanding work items to close (`done`, or `cancelled`): by id, or every one of a type. Of the
   * plugin's own types, or national ones declared under `openWorkItem` (what a plugin may open, it
   * may close).
   */
  readonly closeWorkItems?: readonly { readonly id?: string; readonly workItemType?: string; readonly status: 'done' | 'cancelled' }[];
  /** Dated case facts to record (an instant, or null to clear). */
  readonly facts?: Readonly<Record<string, string | null>>;
  /** Milestones to record. */
  readonly milestones?: readonly string[];
  /** Risk assessments of persons, as a risk tool's result (they may raise the tier; never lower it). */
  readonly assessments?: readonly { readonly personId: string; readonly level: string; readonly tool?: string }[];
  /** Roles to notify. */
  readonly notify?: readonly { readonly role: string; readonly message: string }[];
}

/**
 * The effects a hook may have on elements that are not the plugin's own, declared statically: the
 * same vocabulary as `governance.localEffects`, each naming what it may touch.
 */
export interface DeclaredEffects {
  readonly recordMilestone?: readonly string[];
  readonly openWorkItem?: readonly string[];
  readonly recordFact?: readonly string[];
  /** True when it may set or raise the tier (through assessments). */
  readonly setTier?: boolean;
}

/** The effect kinds, for loops over `DeclaredEffects`. */
export const declaredEffectKinds = ['recordMilestone', 'openWorkItem', 'recordFact', 'setTier'] as const satisfies readonly LocalEffect[];

/** How a node type shows in the designer's palette and forms. */
export interface DesignerMetadata {
  /** The name in the palette; other languages (e.g. `mi` for te reo Māori) beside `en`. */
  readonly label: Labels;
  /** The palette group, e.g. `assessment`, `meeting`, `intervention`, `check`. */
  readonly category: string;
  /** An icon name from the designer's icon set, e.g. `clipboard-check`. */
  readonly icon?: string;
  /** A colour, `#rrggbb`. */
  readonly colour?: string;
  /** Help shown beside the form, in plain words. */
  readonly help?: Labels;
  /** A link to the node type's documentation. */
  readonly docs?: string;
}

/** An earlier version of a node type's configuration, and how to bring it to the next version. */
export interface EarlierNodeTypeVersion {
  readonly config: z.ZodType;
  /** From this version's configuration (already checked against `config`) to the next version's. */
  migrate(previous: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * A node type, versioned by an integer. Templates pin the version they were written for; loading a
 * template runs the migrations of every earlier version it uses, up to `typeVersion`.
 */
export interface NodeTypeDefinition<State, Config extends z.ZodType> extends DesignerMetadata {
  /** The current version, an integer from 1. */
  readonly typeVersion: number;
  /** The configuration schema of the current version: it drives the designer's form and validation. */
  readonly config: Config;
  /** Every earlier version, by number, with its schema and its migration to the next. */
  readonly earlier?: Readonly<Record<number, EarlierNodeTypeVersion>>;
  /** The plugin's events the node's outgoing transitions are taken on (a designer offers these). */
  readonly accepts?: readonly string[];
  /**
   * A work item the node opens on entry and closes when the case leaves it (like a human task):
   * one of the plugin's own work-item types, or a declared national one.
   */
  readonly workItemType?: string;
  /** Runs when a case enters the node. */
  enter?(args: NodeHookArgs<State, z.infer<Config>>): PluginResult<State> | undefined;
  /** What `enter` (and the node's work item) may do to elements that are not the plugin's own. */
  readonly effects?: DeclaredEffects;
}

/** An event a plugin's nodes are taken on (or that its handlers send back), with its payload schema. */
export interface PluginEventDefinition {
  readonly label: Labels;
  readonly payload: z.ZodType<Record<string, unknown>>;
  /** Roles allowed to send it; any role when omitted. */
  readonly roles?: readonly string[];
  /**
   * A case record rather than a step of the flow (a report of concern can be made at any time):
   * the plugin's `action` runs whenever the event is taken, before the transition's own actions,
   * and where no transition of the pathway takes the event it is taken at any step of an open case.
   * The optional `guard` must pass first (its refusal is the command's). Both are names of this
   * plugin's guards and actions taking no params; the action may touch only the plugin's own state
   * and work items (it declares no effects), as it runs without a place in the pathway a
   * national team could govern.
   */
  readonly record?: { readonly action: string; readonly guard?: string };
}

/** A guard a template's transitions may name as `<plugin>/<guard>`. */
export interface PluginGuardDefinition<State> {
  check(args: TransitionHookArgs<State>): PluginGuardResult;
  /** The params it takes from the template, checked when the template is loaded. */
  readonly params?: z.ZodType;
}

/** An action a template's transitions may name as `<plugin>/<action>`, with the effects it may have. */
export interface PluginActionDefinition<State> {
  run(args: TransitionHookArgs<State>): PluginResult<State> | undefined;
  /** The params it takes from the template, checked when the template is loaded. */
  readonly params?: z.ZodType;
  readonly effects?: DeclaredEffects;
}

/** What a risk tool's scoring may read besides the answers. */
export interface RiskToolContext {
  /** The plugin's installation options (from pathways.config.json), e.g. licensed item weights. */
  readonly options: unknown;
  /** A parameter of the pathway (the plugin's own are `<plugin>/<name>`), as tailored by its variants. */
  parameter(name: string): unknown;
}

/** A number or a tier, given directly or through a parameter of the pathway (so a locality can tailor it within its bounds). */
export type ToolValue<T> = T | { readonly param: string };

/** A risk tool: a questionnaire, its scoring, and the tier each score maps to. */
export interface RiskToolDefinition {
  readonly label: Labels;
  /** The tool's own version, recorded with each assessment (the plugin's version when omitted). */
  readonly version?: string;
  /** The answers' schema (a questionnaire): it drives the designer's and the practitioner's form. Topic labels only: never licensed wording. */
  readonly answers: z.ZodType<Record<string, unknown>>;
  /**
   * The score of a set of answers (checked against `answers` first), or null when the tool cannot
   * score them here (e.g. a licensed instrument whose item weights are not configured): the answers
   * are recorded and no level is given.
   */
  score(answers: Readonly<Record<string, unknown>>, context: RiskToolContext): number | null;
  /** Score bands, highest first: the first whose `atLeast` the score reaches gives the level (a tier id); a score below every band gives none. */
  readonly levels: readonly { readonly atLeast: ToolValue<number>; readonly level: ToolValue<string> }[];
  readonly docs?: string;
}

/** An escalation trigger type templates may use as `{ "kind": "plugin", "type": "<plugin>/<trigger>" }`. */
export interface TriggerDefinition<State> {
  readonly label: Labels;
  /** The params a template gives it, checked when the template is loaded. */
  readonly params?: z.ZodType;
  /** The events after which it is asked whether it fires. */
  readonly on: readonly string[];
  fires(args: EventHookArgs<State>): boolean;
}

/** The plugin's own case state, under `context.plugins[name]`. */
export interface PluginStateDefinition<Schema extends z.ZodType> {
  readonly schema: Schema;
  /** The state of a new case. */
  readonly initial: z.infer<Schema>;
  /** The largest serialised state (bytes) a case may hold for this plugin; 4,096 by default. */
  readonly maxBytes?: number;
  /**
   * Brings a state an earlier version of the plugin left in a case (one `schema` refuses) to the
   * current shape, e.g. when a node type's new version needs more in it. Run on first use; its
   * result is checked against `schema`.
   */
  migrate?(previous: unknown): z.infer<Schema>;
}

/**
 * What a plugin contributes beyond single cases, for a locality: meeting series and scheduled jobs
 * that span many cases. Run by the server; declared here so they are validated with the rest.
 */
export interface LocalityContribution {
  readonly meetingSeries?: Readonly<Record<string, { readonly label: Labels; readonly cadences: readonly string[]; readonly listingType?: string }>>;
  readonly jobs?: Readonly<Record<string, LocalityJob>>;
}

/** A job run on a schedule for a whole locality (e.g. building a meeting's agenda): it returns requests for the plugin's handlers. */
export interface LocalityJob {
  readonly label: Labels;
  /** How often, as a meeting cadence (daily, weekdays, weekly, …). */
  readonly every: string;
  run(args: { readonly locality: string; readonly at: string }): readonly { readonly type: string; readonly payload?: Readonly<Record<string, PluginJson>> }[];
}

/** A plugin, as written. `definePlugin` returns it unchanged, typed. */
export interface PluginDefinition<StateSchema extends z.ZodType = z.ZodType, Configs extends Record<string, z.ZodType> = Record<string, z.ZodType>> {
  /** kebab-case, e.g. `housing-safety`: the namespace of its node types (`housing-safety/assessment`) and events (`housing-safety.assessed`). */
  readonly name: string;
  /** Semantic version of the plugin. */
  readonly version: string;
  /** The range of Pathways engine versions it works with, e.g. `^0.1.0`. */
  readonly engine: string;
  readonly label: Labels;
  readonly description?: string;
  readonly docs?: string;
  readonly state?: PluginStateDefinition<StateSchema>;
  readonly nodeTypes?: { readonly [K in keyof Configs]: NodeTypeDefinition<z.infer<StateSchema>, Configs[K]> };
  readonly events?: Readonly<Record<string, PluginEventDefinition>>;
  readonly guards?: Readonly<Record<string, PluginGuardDefinition<z.infer<StateSchema>>>>;
  readonly actions?: Readonly<Record<string, PluginActionDefinition<z.infer<StateSchema>>>>;
  /** Work-item types, written like a template's (`id` namespaced `<plugin>/…`). */
  readonly workItemTypes?: readonly z.input<z.ZodType<WorkItemType>>[];
  /** Dated case facts, written like a template's (`id` namespaced `<plugin>/…`). */
  readonly facts?: readonly z.input<z.ZodType<CaseFact>>[];
  /** Case-data fields for persons and episodes, written like a template's. */
  readonly caseData?: { readonly person?: readonly z.input<z.ZodType<CaseDataField>>[]; readonly episode?: readonly z.input<z.ZodType<CaseDataField>>[] };
  readonly riskTools?: Readonly<Record<string, RiskToolDefinition>>;
  readonly triggers?: Readonly<Record<string, TriggerDefinition<z.infer<StateSchema>>>>;
  /**
   * Parameters the plugin adds to every pathway that uses it (see the template's `plugins`), named `<plugin>/<name>` there:
   * written like a template's, with governance and bounds, so a national team locks them and a
   * region tailors them like any other (e.g. a risk tool's local bands).
   */
  readonly parameters?: Readonly<Record<string, z.input<z.ZodType<Parameter>>>>;
  /**
   * Options set where the plugin is installed (pathways.config.json), checked against this schema:
   * what differs per installation rather than per pathway, e.g. licensed item weights.
   */
  readonly options?: { readonly schema: z.ZodType };
  readonly locality?: LocalityContribution;
}

/**
 * A plugin definition of any state and node types, as loaders and registries hold it. (Hooks are
 * methods, so a plugin with its own state and configuration types is one of these.)
 */
export type AnyPluginDefinition = PluginDefinition<z.ZodType, Record<string, z.ZodType>>;

/**
 * Defines a plugin. Returns its argument unchanged, fully typed: each node type's hooks see its
 * own configuration type, every hook sees the plugin's state type, with no cast at the use site.
 */
export function definePlugin<StateSchema extends z.ZodType = z.ZodObject<Record<string, never>>, Configs extends Record<string, z.ZodType> = Record<string, never>>(
  definition: PluginDefinition<StateSchema, Configs>,
): PluginDefinition<StateSchema, Configs> {
  return definition;
}
