import { DateTime, Duration } from 'luxon';
import type { Locality } from '../model/template.js';
import type { TimeSpan } from '../model/parameters.js';

/**
 * Adds a time span to an instant in the locality's zone and calendar, returning the UTC instant
 * as ISO 8601. Calendar parts (`P1D`, `P1M`) keep the local wall-clock time across daylight-saving
 * changes; clock parts (`PT24H`) are absolute; working days skip weekends and configured holidays
 * and keep the local time of day.
 */
export function addTimeSpan(at: string, span: TimeSpan, locality: Pick<Locality, 'timeZone' | 'workingWeekdays' | 'holidays'>): string {
  const start = DateTime.fromISO(at, { zone: locality.timeZone });
  if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
  if (typeof span === 'string') {
    const duration = Duration.fromISO(span);
    if (!duration.isValid) throw new RangeError(`"${span}" is not an ISO 8601 duration.`);
    return toUtcIso(start.plus(duration));
  }
  const holidays = new Set(locality.holidays);
  const isWorkingDay = (day: DateTime) => locality.workingWeekdays.includes(day.weekday) && !holidays.has(day.toISODate() ?? '');
  let cursor = start;
  let remaining = span.workingDays;
  while (remaining > 0) {
    cursor = cursor.plus({ days: 1 });
    if (isWorkingDay(cursor)) remaining -= 1;
  }
  return toUtcIso(cursor);
}

/** Normalises any ISO instant to UTC with millisecond precision, the form stored everywhere. */
export function toUtcIso(value: DateTime | string): string {
  const dateTime = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : value;
  if (!dateTime.isValid) throw new RangeError(`"${String(value)}" is not an ISO 8601 instant.`);
  return dateTime.toUTC().toISO({ suppressMilliseconds: false })!;
}

/** Compares two ISO instants; negative when `a` is earlier. */
export function compareInstants(a: string, b: string): number {
  return DateTime.fromISO(a).toMillis() - DateTime.fromISO(b).toMillis();
}
