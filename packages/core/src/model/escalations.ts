import { z } from 'zod';
import { factName } from './case-facts.js';
import { conditionSchema } from './conditions.js';
import { governanceField } from './governance.js';
import { deadline, parameterRef, timeSpanOrRef } from './parameters.js';
import { elementId, eventType, labels } from './primitives.js';
import { jsonValue } from './json-value.js';
import { pluginContributionName } from './transitions.js';

/** What sets an escalation off. */
export const escalationTrigger = z.discriminatedUnion('kind', [
  /** The case tier rose (to the given tier or above, when named). */
  z.strictObject({ kind: z.literal('tierRaised'), to: elementId.optional() }),
  /**
   * A repeat episode: a new episode with the same victim-survivor and the same person using
   * violence (by person id) as an earlier one, within the window (inclusive) of the anchor: the
   * last such episode, or the last listing of the case at a meeting series flagged as the
   * high-risk conference. Only earlier episodes count.
   */
  z.strictObject({
    kind: z.literal('repeatEpisode'),
    within: timeSpanOrRef,
    /** What the window counts from: the last episode (default) or the last high-risk conference listing. */
    anchor: z.enum(['lastEpisode', 'lastConferenceListing']).default('lastEpisode').describe('What the window counts from: the last episode (default) or the last high-risk conference listing.'),
  }),
  /**
   * Potential escalation: at least `atLeast` episodes with the same victim-survivor (each counted
   * on their own) within the window ending at the new episode, counting the new one (e.g. 3 in
   * P12M).
   */
  z.strictObject({
    kind: z.literal('episodeCount'),
    atLeast: z.union([z.number().int().min(2).max(100), parameterRef]).describe('How many episodes, counting the new one: a number or a number parameter.'),
    within: timeSpanOrRef,
  }),
  /** A work item (of the type, when named) is overdue by at least `by` (zero when omitted). */
  z.strictObject({ kind: z.literal('workItemOverdue'), workItemType: elementId.optional(), by: timeSpanOrRef.optional() }),
  /** A plan (of the type, when named) was not reviewed when due. */
  z.strictObject({
    kind: z.literal('planReviewMissed'),
    planType: elementId.optional(),
    /** Grace after the review falls due before it counts as missed (zero when omitted). */
    after: timeSpanOrRef.optional(),
  }),
  /** A declared event was received (e.g. a barrier raised, information requested). */
  z.strictObject({ kind: z.literal('event'), event: eventType }),
  /** A dated case fact was recorded when it had no value (e.g. a Police Safety Order's expiry). */
  z.strictObject({ kind: z.literal('factRecorded'), fact: factName }),
  /** A condition over the case became true. */
  z.strictObject({ kind: z.literal('condition'), condition: conditionSchema }),
  /** An installed plugin's trigger type (`<plugin>/<trigger>`), asked after the events it names. */
  z.strictObject({ kind: z.literal('plugin'), type: pluginContributionName, params: z.record(z.string(), jsonValue).default({}) }),
]);
export type EscalationTrigger = z.infer<typeof escalationTrigger>;

/** What the case does in response. Responses run in order. */
export const escalationResponse = z.discriminatedUnion('kind', [
  /** Move the flow to a node (e.g. back to response on a repeat episode). */
  z.strictObject({ kind: z.literal('route'), to: elementId }),
  /** Open a work item of a type, owned by a role, due within a span or counted from a case fact. */
  z.strictObject({ kind: z.literal('createWorkItem'), workItemType: elementId, ownerRole: elementId.optional(), due: deadline.optional() }),
  /** Notify people holding a role. */
  z.strictObject({ kind: z.literal('notify'), role: elementId }),
  /** List the case at the next meeting of a series (e.g. intensive case management). */
  z.strictObject({ kind: z.literal('listAtMeeting'), meeting: elementId }),
  /** Raise the matter to the regional hub, which must respond within the span. */
  z.strictObject({ kind: z.literal('raiseToRegionalHub'), respondWithin: timeSpanOrRef }),
  /**
   * Revise a plan: the version in force is marked "review due", a new draft version starts (if none
   * is in progress) and a plan-development work item is opened for it.
   */
  z.strictObject({ kind: z.literal('revisePlan'), planType: elementId, workItemType: elementId, ownerRole: elementId.optional(), due: deadline.optional() }),
]);
export type EscalationResponse = z.infer<typeof escalationResponse>;

/** An escalation rule: trigger → response, optionally only while a condition holds. */
export const escalationRule = z.strictObject({
  id: elementId,
  label: labels,
  trigger: escalationTrigger,
  /** The rule fires only while this condition holds as the trigger happens (e.g. a repeat episode at high tier). */
  when: conditionSchema.optional().describe('The rule fires only while this condition holds as the trigger happens (e.g. a repeat episode at high tier).'),
  response: z.array(escalationResponse).min(1),
  governance: governanceField,
});
export type EscalationRule = z.infer<typeof escalationRule>;
