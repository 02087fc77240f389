import { z } from 'zod';
import { sensitivity } from './case-data.js';
import { factName } from './case-facts.js';
import { governanceField } from './governance.js';
import { elementId, eventType, labels } from './primitives.js';

const fieldBase = {
  /** Whether the field must be present. */
  required: z.boolean().default(true).describe('Whether the field must be present.'),
  /** How sensitive the value is; narrative text belongs in the personal-data store, not here. */
  sensitivity: sensitivity.optional().describe('How sensitive the value is; narrative text belongs in the personal-data store, not here.'),
};

/** One field of an event payload, declared as data so the designer and the API can validate it. */
export const payloadField = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('string'), ...fieldBase, maxLength: z.number().int().positive().max(10000).default(2000) }),
  z.strictObject({ type: z.literal('number'), ...fieldBase, min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ type: z.literal('boolean'), ...fieldBase }),
  z.strictObject({ type: z.literal('instant'), ...fieldBase }),
  z.strictObject({ type: z.literal('enum'), ...fieldBase, values: z.array(z.string().min(1)).min(1) }),
  /** The id of a person in the case (never their details). */
  z.strictObject({ type: z.literal('personId'), ...fieldBase }),
  /** The id of a tier declared under `tiers`. */
  z.strictObject({ type: z.literal('tier'), ...fieldBase }),
  /** The id of a declared agency. */
  z.strictObject({ type: z.literal('agency'), ...fieldBase }),
]);
export type PayloadField = z.infer<typeof payloadField>;

/** A command or fact the case can receive, with its payload schema. */
export const eventDeclaration = z.strictObject({
  /** Event type, e.g. `contact.made`. */
  type: eventType.describe('Event type, e.g. `contact.made`.'),
  /** User-facing name of the command. */
  label: labels.describe('User-facing name of the command.'),
  /** Payload fields by name. */
  payload: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'must be a camelCase field name' }), payloadField).default({}).describe('Payload fields by name.'),
  /** Roles that may send it; any role when omitted. */
  roles: z.array(elementId).optional().describe('Roles that may send it; any role when omitted.'),
  /**
   * Case facts it records from its payload when the case takes it: payload field (of type
   * instant) → fact name, e.g. `{ "safetyOrderExpiresAt": "safetyOrderExpiresAt" }`.
   */
  records: z
    .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'must be a camelCase field name' }), factName)
    .optional()
    .describe('Case facts it records from its payload when the case takes it: payload field (of type instant) → fact name.'),
  /**
   * An assessment source for the tier: a decision (e.g. a triage meeting's) whose payload field
   * (of type tier) sets the case tier when none is set and raises it; it never lowers it.
   */
  assessesTier: z
    .strictObject({
      /** The payload field of type tier that carries the decision. */
      field: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'must be a camelCase field name' }).describe('The payload field of type tier that carries the decision.'),
      /** The meeting series whose decision it is, recorded with the decision. */
      meeting: elementId.optional().describe('The meeting series whose decision it is, recorded with the decision.'),
    })
    .optional()
    .describe("An assessment source for the tier: the payload field (of type tier) sets the case tier when none is set and raises it; it never lowers it."),
  governance: governanceField,
});
export type EventDeclaration = z.infer<typeof eventDeclaration>;
