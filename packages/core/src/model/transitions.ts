import { z } from 'zod';
import { conditionSchema } from './conditions.js';
import { governanceField } from './governance.js';
import { jsonValue } from './json-value.js';
import { elementId, eventType } from './primitives.js';

export type { JsonValue } from './json-value.js';

/** A guard, action or trigger an installed plugin provides: `<plugin>/<name>`, e.g. `housing-safety/eligible`. */
export const pluginContributionName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[a-z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*$/, { message: 'must be a plugin contribution such as housing-safety/eligible' });

/** A named guard with parameters, e.g. `{ "name": "payloadEquals", "params": { "field": "risk", "value": "high" } }`. */
export const guardRef = z.strictObject({
  /** Name of a guard the engine provides (`payloadEquals`), or an installed plugin's (`<plugin>/<guard>`). */
  name: z.union([z.enum(['payloadEquals']), pluginContributionName]).describe("Name of a guard the engine provides (`payloadEquals`), or an installed plugin's (`<plugin>/<guard>`)."),
  params: z.record(z.string(), jsonValue).default({}),
});
export type GuardRef = z.infer<typeof guardRef>;

/** A named action with parameters; actions emit effects as data and never do I/O. */
export const actionRef = z.strictObject({
  /** An engine action (`notifyRole`, `recordMilestone`) or an installed plugin's (`<plugin>/<action>`). */
  name: z.union([z.enum(['notifyRole', 'recordMilestone']), pluginContributionName]).describe("An engine action (`notifyRole`, `recordMilestone`) or an installed plugin's (`<plugin>/<action>`)."),
  params: z.record(z.string(), jsonValue).default({}),
});
export type ActionRef = z.infer<typeof actionRef>;

/** The event the engine sends when a scheduled timer's due time passes. */
export const timerFiredEvent = 'timer.fired';

/** A move from one node to another. */
export const transition = z.strictObject({
  /** Unique id of the transition across the template. */
  id: elementId.describe('Unique id of the transition across the template.'),
  /** Source node id. */
  from: elementId.describe('Source node id.'),
  /** Target node id. */
  to: elementId.describe('Target node id.'),
  /**
   * Event that triggers it: a declared event type, or `timer.fired` out of a wait node. Omitted
   * for automatic transitions out of decision and notify nodes.
   */
  on: eventType.optional(),
  /** Named condition on the event that must hold for the transition to be taken. */
  guard: guardRef.optional().describe('Named condition on the event that must hold for the transition to be taken.'),
  /** Sentry over the case (work items, milestones, tier, persons) that must hold as well. */
  when: conditionSchema.optional().describe('Sentry over the case (work items, milestones, tier, persons) that must hold as well.'),
  /** Actions run when the transition is taken, in order. */
  actions: z.array(actionRef).default([]).describe('Actions run when the transition is taken, in order.'),
  /** Leaving a human task through this transition marks its work item done (default) or cancelled. */
  workItem: z.enum(['done', 'cancelled']).default('done').describe('Leaving a human task through this transition marks its work item done (default) or cancelled.'),
  governance: governanceField,
});
export type Transition = z.infer<typeof transition>;
