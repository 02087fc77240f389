import { z } from 'zod';
import { sensitivity } from './case-data.js';
import { governanceField } from './governance.js';
import { labels } from './primitives.js';
import { reportingCode } from './reporting.js';

/**
 * A case fact's name: camelCase, e.g. `safetyOrderExpiresAt`; a variant's own facts carry its
 * namespace, e.g. `chc/hearingAt`.
 */
export const factPattern = /^(?:[a-z][a-z0-9-]*\/)?[a-z][a-zA-Z0-9]*$/;
export const factName = z.string().regex(factPattern, { message: 'must be a camelCase fact name such as safetyOrderExpiresAt (a local one with its namespace, such as chc/hearingAt)' }).max(80);

/**
 * A dated case fact the engine reads: a Police Safety Order's or protection order's expiry, a
 * release from custody. Recorded by a command at any step (`fact.recorded`, or an event that
 * `records` it from its payload); deadlines and waits may count from it (`relativeTo`). The value
 * is an instant, never personal details.
 */
export const caseFact = z.strictObject({
  id: factName.describe('Fact name, camelCase, e.g. `safetyOrderExpiresAt`.'),
  label: labels,
  /** The kind of value: an instant (date and time with an offset). */
  type: z.literal('instant').describe('The kind of value: an instant (date and time with an offset).'),
  /** What it records, in plain words. */
  description: z.string().max(2000).optional().describe('What it records, in plain words.'),
  sensitivity: sensitivity.optional(),
  reportingCode: reportingCode.optional(),
  governance: governanceField,
});
export type CaseFact = z.infer<typeof caseFact>;
