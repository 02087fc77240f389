import { own } from './own.js';
import type { TimeSpan } from './parameters.js';
import type { PathwayTemplateData } from './template.js';

/**
 * What a meeting cadence means as a period, in the locality's calendar: a weekly meeting sits
 * again a calendar week later (the same local time across daylight-saving changes).
 */
export const cadencePeriods: Readonly<Record<string, TimeSpan>> = {
  daily: 'P1D',
  /** The next working day in the locality's calendar. */
  weekdays: { workingDays: 1 },
  /** The shorter of the two gaps in a week, so a wait for the next sitting is never too long. */
  'twice-weekly': 'P3D',
  weekly: 'P1W',
  fortnightly: 'P2W',
  'four-weekly': 'P4W',
  monthly: 'P1M',
};

/** The cadence a meeting series has in a template: its value, or its enum parameter's value. */
export function meetingCadence(template: Pick<PathwayTemplateData, 'meetings' | 'parameters'>, meetingId: string): string | undefined {
  const meeting = template.meetings.find((m) => m.id === meetingId);
  if (!meeting) return undefined;
  if (typeof meeting.cadence === 'string') return meeting.cadence;
  const parameter = own(template.parameters, meeting.cadence.param);
  return parameter?.kind === 'enum' ? parameter.value : undefined;
}

/** The period between sittings of a meeting series, when its cadence is one of the known ones. */
export function meetingPeriod(template: Pick<PathwayTemplateData, 'meetings' | 'parameters'>, meetingId: string): TimeSpan | undefined {
  const cadence = meetingCadence(template, meetingId);
  return cadence === undefined ? undefined : own(cadencePeriods, cadence);
}
