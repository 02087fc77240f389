import { z } from 'zod';
import { eventType, isoInstant, runtimeId } from './primitives.js';

/**
 * The event envelope every command travels in. `at` is the only clock actions read, and
 * `expectedVersion` is the case version a person decided on: a stale human decision is refused,
 * never silently applied.
 */
export const commandEnvelope = z.strictObject({
  /** Command type, e.g. `contact.made`. */
  type: eventType,
  /** Command data; validated against the schema the template declares for the type. */
  payload: z.record(z.string(), z.unknown()).default({}),
  /** When it happened, ISO 8601 with an offset. */
  at: isoInstant,
  /** Who sent it: a user id, or `system` for timers. */
  actor: runtimeId,
  /** The role the actor acts in (e.g. `coordinator`); commands restricted to roles need it. */
  actorRole: z.string().min(1).max(120).optional(),
  /** Unique per command; a repeated key is answered with the earlier result, not applied twice. */
  idempotencyKey: runtimeId,
  /** The case version the sender saw; omitted only for system events such as timers. */
  expectedVersion: z.number().int().min(0).optional(),
});

/** A validated command. */
export type CommandEnvelope = z.infer<typeof commandEnvelope>;
/** A command as sent, before defaults. */
export type CommandInput = z.input<typeof commandEnvelope>;
