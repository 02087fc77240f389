import { DateTime, FixedOffsetZone } from 'luxon';

/**
 * The common shape of an instant, `2026-04-05T09:00:00.000+12:00`: extended date and time, optional
 * seconds and fraction (up to 30 digits, as Luxon reads), then `Z` or `±hh:mm`. Luxon's ISO parser
 * reads many more shapes (basic format, week and ordinal dates, `24:00`, `[Zone]` suffixes); those
 * are left to it, so every string is read exactly as `DateTime.fromISO` reads it.
 */
const COMMON_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,30}))?)?(?:Z|([+-])(\d\d):(\d\d))$/;

const MINUTE_MS = 60_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the four-digit years, where `Date` and Luxon print alike. */
const FIRST_FOUR_DIGIT_MS = -62_167_219_200_000;
const LAST_FOUR_DIGIT_MS = 253_402_300_799_999;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads an ISO 8601 instant in the common shape without building a `DateTime`.
 *
 * @returns Epoch milliseconds, equal to `DateTime.fromISO(text).toMillis()`; or `undefined` when the
 *   text is not in the common shape or not a valid time (then ask Luxon, which decides).
 */
export function parseCommonInstant(text: string): number | undefined {
  const match = COMMON_INSTANT.exec(text);
  if (match === null) return undefined;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, sign, offsetHours, offsetMinutes] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  // Luxon's own rounding of a fraction (`parseMillis`), so even 30-digit fractions agree.
  const millisecond = fractionText === undefined ? 0 : Math.floor(parseFloat(`0.${fractionText}`) * 1000);
  // Years below 1000 (where `Date.UTC` reads 0–99 as 19xx), 24:00 and out-of-range fields go to Luxon.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || millisecond > 999) return undefined;
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * MINUTE_MS;
}

/**
 * Formats epoch milliseconds as UTC ISO 8601 with milliseconds, exactly as
 * `DateTime#toUTC().toISO({ suppressMilliseconds: false })` does (`2026-04-05T00:00:00.000Z`).
 */
export function formatUtcMillis(ms: number): string {
  if (ms >= FIRST_FOUR_DIGIT_MS && ms <= LAST_FOUR_DIGIT_MS) return new Date(ms).toISOString();
  // Luxon writes five-digit and negative years its own way (`+010000-…`); let it.
  return DateTime.fromMillis(ms, { zone: FixedOffsetZone.utcInstance }).toISO({ suppressMilliseconds: false })!;
}
