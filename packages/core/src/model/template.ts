import { z } from 'zod';
import { adjustmentPoint } from './adjustment-points.js';
import { caseData, retentionRule } from './case-data.js';
import { caseFact } from './case-facts.js';
import { conditionSchema, namedCondition } from './conditions.js';
import { escalationRule } from './escalations.js';
import { eventDeclaration } from './events.js';
import { governanceField } from './governance.js';
import { invariant } from './invariants.js';
import { layoutSection } from './layout.js';
import type { AnyPluginDefinition } from './plugin-definition.js';
import { coreNodeSchemas, pluginNodeSchema, type PathwayNode } from './nodes.js';
import { agency, role } from './organisation.js';
import { parameter } from './parameters.js';
import { practiceSteps } from './practice-steps.js';
import { elementId, ianaZone, isoDate, labels, semverRange, semverString } from './primitives.js';
import { reportingCode } from './reporting.js';
import { tiers } from './tiers.js';
import { transition } from './transitions.js';
import { planType, workItemType } from './work-items.js';

export { role, agency } from './organisation.js';
export type { Role, Agency } from './organisation.js';

/** A stage: one of the six practice steps, as a container for the activities done in it. */
export const stage = z.strictObject({
  /** Which practice step this stage is. Stages are listed in the order of the six steps. */
  step: z.enum(practiceSteps).describe('Which practice step this stage is. Stages are listed in the order of the six steps.'),
  /** User-facing name; defaults to the step's English name. */
  label: labels.optional().describe('User-facing name; defaults to the step\'s English name.'),
  /** National reporting code, e.g. `FV-RES`. */
  reportingCode: reportingCode.optional().describe('National reporting code, e.g. `FV-RES`.'),
  /** Entry criterion (sentry): the stage may be entered only while it holds. */
  entryCriterion: conditionSchema.optional().describe('Entry criterion (sentry): the stage may be entered only while it holds.'),
  /** Exit criterion (sentry): the stage may be left only once it holds. */
  exitCriterion: conditionSchema.optional().describe('Exit criterion (sentry): the stage may be left only once it holds.'),
  governance: governanceField,
});
export type Stage = z.infer<typeof stage>;

/** A fact worth marking once reached, e.g. first contact made. */
export const milestone = z.strictObject({
  id: elementId,
  label: labels,
  reportingCode: reportingCode.optional(),
  /**
   * A plan type whose every version needs it afresh (e.g. the child-expertise check): when reached
   * it counts for the plan's version in progress, and conditions read it for that version.
   */
  perPlanVersion: elementId.optional().describe("A plan type whose every version needs it afresh (e.g. the child-expertise check): conditions read it for the plan's current version."),
  governance: governanceField,
});
export type Milestone = z.infer<typeof milestone>;

/** A meeting series of the locality (e.g. daily triage, weekly intensive case management) that cases are listed at. */
export const meetingSeries = z.strictObject({
  id: elementId,
  label: labels,
  /** How often it meets: a value or an enum parameter (e.g. `daily`, `weekly`). */
  cadence: z.union([z.string().min(1), z.strictObject({ param: z.string().min(1) })]).describe('How often it meets: a value or an enum parameter (e.g. `daily`, `weekly`).'),
  /** Role that chairs it. */
  chairRole: elementId.describe('Role that chairs it.'),
  /** The work-item type of a listing at this meeting (a meetingListing type); defaults to the first one declared. */
  listingType: elementId.optional().describe('The work-item type of a listing at this meeting (a meetingListing type); defaults to the first one declared.'),
  /** The high-risk conference (e.g. intensive case management, a MARAC): repeat windows may count from the last listing here. */
  highRiskConference: z.boolean().default(false).describe('The high-risk conference (e.g. intensive case management, a MARAC): repeat windows may count from the last listing here.'),
  governance: governanceField,
});
export type MeetingSeries = z.infer<typeof meetingSeries>;

/** Where the pathway runs: the time zone and calendar deadlines are counted in. */
export const locality = z.strictObject({
  /** IANA time zone, e.g. `Pacific/Auckland`. */
  timeZone: ianaZone.describe('IANA time zone, e.g. `Pacific/Auckland`.'),
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that count as working days. */
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]).describe('ISO weekday numbers (1 = Monday … 7 = Sunday) that count as working days.'),
  /** Public holidays (local dates) skipped by working-day counts, from locality configuration. */
  holidays: z.array(isoDate).default([]).describe('Public holidays (local dates) skipped by working-day counts, from locality configuration.'),
});
export type Locality = z.infer<typeof locality>;

