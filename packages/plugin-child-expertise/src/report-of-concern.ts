import { elementId, type PluginActionDefinition, type PluginEventDefinition, type PluginGuardDefinition, type PluginResult } from '@pathways/core';
import { z } from 'zod';
import { reportOfConcernUrgencies, type ChildExpertiseState, type ReportOfConcernUrgency } from './state.js';

export const reportOfConcernMade = 'child-expertise.report-of-concern-made';
export const reportOfConcernResponded = 'child-expertise.report-of-concern-responded';

/** The work item that waits for the statutory agency's response to a report of concern. */
export const responseWorkItemType = 'child-expertise/report-of-concern-response';

/** The parameter (named `child-expertise/otherResponseWithin` in a pathway) that times the follow-up of an `other` report. */
export const otherResponseParameter = 'otherResponseWithin';

/**
 * Hours within which the agency is to respond to a critical or very urgent report: Oranga
 * Tamariki's response bands, which a locality does not tailor. `other` (the longer bands) is
 * timed by the work-item type's deadline, the tailorable parameter.
 */
const statutoryHours: Partial<Record<ReportOfConcernUrgency, number>> = { 'critical-24h': 24, 'very-urgent-48h': 48 };

const urgency = z.enum(reportOfConcernUrgencies).describe("How urgently the agency is to respond: critical-24h, very-urgent-48h, or other (a longer band, timed by the pathway's child-expertise/otherResponseWithin).");
const agency = elementId.describe('The statutory child-protection agency the report went to, by its id in the pathway (e.g. oranga-tamariki).');

export const reportOfConcernPayload = z.strictObject({ agency, urgency });

export const responseOutcomes = ['further-action-required', 'referred-to-other-services', 'no-further-action'] as const;

export const reportOfConcernEvents: Record<string, PluginEventDefinition> = {
  [reportOfConcernMade]: {
    label: { en: 'Record a report of concern to the child-protection agency' },
    payload: reportOfConcernPayload,
    roles: ['child-specialist', 'coordinator', 'lead-agency-practitioner', 'specialist-victim-advocate'],
    // A report of concern is made whenever a child is at risk, wherever the case is: recorded at any step.
    record: { action: 'recordReportOfConcern' },
  },
  [reportOfConcernResponded]: {
    label: { en: "Record the child-protection agency's response to a report of concern" },
    payload: z.strictObject({ agency, outcome: z.enum(responseOutcomes).describe("The agency's decision on the report.") }),
    roles: ['child-specialist', 'coordinator'],
    record: { action: 'recordResponse', guard: 'responseAwaited' },
  },
};

/** UTC instant `hours` after `at`. */
function hoursAfter(at: string, hours: number): string {
  return new Date(Date.parse(at) + hours * 3_600_000).toISOString();
}

/**
 * The follow-up that waits for the agency's response: due 24 or 48 hours after the report
 * (absolute hours, from the command's time), or, for `other`, by the work-item type's deadline.
 */
export function responseFollowUp(level: ReportOfConcernUrgency, at: string): NonNullable<PluginResult<unknown>['workItems']>[number] {
  const hours = statutoryHours[level];
  return { workItemType: responseWorkItemType, ...(hours === undefined ? {} : { due: hoursAfter(at, hours) }) };
}

/** The response follow-ups still outstanding in the case. */
const awaited = (view: { readonly workItems: readonly { readonly workItemType: string }[] }) => view.workItems.filter((item) => item.workItemType === responseWorkItemType);

export const reportOfConcernActions: Record<string, PluginActionDefinition<ChildExpertiseState>> = {
  /** Opens the response follow-up of a report of concern, due by its urgency. */
  recordReportOfConcern: {
    params: z.strictObject({}),
    run: ({ state, payload, at }) => {
      const parsed = reportOfConcernPayload.safeParse(payload);
      if (!parsed.success) throw new Error(`child-expertise/recordReportOfConcern reads the payload of ${reportOfConcernMade}; name it only on transitions taken on that event.`);
      return {
        state: { ...state, reportsOfConcern: { ...state.reportsOfConcern, made: state.reportsOfConcern.made + 1 } },
        workItems: [responseFollowUp(parsed.data.urgency, at)],
      };
    },
  },
  /** Closes every response follow-up outstanding: the agency has responded on the family. */
  recordResponse: {
    params: z.strictObject({}),
    run: ({ state, case: view }) =>
      awaited(view).length === 0
        ? undefined
        : {
            state: { ...state, reportsOfConcern: { ...state.reportsOfConcern, responded: state.reportsOfConcern.responded + 1 } },
            closeWorkItems: [{ workItemType: responseWorkItemType, status: 'done' }],
          },
  },
};

export const reportOfConcernGuards: Record<string, PluginGuardDefinition<ChildExpertiseState>> = {
  /** A report of concern is waiting for the agency's response. */
  responseAwaited: {
    params: z.strictObject({}),
    check: ({ case: view }) => (awaited(view).length > 0 ? true : { code: 'PWY_PLUGIN_REFUSED', message: 'No report of concern is waiting for a response in this case.' }),
  },
};
