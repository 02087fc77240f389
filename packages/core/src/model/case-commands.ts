import { z } from 'zod';
import { personRoles } from './conditions.js';
import { episode } from './referral.js';
import { isoInstant, runtimeId } from './primitives.js';

const reason = z.string().min(1).max(2000);

/**
 * Commands every case accepts whatever its pathway, with fixed payloads: the case model's own
 * vocabulary (persons, risk, episodes, work items, plans). Templates may also use them as the
 * `on` of transitions (e.g. a new episode returning the case from monitoring to response).
 * Payloads carry ids and codes, never personal details. Where a field names a template element
 * (a tier, a plan type), the engine narrows it to the template's ids at the command boundary.
 */
export const caseCommandPayloads = {
  /** A person joins the case, in one or more roles. */
  'person.added': z.strictObject({ personId: runtimeId, roles: z.array(z.enum(personRoles)).min(1) }),
  /** A person's risk was assessed at a level (a tier id); the case tier rises if it is higher. */
  'risk.assessed': z.strictObject({ personId: runtimeId, level: runtimeId, tool: z.string().max(120).optional() }),
  /** A recorded professional-judgement override: raises the case tier, never lowers it. */
  'tier.overridden': z.strictObject({ level: runtimeId, reason }),
  /** A new reported incident. */
  'episode.reported': episode,
  /** A work item moved along its lifecycle; `incomplete` needs a reason. */
  'workItem.progressed': z
    .strictObject({ workItemId: runtimeId, status: z.enum(['inProgress', 'done', 'cancelled', 'incomplete']), reason: reason.optional() })
    .refine((value) => value.status !== 'incomplete' || value.reason !== undefined, { message: 'an incomplete work item needs a reason', path: ['reason'] }),
  /** An action was added to a plan (the plan is created with its first action). */
  'plan.actionAdded': z.strictObject({
    planType: runtimeId,
    workItemType: runtimeId,
    ownerRole: runtimeId.optional(),
    ownerAgency: runtimeId.optional(),
    due: isoInstant.optional(),
  }),
  /** A plan was approved (refused while its approval condition does not hold). */
  'plan.approved': z.strictObject({ planType: runtimeId }),
  /** A dated case fact was recorded (e.g. a Police Safety Order's expiry), or cleared with `null`. */
  'fact.recorded': z.strictObject({ fact: runtimeId, value: isoInstant.nullable() }),
  /** A work item was assigned to a named worker (or unassigned with `null`), besides its owner role and agency. */
  'workItem.assigned': z.strictObject({ workItemId: runtimeId, assignee: runtimeId.nullable() }),
  /**
   * The case's named worker for a role (e.g. the specialist victim advocate who owns the safety
   * plan): outstanding and new work items of that role are assigned to them; `null` ends it.
   */
  'worker.assigned': z.strictObject({ role: runtimeId, worker: runtimeId.nullable() }),
  /**
   * A risk tool an installed plugin provides was completed for a person: the answers (checked
   * against the tool's questionnaire), scored by the tool to a level that may raise the tier.
   */
  'riskTool.completed': z.strictObject({
    tool: z.string().min(1).max(200),
    personId: runtimeId,
    answers: z.record(z.string(), z.unknown()),
    /** Professional judgement: raises the level the score gives, never lowers it, always with a reason. */
    judgement: z.strictObject({ level: runtimeId, reason }).optional(),
  }),
  /** A plan was reviewed, with the outcome and whether the victim-survivor's view was recorded. */
  'plan.reviewed': z.strictObject({
    planType: runtimeId,
    outcome: z.enum(['safety-improved', 'unchanged', 'worsened']),
    victimViewRecorded: z.boolean(),
  }),
} as const;

export type CaseCommandType = keyof typeof caseCommandPayloads;

/** Payload of a template's tier-lowering event: the tier to go down to and why. */
export const tierLoweringPayload = z.strictObject({ toTier: runtimeId, reason });

/** True when the type is one of the built-in case commands. */
export function isCaseCommand(type: string): type is CaseCommandType {
  return Object.prototype.hasOwnProperty.call(caseCommandPayloads, type);
}
