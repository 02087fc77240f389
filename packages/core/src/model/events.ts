import { z } from 'zod';
import { eventType, labels } from './primitives.js';

/** One field of an event payload, declared as data so the designer and the API can validate it. */
export const payloadField = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('string'), required: z.boolean().default(true), maxLength: z.number().int().positive().max(10000).default(2000) }),
  z.strictObject({ type: z.literal('number'), required: z.boolean().default(true), min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ type: z.literal('boolean'), required: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('instant'), required: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('enum'), required: z.boolean().default(true), values: z.array(z.string().min(1)).min(1) }),
]);
export type PayloadField = z.infer<typeof payloadField>;

/** A command or fact the case can receive, with its payload schema. */
export const eventDeclaration = z.strictObject({
  /** Event type, e.g. `contact.made`. */
  type: eventType,
  /** User-facing name of the command. */
  label: labels,
  /** Payload fields by name. */
  payload: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'must be a camelCase field name' }), payloadField).default({}),
});
export type EventDeclaration = z.infer<typeof eventDeclaration>;
