import { z } from 'zod';
import { conditionSchema } from './conditions.js';
import { governanceField } from './governance.js';
import { deadline, timeSpanOrRef } from './parameters.js';
import { elementId, labels } from './primitives.js';
import { reportingCode } from './reporting.js';

/** Kinds of work item. All share one lifecycle: open, inProgress, done, cancelled, incomplete (with a reason). */
export const workItemKinds = ['task', 'planAction', 'assessment', 'researchRequest', 'referral', 'meetingListing'] as const;

/** A type of work item, e.g. first contact with the victim-survivor or a research request to an agency. */
export const workItemType = z.strictObject({
  /** Unique id, e.g. `first-contact`. */
  id: elementId.describe('Unique id, e.g. `first-contact`.'),
  label: labels,
  kind: z.enum(workItemKinds),
  /** Role that owns work items of this type unless the node or escalation says otherwise. */
  ownerRole: elementId.optional().describe('Role that owns work items of this type unless the node or escalation says otherwise.'),
  /** Agency that owns them, when it is always the same one. */
  ownerAgency: elementId.optional().describe('Agency that owns them, when it is always the same one.'),
  /** Default time to complete: a span from creation, or counted from a case fact. This is the national bound no local element may exceed. */
  due: deadline.optional().describe('Default time to complete: a span from creation, or counted from a case fact. The national bound no local element may exceed.'),
  /** National reporting code. */
  reportingCode: reportingCode.optional().describe('National reporting code.'),
  governance: governanceField,
});
export type WorkItemType = z.infer<typeof workItemType>;

/** A type of plan: a set of work items with an approval, e.g. a family safety plan. */
export const planType = z.strictObject({
  id: elementId,
  label: labels,
  /** Work-item types a plan of this type may hold. */
  workItemTypes: z.array(elementId).min(1).describe('Work-item types a plan of this type may hold.'),
  approval: z.strictObject({
    /** Role that approves the plan. */
    role: elementId.describe('Role that approves the plan.'),
    /**
     * The activity where a version is approved: `plan.approved` is taken there and nowhere else.
     * When omitted, every activity with a transition on `plan.approved` approves it.
     */
    node: elementId.optional().describe('The activity where a version is approved: `plan.approved` is taken there and nowhere else. When omitted, every activity with a transition on plan.approved approves it.'),
    /** Condition that must hold before approval, read for the version being approved (e.g. its child-expertise check when children are in the household). */
    requires: conditionSchema.optional().describe('Condition that must hold before approval, read for the version being approved (e.g. its child-expertise check when children are in the household).'),
  }),
  /** Activities where a new version is developed: entering one starts a draft version when none is in progress. */
  developedAt: z.array(elementId).default([]).describe('Activities where a new version is developed: entering one starts a draft version when none is in progress.'),
  /** How often the plan is reviewed, counted from approval. */
  reviewEvery: timeSpanOrRef.optional().describe('How often the plan is reviewed, counted from approval.'),
  reportingCode: reportingCode.optional(),
  governance: governanceField,
});
export type PlanType = z.infer<typeof planType>;