/** A plugin node type the parser should accept, with its installed versions and config schemas. */
export interface InstalledNodeType {
  /** `<plugin>/<name>`, e.g. `risk-tools/dash`. */
  readonly type: `${string}/${string}`;
  readonly versions: readonly number[];
  readonly config?: (version: number) => z.ZodType | undefined;
}

/**
 * An installed plugin as the parser and the compiler see it: its name and exact version (part of
 * every compiled pathway's cache key, and recorded with each case) and the node types it provides.
 */
export interface InstalledPlugin {
  /** Package-style name, e.g. `risk-tools`. */
  readonly name: string;
  /** Exact semantic version, e.g. `1.2.0`. */
  readonly version: string;
  readonly nodeTypes: readonly InstalledNodeType[];
  /** The plugin's definition (`definePlugin`), when it was loaded with `loadPlugins`: its hooks run in the engine. */
  readonly definition?: AnyPluginDefinition;
  /** Its installation options (pathways.config.json), checked against the definition's `options.schema`. */
  readonly options?: unknown;
}

function templateShape<N extends z.ZodType>(node: N) {
  return z.strictObject({
    /** Link to the JSON Schema, for editors. Ignored by Pathways. */
    $schema: z.string().optional().describe('Link to the JSON Schema, for editors. Ignored by Pathways.'),
    /** Template id, e.g. `nz-national-baseline`. Stable across versions. */
    id: elementId.describe('Template id, e.g. `nz-national-baseline`. Stable across versions.'),
    /** Semantic version of this template. */
    version: semverString.describe('Semantic version of this template.'),
    /** User-facing title. */
    title: labels.describe('User-facing title.'),
    /** What the pathway is for, in plain words. */
    description: z.string().max(10_000).optional().describe('What the pathway is for, in plain words.'),
    /** Jurisdiction code, e.g. `NZ` or `NZ-CAN`. */
    jurisdiction: z.string().regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, { message: 'must be an ISO 3166 code such as NZ or NZ-CAN' }).describe('Jurisdiction code, e.g. `NZ` or `NZ-CAN`.'),
    /** A national baseline, or a variant of one. */
    kind: z.enum(['baseline', 'variant']).describe('A national baseline, or a variant of one.'),
    /** The date from which this version may be used for new cases. */
    effectiveFrom: isoDate.describe('The date from which this version may be used for new cases.'),
    /** Time zone and working calendar deadlines are counted in. */
    locality: locality.describe('Time zone and working calendar deadlines are counted in.'),
    /**
     * The plugins this pathway uses, by name, with the versions it works with (a semantic-version
     * range such as ^1.0.0). A plugin whose elements the pathway names (a node type, guard, action,
     * trigger, work-item type, parameter or event) is used without being listed; listing it also
     * takes what it offers unnamed (risk tools, case records at any step) and checks its version.
     * Installed plugins the pathway does not use add nothing to it.
     */
    plugins: z
      .record(z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { message: 'must be a plugin name such as risk-tools' }), semverRange)
      .optional()
      .describe('The plugins this pathway uses, by name, with the versions it works with (a semantic-version range such as ^1.0.0). A plugin whose elements the pathway names is used without being listed.'),
    /** One stage per practice step, in order. */
    stages: z.array(stage).describe('One stage per practice step, in order.'),
    /** Roles referred to by nodes, work items and escalations. */
    roles: z.array(role).default([]).describe('Roles referred to by nodes, work items and escalations.'),
    /** Agencies (or kinds of agency) taking part. */
    agencies: z.array(agency).default([]).describe('Agencies (or kinds of agency) taking part.'),
    /** Fields recorded about persons and episodes, with their sensitivity. */
    caseData: caseData.default({ person: [], episode: [] }).describe('Fields recorded about persons and episodes, with their sensitivity.'),
    /** Types of work item: tasks, plan actions, assessments, research requests, referrals, meeting listings. */
    workItemTypes: z.array(workItemType).default([]).describe('Types of work item: tasks, plan actions, assessments, research requests, referrals, meeting listings.'),
    /** Types of plan (sets of work items with an approval). */
    planTypes: z.array(planType).default([]).describe('Types of plan (sets of work items with an approval).'),
    /** Risk tiers, their derivation and the only event that lowers them. Omitted: the pathway has no tiers. */
    tiers: tiers.optional().describe('Risk tiers, their derivation and the only event that lowers them. Omitted: the pathway has no tiers.'),
    /** Meeting series cases are listed at. */
    meetings: z.array(meetingSeries).default([]).describe('Meeting series cases are listed at.'),
    /** Milestones that nodes and actions may record. */
    milestones: z.array(milestone).default([]).describe('Milestones that nodes and actions may record.'),
    /** Dated case facts (e.g. an order's expiry, a release from custody) that deadlines may count from. */
    facts: z.array(caseFact).default([]).describe('Dated case facts (e.g. an order\'s expiry, a release from custody) that deadlines may count from.'),
    /** Named conditions (sentries) that invariants and transitions can refer to. */
    conditions: z.array(namedCondition).default([]).describe('Named conditions (sentries) that invariants and transitions can refer to.'),
    /** Commands the case accepts, with payload schemas. */
    events: z.array(eventDeclaration).default([]).describe('Commands the case accepts, with payload schemas.'),
    /** Tailorable values referred to by `{ "param": name }`. */
    parameters: z
      .record(z.string().regex(/^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/)?[a-z][a-zA-Z0-9]*$/, { message: 'must be a camelCase name (a plugin\'s own: plugin/name, such as risk-tools/dashVisibleHighRisk)' }), parameter)
      .default({})
      .describe('Tailorable values referred to by `{ "param": name }`; a plugin\'s own are named `<plugin>/<name>`.'),
    /** Activities. */
    nodes: z.array(node).describe('Activities.'),
    /** Moves between activities. */
    transitions: z.array(transition).describe('Moves between activities.'),
    /** Escalation rules: trigger → response. */
    escalations: z.array(escalationRule).default([]).describe('Escalation rules: trigger → response.'),
    /** Places where variants may add local content. */
    adjustmentPoints: z.array(adjustmentPoint).default([]).describe('Places where variants may add local content.'),
    /** Rules every variant must keep. */
    invariants: z.array(invariant).default([]).describe('Rules every variant must keep.'),
    /** How long personal data is kept. */
    retention: z.array(retentionRule).default([]).describe('How long personal data is kept.'),
    /** The designer's picture of the pathway: not part of it (see layoutSection). */
    layout: layoutSection.optional(),
  });
}

