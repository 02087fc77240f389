import { z } from 'zod';
import { conditionSchema } from './conditions.js';
import { governanceField } from './governance.js';
import { timeSpanOrRef } from './parameters.js';
import { elementId, labels } from './primitives.js';
import { reportingCode } from './reporting.js';

/** Kinds of work item. All share one lifecycle: open, inProgress, done, cancelled, incomplete (with a reason). */
export const workItemKinds = ['task', 'planAction', 'assessment', 'researchRequest', 'referral', 'meetingListing'] as const;

/** A type of work item, e.g. first contact with the victim-survivor or a research request to an agency. */
export const workItemType = z.strictObject({
  /** Unique id, e.g. `first-contact`. */
  id: elementId,
  label: labels,
  kind: z.enum(workItemKinds),
  /** Role that owns work items of this type unless the node or escalation says otherwise. */
  ownerRole: elementId.optional(),
  /** Agency that owns them, when it is always the same one. */
  ownerAgency: elementId.optional(),
  /** Default time to complete, counted from creation. */
  due: timeSpanOrRef.optional(),
  /** National reporting code. */
  reportingCode: reportingCode.optional(),
  governance: governanceField,
});
export type WorkItemType = z.infer<typeof workItemType>;

/** A type of plan: a set of work items with an approval, e.g. a family safety plan. */
export const planType = z.strictObject({
  id: elementId,
  label: labels,
  /** Work-item types a plan of this type may hold. */
  workItemTypes: z.array(elementId).min(1),
  approval: z.strictObject({
    /** Role that approves the plan. */
    role: elementId,
    /** Condition that must hold before approval (e.g. the child-expertise check done when children are in the household). */
    requires: conditionSchema.optional(),
  }),
  /** How often the plan is reviewed, counted from approval. */
  reviewEvery: timeSpanOrRef.optional(),
  reportingCode: reportingCode.optional(),
  governance: governanceField,
});
export type PlanType = z.infer<typeof planType>;
