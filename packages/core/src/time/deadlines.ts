import { DateTime } from 'luxon';
import type { Locality } from '../model/template.js';
import type { TimeSpan } from '../model/parameters.js';
import { formatUtcMillis, parseCommonInstant } from './instant-text.js';
import { isoDuration } from './iso-duration.js';
import { localityZone } from './locality-zone.js';
import { workingDayTest } from './working-calendar.js';

// Luxon does all the calendar arithmetic here, as ADR 0006 decides; what is cached is only what it
// recomputes needlessly: zone offsets (see CachedZone), parsed durations and holiday lists. The
// property test in test/time-equivalence.test.ts holds every result to plain Luxon's.

/**
 * Adds a time span to an instant in the locality's zone and calendar, returning the UTC instant
 * as ISO 8601. Calendar parts (`P1D`, `P1M`) keep the local wall-clock time across daylight-saving
 * changes; clock parts (`PT24H`) are absolute; working days skip weekends and configured holidays
 * and keep the local time of day.
 *
 * @param at - An ISO 8601 instant with an offset or `Z`.
 * @param span - An ISO 8601 duration, or `{ workingDays: n }`.
 * @param locality - The IANA zone and working calendar to count in.
 * @returns UTC ISO 8601 with milliseconds, e.g. `2026-04-05T00:00:00.000Z`.
 * @throws RangeError when `at` is not a valid instant (or the zone is unknown) or `span` is not a
 *   valid ISO 8601 duration.
 */
export function addTimeSpan(at: string, span: TimeSpan, locality: Pick<Locality, 'timeZone' | 'workingWeekdays' | 'holidays'>): string {
  const zone = localityZone(locality.timeZone);
  const millis = typeof at === 'string' ? parseCommonInstant(at) : undefined;
  // Same DateTime either way: the instant, seen in the locality's zone.
  const start = millis === undefined ? DateTime.fromISO(at, { zone }) : DateTime.fromMillis(millis, { zone });
  if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
  if (typeof span === 'string') {
    const duration = isoDuration(span);
    if (duration === undefined) throw new RangeError(`"${span}" is not an ISO 8601 duration.`);
    return toUtcIso(start.plus(duration));
  }
  const isWorkingDay = workingDayTest(locality);
  let cursor = start;
  let remaining = span.workingDays;
  while (remaining > 0) {
    // Exactly `cursor.plus({ days: 1 })` (both add one to the local day and resolve it with the
    // current offset as the guess, see Luxon's `adjustTime` and `set`), without building and
    // converting a Duration on every step. Stepping one day at a time, each from the last, is
    // the documented semantics: it decides where a count lands across a daylight-saving change.
    cursor = cursor.set({ day: cursor.day + 1 });
    if (isWorkingDay(cursor)) remaining -= 1;
  }
  return toUtcIso(cursor);
}

/**
 * Subtracts an ISO 8601 duration from an instant in the locality's zone, returning the UTC instant
 * as ISO 8601: the mirror of `addTimeSpan` (calendar parts keep the local wall-clock time across
 * daylight-saving changes, clock parts are absolute). Used for deadlines counted back from a
 * case fact, such as two days before a Police Safety Order expires. Working days count forwards
 * only.
 *
 * @throws RangeError when `at` or `span` is invalid, or `span` is a working-day count.
 */
export function subtractTimeSpan(at: string, span: TimeSpan, locality: Pick<Locality, 'timeZone'>): string {
  if (typeof span !== 'string') throw new RangeError('Working days count forwards only; give the time before as an ISO 8601 duration.');
  const zone = localityZone(locality.timeZone);
  const millis = typeof at === 'string' ? parseCommonInstant(at) : undefined;
  const start = millis === undefined ? DateTime.fromISO(at, { zone }) : DateTime.fromMillis(millis, { zone });
  if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
  const duration = isoDuration(span);
  if (duration === undefined) throw new RangeError(`"${span}" is not an ISO 8601 duration.`);
  return toUtcIso(start.minus(duration));
}

/**
 * Normalises any ISO instant to UTC with millisecond precision, the form stored everywhere.
 *
 * @throws RangeError when the value is not a valid instant.
 */
export function toUtcIso(value: DateTime | string): string {
  if (typeof value === 'string') {
    const millis = parseCommonInstant(value);
    if (millis !== undefined) return formatUtcMillis(millis);
  }
  const dateTime = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : value;
  if (!dateTime.isValid) throw new RangeError(`"${String(value)}" is not an ISO 8601 instant.`);
  return formatUtcMillis(dateTime.toMillis());
}

/** Compares two ISO instants; negative when `a` is earlier (the difference in milliseconds). */
export function compareInstants(a: string, b: string): number {
  return instantMillis(a) - instantMillis(b);
}

function instantMillis(text: string): number {
  return (typeof text === 'string' ? parseCommonInstant(text) : undefined) ?? DateTime.fromISO(text).toMillis();
}
