import { z } from 'zod';
import { adjustmentPoint } from '../model/adjustment-points.js';
import { governance } from '../model/governance.js';
import { jsonValue } from '../model/json-value.js';
import { anyPluginNode, pathwayNode } from '../model/nodes.js';
import { agency } from '../model/organisation.js';
import { eventDeclaration } from '../model/events.js';
import { elementId, isoDate, labels, localeTag, semverString } from '../model/primitives.js';
import { transition } from '../model/transitions.js';
import { layoutSection } from '../model/layout.js';

/** Collections of a template whose elements variants can address by id. */
export const elementCollections = [
  'nodes',
  'transitions',
  'roles',
  'agencies',
  'workItemTypes',
  'planTypes',
  'meetings',
  'milestones',
  'facts',
  'conditions',
  'events',
  'escalations',
  'adjustmentPoints',
  'invariants',
  'retention',
] as const;
export type ElementCollection = (typeof elementCollections)[number];

const collection = z.enum(elementCollections);
const element = z.record(z.string(), z.unknown());

/** One change a variant makes to what it extends. The vocabulary is open so forbidden changes can be refused precisely. */
export const variantChange = z.discriminatedUnion('op', [
  /** Sets a parameter's value (allowed within its bounds when tailorable). */
  z.strictObject({ op: z.literal('setParameter'), name: z.string().min(1), value: jsonValue, reason: z.string().max(2000).optional() }),
  /** Adds an element (local roles, agencies, work-item types, milestones, events, meetings, conditions, escalations, invariants, retention). */
  z.strictObject({ op: z.literal('add'), collection, element, reason: z.string().max(2000).optional() }),
  /** Replaces an element wholesale. */
  z.strictObject({ op: z.literal('replace'), collection, id: z.string().min(1), element, reason: z.string().max(2000).optional() }),
  /** Removes an element. */
  z.strictObject({ op: z.literal('remove'), collection, id: z.string().min(1), reason: z.string().max(2000).optional() }),
  /** Changes one field of an element. */
  z.strictObject({ op: z.literal('setField'), collection, id: z.string().min(1), field: z.string().min(1), value: jsonValue, reason: z.string().max(2000).optional() }),
  /** Changes or adds localised labels (e.g. te reo Māori). */
  z.strictObject({ op: z.literal('relabel'), collection, id: z.string().min(1), label: z.record(localeTag, z.string().min(1).max(500)) }),
  /** Changes a parameter's governance: lock it, or tighten its bounds (never loosen). */
  z.strictObject({ op: z.literal('setParameterGovernance'), name: z.string().min(1), governance, reason: z.string().max(2000).optional() }),
  /** Changes an element's governance: a level may lock more, never less. */
  z.strictObject({ op: z.literal('setGovernance'), collection, id: z.string().min(1), governance, reason: z.string().max(2000).optional() }),
  /** Inserts local activities at a fragment adjustment point: one entry, one exit. */
  z.strictObject({
    op: z.literal('addFragment'),
    point: elementId,
    /** Core nodes, or nodes of an installed plugin's type (checked with the plugins when resolved). */
    nodes: z.array(z.union([pathwayNode, anyPluginNode])).min(1).describe("Core nodes, or nodes of an installed plugin's type (checked with the plugins when resolved)."),
    transitions: z.array(transition).default([]),
    /** The fragment node the adjustment point's transition now leads into. */
    entry: elementId,
    /** The fragment node that leads on to where the adjustment point's transition led, and the event that moves it on. */
    exit: z.strictObject({ node: elementId, on: z.string().min(1).optional() }),
    /** Events the fragment's transitions need. */
    events: z.array(eventDeclaration).default([]),
  }),
  /** Adds an intake source (an agency, and optionally its own referral event) at an entry-point slot. */
  z.strictObject({ op: z.literal('addIntakeSource'), point: elementId, agency, event: eventDeclaration.optional() }),
  /** Sets the locality's calendar: time zone, working weekdays, holidays (e.g. the regional anniversary day). */
  z.strictObject({
    op: z.literal('setCalendar'),
    timeZone: z.string().optional(),
    workingWeekdays: z.array(z.number().int().min(1).max(7)).optional(),
    holidays: z.array(isoDate).optional(),
  }),
  /** Adds an adjustment point for levels below (a regional level may open places for its localities). */
  z.strictObject({ op: z.literal('addAdjustmentPoint'), point: adjustmentPoint }),
]);
export type VariantChange = z.infer<typeof variantChange>;

/** A variant: an overlay on the exact version of what it extends, with ordered changes. */
export const pathwayVariant = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('variant'),
  /** Variant id, e.g. `nz-canterbury`. */
  id: elementId,
  version: semverString,
  title: labels,
  description: z.string().max(10_000).optional(),
  /** The locality: its namespace prefixes local ids (`chc/…`) and its level in the hierarchy. */
  locality: z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9]*$/, { message: 'must be a short lower-case namespace such as chc' }),
    level: z.enum(['regional', 'local']),
    name: z.string().min(1).max(200),
  }),
  /** The exact version extended; `range` only proposes rebase candidates. */
  extends: z.strictObject({ id: elementId, version: semverString, range: z.string().min(1).optional() }),
  effectiveFrom: isoDate,
  changes: z.array(variantChange),
  /** The designer's picture of the variant's own elements and notes: not part of it (see layoutSection). */
  layout: layoutSection.optional(),
});
export type PathwayVariant = z.infer<typeof pathwayVariant>;
export type PathwayVariantInput = z.input<typeof pathwayVariant>;
