import { elementId, type NodeTypeDefinition, type PluginActionDefinition, type PluginEventDefinition, type PluginResult } from '@pathways/core';
import { z } from 'zod';
import { responseFollowUp } from './report-of-concern.js';
import { reportOfConcernUrgencies, type ChildExpertiseState } from './state.js';

export const checkCompleted = 'child-expertise.check-completed';

/** The work item the check node opens on entry and closes when the case leaves it. */
export const checkWorkItemType = 'child-expertise/check';

/**
 * The conventional milestone a pathway's plan approval reads (per plan version in the NZ
 * baseline): the plugin records it, so national teams must allow it (see the plugin's docs).
 */
export const childCheckMilestone = 'child-check-done';

export const checkCompletedPayload = z
  .strictObject({
    outcome: z.enum(['plan-safe-for-children', 'changes-needed']).describe("The child specialist's view of the plan for the children."),
    reportOfConcernMade: z.boolean().describe('A report of concern was made to the statutory child-protection agency during the check.'),
    urgency: z.enum(reportOfConcernUrgencies).optional().describe('With a report of concern: how urgently the agency is to respond.'),
    agency: elementId.optional().describe('With a report of concern: the agency it went to, by its id in the pathway.'),
  })
  // Custom messages are read after the value they are about: "Nothing was given as the urgency; …".
  .superRefine((payload, context) => {
    if (payload.reportOfConcernMade && payload.urgency === undefined) context.addIssue({ code: 'custom', path: ['urgency'], message: 'was given as the urgency; a report of concern needs one: critical-24h, very-urgent-48h or other' });
    if (!payload.reportOfConcernMade && (payload.urgency !== undefined || payload.agency !== undefined)) {
      context.addIssue({ code: 'custom', path: [payload.urgency !== undefined ? 'urgency' : 'agency'], message: 'can only be given with a report of concern (reportOfConcernMade: true)' });
    }
  });

export const checkEvents: Record<string, PluginEventDefinition> = {
  [checkCompleted]: {
    label: { en: 'Record the child-expertise check of the plan' },
    payload: checkCompletedPayload,
    roles: ['child-specialist'],
  },
};

export const checkConfig = z.strictObject({
  planType: elementId.describe('The plan type whose version the check is of (e.g. family-safety-plan); its child-check-done milestone should be counted per version of it.'),
});

export const checkNodeType: NodeTypeDefinition<ChildExpertiseState, typeof checkConfig> = {
  label: { en: 'Child-expertise check' },
  category: 'check',
  icon: 'child-shield',
  help: {
    en: 'A child specialist checks the plan for the children in the household: it is safe for them, or changes are needed. A report of concern made during the check is recorded with its urgency. Leave the node on child-expertise.check-completed with the action child-expertise/recordCheck, which records child-check-done when the plan is safe for the children.',
  },
  typeVersion: 1,
  config: checkConfig,
  accepts: [checkCompleted],
  workItemType: checkWorkItemType,
  enter: ({ state }) => ({ state: { ...state, checks: { ...state.checks, opened: state.checks.opened + 1 } } }),
};

export const checkActions: Record<string, PluginActionDefinition<ChildExpertiseState>> = {
  /**
   * Records the check: `child-check-done` when the plan is safe for the children (a pathway that
   * counts it per plan version needs the check of each version); a report of concern made during
   * it opens its response follow-up.
   */
  recordCheck: {
    params: z.strictObject({}),
    run: ({ state, payload, at }) => {
      const parsed = checkCompletedPayload.safeParse(payload);
      if (!parsed.success) throw new Error(`child-expertise/recordCheck reads the payload of ${checkCompleted}; name it only on transitions taken on that event.`);
      const { outcome, reportOfConcernMade, urgency } = parsed.data;
      const safe = outcome === 'plan-safe-for-children';
      const result: PluginResult<ChildExpertiseState> = {
        state: {
          ...state,
          checks: { ...state.checks, planSafe: state.checks.planSafe + (safe ? 1 : 0), changesNeeded: state.checks.changesNeeded + (safe ? 0 : 1) },
          reportsOfConcern: { ...state.reportsOfConcern, made: state.reportsOfConcern.made + (reportOfConcernMade ? 1 : 0) },
        },
        ...(safe ? { milestones: [childCheckMilestone] } : {}),
        ...(reportOfConcernMade && urgency !== undefined ? { workItems: [responseFollowUp(urgency, at)] } : {}),
      };
      return result;
    },
    effects: { recordMilestone: [childCheckMilestone] },
  },
};
