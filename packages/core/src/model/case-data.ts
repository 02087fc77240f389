import { z } from 'zod';
import { governanceField } from './governance.js';
import { elementId, isoDuration, labels } from './primitives.js';

/** How sensitive a field is; decides who may see it and how it is shared. */
export const sensitivityLevels = ['general', 'personal', 'sensitive', 'restricted'] as const;

/**
 * Sensitivity of a field: a level and descriptive tags (e.g. `health`, `child`, `location`,
 * `ethnicity`) that information-sharing and retention rules select on.
 */
export const sensitivity = z.strictObject({
  level: z.enum(sensitivityLevels),
  tags: z.array(elementId).default([]),
});
export type Sensitivity = z.infer<typeof sensitivity>;

/** One field of case data (about a person or an episode). Values live in the personal-data store, never in events. */
export const caseDataField = z.strictObject({
  /** Field name, camelCase, e.g. `ethnicity`. */
  name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'must be a camelCase field name' }).describe('Field name, camelCase, e.g. `ethnicity`.'),
  label: labels,
  type: z.enum(['text', 'number', 'boolean', 'date', 'instant', 'enum', 'agency']),
  /** Allowed values, for `enum` fields. */
  values: z.array(elementId).min(1).optional().describe('Allowed values, for `enum` fields.'),
  /** Whether several values may be recorded (e.g. several ethnicities). */
  multiple: z.boolean().default(false).describe('Whether several values may be recorded (e.g. several ethnicities).'),
  required: z.boolean().default(false),
  sensitivity: sensitivity,
  governance: governanceField,
});
export type CaseDataField = z.infer<typeof caseDataField>;

/** Fields recorded about persons and episodes. */
export const caseData = z.strictObject({
  /** Fields about each person (e.g. ethnicity, age band, disability). */
  person: z.array(caseDataField).default([]).describe('Fields about each person (e.g. ethnicity, age band, disability).'),
  /** Fields about each episode, the reported incident (e.g. when, where, source agency, children present). */
  episode: z.array(caseDataField).default([]).describe('Fields about each episode, the reported incident (e.g. when, where, source agency, children present).'),
});
export type CaseData = z.infer<typeof caseData>;

/** What happens to data once its retention period ends. */
export const retentionRule = z.strictObject({
  id: elementId,
  label: labels,
  /** Which fields it covers: those carrying this sensitivity tag, or all personal data when omitted. */
  tag: elementId.optional().describe('Which fields it covers: those carrying this sensitivity tag, or all personal data when omitted.'),
  /** How long to keep it, ISO 8601 (e.g. `P7Y`). */
  keepFor: isoDuration.describe('How long to keep it, ISO 8601 (e.g. `P7Y`).'),
  /** When the period starts counting. */
  from: z.enum(['caseClosed', 'recorded', 'lastActivity']).describe('When the period starts counting.'),
  /** What happens then. */
  then: z.enum(['erase', 'anonymise', 'review']).describe('What happens then.'),
  governance: governanceField,
});
export type RetentionRule = z.infer<typeof retentionRule>;