/** The template schema with core node types only. */
export const pathwayTemplate = templateShape(z.discriminatedUnion('type', [...coreNodeSchemas]));

type CoreTemplate = z.infer<typeof pathwayTemplate>;
/**
 * A template's content in its parsed shape (defaults applied), without the promise that every
 * check passed: what a variant produces before it is validated, or what the checks themselves
 * read. Nodes may be of plugin types.
 */
export type PathwayTemplateData = Omit<CoreTemplate, 'nodes'> & { nodes: PathwayNode[] };

declare const parsedTemplate: unique symbol;

/**
 * A template that `parseTemplate` (or `resolve`) accepted: schema-valid, every reference and
 * bound checked, and frozen, so what was checked is what compiles and runs. Only such templates
 * can be compiled (checked at run time too: a copy or a hand-made object is refused with
 * `PWY_TEMPLATE_UNPARSED`).
 */
export type PathwayTemplate = Readonly<PathwayTemplateData> & { readonly [parsedTemplate]: true };

/** A template as written in JSON, before defaults are applied. */
export type PathwayTemplateInput = z.input<typeof pathwayTemplate>;

/**
 * Builds the template schema for a set of installed plugin node types. With none installed it is
 * `pathwayTemplate`; "unknown node type" always means unknown to the installed set.
 */
export function createTemplateSchema(installed: readonly InstalledNodeType[] = []): z.ZodType<PathwayTemplateData, PathwayTemplateInput> {
  if (installed.length === 0) return pathwayTemplate;
  const node = z.discriminatedUnion('type', [...coreNodeSchemas, ...installed.map((t) => pluginNodeSchema(t.type, t.versions, t.config))]);
  // A plugin node's schema is built at run time, so zod cannot infer it as `PluginNode`; the
  // schema above is exactly that shape (see pluginNodeSchema).
  return templateShape(node) as unknown as z.ZodType<PathwayTemplateData, PathwayTemplateInput>;
}
