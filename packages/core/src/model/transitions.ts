import { z } from 'zod';
import { elementId, eventType } from './primitives.js';

/** JSON values allowed as guard and action parameters: data only, never code. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/** A named guard with parameters, e.g. `{ "name": "payloadEquals", "params": { "field": "risk", "value": "high" } }`. */
export const guardRef = z.strictObject({
  /** Name of a guard the engine (or an installed plugin) provides. */
  name: z.enum(['payloadEquals']),
  params: z.record(z.string(), jsonValue).default({}),
});
export type GuardRef = z.infer<typeof guardRef>;

/** A named action with parameters; actions emit effects as data and never do I/O. */
export const actionRef = z.strictObject({
  name: z.enum(['notifyRole', 'recordMilestone']),
  params: z.record(z.string(), jsonValue).default({}),
});
export type ActionRef = z.infer<typeof actionRef>;

/** The event the engine sends when a scheduled timer's due time passes. */
export const timerFiredEvent = 'timer.fired';

/** A move from one node to another. */
export const transition = z.strictObject({
  /** Unique id of the transition across the template. */
  id: elementId,
  /** Source node id. */
  from: elementId,
  /** Target node id. */
  to: elementId,
  /**
   * Event that triggers it: a declared event type, or `timer.fired` out of a wait node. Omitted
   * for automatic transitions out of decision and notify nodes.
   */
  on: eventType.optional(),
  /** Condition that must hold for the transition to be taken. */
  guard: guardRef.optional(),
  /** Actions run when the transition is taken, in order. */
  actions: z.array(actionRef).default([]),
  /** Leaving a human task through this transition marks its work item done (default) or cancelled. */
  workItem: z.enum(['done', 'cancelled']).default('done'),
});
export type Transition = z.infer<typeof transition>;
