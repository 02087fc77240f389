import { z } from 'zod';
import { conditionSchema } from './conditions.js';
import { governanceField } from './governance.js';
import { timeSpanOrRef } from './parameters.js';
import { elementId, eventType, labels } from './primitives.js';

/** What sets an escalation off. */
export const escalationTrigger = z.discriminatedUnion('kind', [
  /** The case tier rose (to the given tier or above, when named). */
  z.strictObject({ kind: z.literal('tierRaised'), to: elementId.optional() }),
  /** A new episode with the same victim-survivor and person using violence within the window. */
  z.strictObject({ kind: z.literal('repeatEpisode'), within: timeSpanOrRef }),
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
  /** A condition over the case became true. */
  z.strictObject({ kind: z.literal('condition'), condition: conditionSchema }),
]);
export type EscalationTrigger = z.infer<typeof escalationTrigger>;

/** What the case does in response. Responses run in order. */
export const escalationResponse = z.discriminatedUnion('kind', [
  /** Move the flow to a node (e.g. back to response on a repeat episode). */
  z.strictObject({ kind: z.literal('route'), to: elementId }),
  /** Open a work item of a type, owned by a role, due within a span. */
  z.strictObject({ kind: z.literal('createWorkItem'), workItemType: elementId, ownerRole: elementId.optional(), due: timeSpanOrRef.optional() }),
  /** Notify people holding a role. */
  z.strictObject({ kind: z.literal('notify'), role: elementId }),
  /** List the case at the next meeting of a series (e.g. intensive case management). */
  z.strictObject({ kind: z.literal('listAtMeeting'), meeting: elementId }),
  /** Raise the matter to the regional hub, which must respond within the span. */
  z.strictObject({ kind: z.literal('raiseToRegionalHub'), respondWithin: timeSpanOrRef }),
]);
export type EscalationResponse = z.infer<typeof escalationResponse>;

/** An escalation rule: trigger → response. */
export const escalationRule = z.strictObject({
  id: elementId,
  label: labels,
  trigger: escalationTrigger,
  response: z.array(escalationResponse).min(1),
  governance: governanceField,
});
export type EscalationRule = z.infer<typeof escalationRule>;
