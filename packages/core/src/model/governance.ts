import { z } from 'zod';
import { jsonValue } from './json-value.js';

/**
 * Limits on one tailorable field. Durations compare by length (`P1D` = 24 hours, `P1M` = 30 days,
 * working days only with working days); numbers numerically; `values` lists what an enum or text
 * field may become.
 */
export const fieldBounds = z.strictObject({
  /** Smallest allowed value (a duration, working-day span or number, like the field). */
  min: jsonValue.optional().describe('Smallest allowed value (a duration, working-day span or number, like the field).'),
  /** Largest allowed value. */
  max: jsonValue.optional().describe('Largest allowed value.'),
  /** Allowed values, for enum-like fields. */
  values: z.array(jsonValue).min(1).optional().describe('Allowed values, for enum-like fields.'),
});
export type FieldBounds = z.infer<typeof fieldBounds>;

/**
 * Effects a variant's own elements (local nodes, transitions, escalations and events) may have on
 * a national element. None unless the baseline lists them:
 * - `recordMilestone` (on a milestone): a local transition may record it;
 * - `openWorkItem` (on a work-item type): a local activity or escalation may open (and work) one,
 *   due never later than the national bound;
 * - `setTier` (on the tiers): a local event may set or raise the tier as an assessment source;
 * - `recordFact` (on a case fact): a local event may record it.
 */
export const localEffects = ['recordMilestone', 'openWorkItem', 'setTier', 'recordFact'] as const;
export type LocalEffect = (typeof localEffects)[number];

const localEffectsField = z
  .array(z.enum(localEffects))
  .optional()
  .describe("Effects a variant's own elements may have on this national element (none when omitted): recordMilestone, openWorkItem, setTier, recordFact.");

/**
 * Who may change an element in a variant, and what a variant's own elements may do to it.
 * - `locked`: nothing about it may change, and (for a node) nor may its outgoing transitions.
 * - `tailorable`: only the fields listed in `bounds` may change, each within its bounds.
 * - `free`: a variant may change or remove it.
 * Whatever the mode, `localEffects` lists what local elements may do to it (default: nothing).
 */
export const governance = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('locked'),
    /** Why it is locked, in words a regional hub understands (e.g. the safeguard it protects). */
    reason: z.string().min(1).max(1000).optional().describe('Why it is locked, in words a regional hub understands (e.g. the safeguard it protects).'),
    localEffects: localEffectsField,
  }),
  z.strictObject({
    mode: z.literal('tailorable'),
    /** Field name → bounds a variant must stay within. Fields not listed may not change. */
    bounds: z.record(z.string().min(1), fieldBounds).describe('Field name → bounds a variant must stay within. Fields not listed may not change.'),
    reason: z.string().min(1).max(1000).optional(),
    localEffects: localEffectsField,
  }),
  z.strictObject({ mode: z.literal('free'), localEffects: localEffectsField }),
]);
export type Governance = z.infer<typeof governance>;

/** Governance as an optional element field; an element without it is free. */
export const governanceField = governance.optional();
