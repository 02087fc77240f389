import { z } from 'zod';
import { governanceField } from './governance.js';
import { elementId, labels } from './primitives.js';

/** Kinds of agency taking part in a response. */
export const agencyTypes = [
  'police',
  'child-protection',
  'corrections',
  'health',
  'justice',
  'income-and-housing',
  'education',
  'specialist-family-violence',
  'kaupapa-maori',
  'pacific-and-ethnic',
  'disability-and-rainbow',
  'community',
  'regional-hub',
  'other',
] as const;

/** An agency (or kind of agency) that refers, owns work items or attends meetings. */
export const agency = z.strictObject({
  /** Unique id, e.g. `nz-police`. */
  id: elementId.describe('Unique id, e.g. `nz-police`.'),
  /** Public name, e.g. NZ Police. */
  label: labels.describe('Public name, e.g. NZ Police.'),
  /** What kind of agency it is. */
  agencyType: z.enum(agencyTypes).describe('What kind of agency it is.'),
  governance: governanceField,
});
export type Agency = z.infer<typeof agency>;

/** A role people hold in the response, e.g. coordinator or specialist victim advocate. */
export const role = z.strictObject({
  /** Unique id, e.g. `coordinator`. */
  id: elementId.describe('Unique id, e.g. `coordinator`.'),
  /** User-facing name. */
  label: labels.describe('User-facing name.'),
  /** What people in this role do, in plain words. */
  description: z.string().max(2000).optional().describe('What people in this role do, in plain words.'),
  governance: governanceField,
});
export type Role = z.infer<typeof role>;
