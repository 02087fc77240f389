import { z } from 'zod';
import { governanceField } from './governance.js';
import { elementId, eventType, labels } from './primitives.js';

/** One risk tier, e.g. `high`. */
export const tierLevel = z.strictObject({
  id: elementId,
  label: labels,
  /** What the tier means for practice (e.g. "intensive case management"). */
  description: z.string().max(2000).optional().describe('What the tier means for practice (e.g. "intensive case management").'),
});
export type TierLevel = z.infer<typeof tierLevel>;

/**
 * Tiers as data: their names and order, how the case tier is derived from per-person levels, and
 * the only event that may lower it. Never hard-coded.
 */
export const tiers = z.strictObject({
  /** Tiers from lowest to highest. */
  levels: z.array(tierLevel).min(1).describe('Tiers from lowest to highest.'),
  /** How the case tier is derived. */
  derivation: z.strictObject({
    /**
     * `highest-victim-survivor-level`: the highest current level among adult victim-survivors'
     * and children's assessments, raised further by a recorded professional-judgement override.
     */
    rule: z.literal('highest-victim-survivor-level'),
    /** Roles that may record a professional-judgement override (raising only). */
    overrideRoles: z.array(elementId).default([]).describe('Roles that may record a professional-judgement override (raising only).'),
  }),
  /** The explicit, reasoned event that alone may lower the tier. */
  lowering: z.strictObject({
    /** Event type, e.g. `tier.deescalated`; it must carry a reason. */
    event: eventType.describe('Event type, e.g. `tier.deescalated`; it must carry a reason.'),
    /** Roles authorised to send it. */
    roles: z.array(elementId).min(1).describe('Roles authorised to send it.'),
    /**
     * The review points where the tier may be lowered (e.g. the intensive case management review,
     * a scheduled plan review): never at intake or triage. Anywhere when omitted.
     */
    at: z.array(elementId).min(1).optional().describe('The review points (nodes) where the tier may be lowered, never at intake or triage. Anywhere when omitted.'),
  }),
  governance: governanceField,
});
export type Tiers = z.infer<typeof tiers>;
