import { z } from 'zod';
import { eventDeclaration } from './events.js';
import { pathwayNode } from './nodes.js';
import { parameter } from './parameters.js';
import { practiceSteps } from './practice-steps.js';
import { elementId, ianaZone, isoDate, labels, semverString } from './primitives.js';
import { transition } from './transitions.js';

/** A stage: one of the six practice steps, as a container for the activities done in it. */
export const stage = z.strictObject({
  /** Which practice step this stage is. Stages are listed in the order of the six steps. */
  step: z.enum(practiceSteps),
  /** User-facing name; defaults to the step's English name. */
  label: labels.optional(),
  /** National reporting code, e.g. `FV-RES`. */
  reportingCode: z.string().regex(/^[A-Z][A-Z0-9-]*$/).optional(),
});
export type Stage = z.infer<typeof stage>;

/** A role people hold in the response, e.g. coordinator or specialist victim advocate. */
export const role = z.strictObject({
  id: elementId,
  label: labels,
});
export type Role = z.infer<typeof role>;

/** A fact worth marking once reached, e.g. first contact made. */
export const milestone = z.strictObject({
  id: elementId,
  label: labels,
  reportingCode: z.string().regex(/^[A-Z][A-Z0-9-]*$/).optional(),
});
export type Milestone = z.infer<typeof milestone>;

/** Where the pathway runs: the time zone and calendar deadlines are counted in. */
export const locality = z.strictObject({
  /** IANA time zone, e.g. `Pacific/Auckland`. */
  timeZone: ianaZone,
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that count as working days. */
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
  /** Public holidays (local dates) skipped by working-day counts, from locality configuration. */
  holidays: z.array(isoDate).default([]),
});
export type Locality = z.infer<typeof locality>;

/** A pathway template: the data a national team or locality declares. */
export const pathwayTemplate = z.strictObject({
  /** Link to the JSON Schema, for editors. Ignored by Pathways. */
  $schema: z.string().optional(),
  /** Template id, e.g. `nz-national-baseline`. Stable across versions. */
  id: elementId,
  /** Semantic version of this template. */
  version: semverString,
  /** User-facing title. */
  title: labels,
  /** Jurisdiction code, e.g. `NZ`. */
  jurisdiction: z.string().regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, { message: 'must be an ISO 3166 code such as NZ or NZ-CAN' }),
  /** A national baseline, or a variant of one. */
  kind: z.enum(['baseline', 'variant']),
  /** The date from which this version may be used for new cases. */
  effectiveFrom: isoDate,
  /** Time zone and working calendar deadlines are counted in. */
  locality: locality,
  /** One stage per practice step, in order. */
  stages: z.array(stage),
  /** Roles referred to by nodes. */
  roles: z.array(role).default([]),
  /** Milestones that nodes and actions may record. */
  milestones: z.array(milestone).default([]),
  /** Commands the case accepts, with payload schemas. */
  events: z.array(eventDeclaration).default([]),
  /** Tailorable values referred to by `{ "param": name }`. */
  parameters: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'must be a camelCase name' }), parameter).default({}),
  /** Activities. */
  nodes: z.array(pathwayNode),
  /** Moves between activities. */
  transitions: z.array(transition),
});

/** A parsed, schema-valid pathway template (defaults applied). */
export type PathwayTemplate = z.infer<typeof pathwayTemplate>;
/** A template as written in JSON, before defaults are applied. */
export type PathwayTemplateInput = z.input<typeof pathwayTemplate>;
