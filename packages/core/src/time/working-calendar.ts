import type { DateTime } from 'luxon';
import type { Locality } from '../model/template.js';

/** A locality's working calendar: which weekdays count, and which local dates are holidays. */
export type WorkingCalendarSource = Pick<Locality, 'workingWeekdays' | 'holidays'>;

const HOLIDAY = /^(\d{4})-(\d\d)-(\d\d)$/;

/** A holiday list as day numbers (`20260406`), with the copy it was built from. */
interface HolidayIndex {
  readonly copy: readonly string[];
  readonly days: ReadonlySet<number>;
}

// Keyed by the array itself, and checked against a copy on every use: a caller may change the
// array in place, and a stale list would put a deadline on a holiday.
const indexes = new WeakMap<readonly string[], HolidayIndex>();

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

const NO_HOLIDAYS: HolidayIndex = { copy: [], days: new Set() };

function holidayIndex(holidays: readonly string[] | undefined): HolidayIndex {
  // Callers from plain JavaScript may leave the list out; `new Set(undefined)` used to accept that.
  if (holidays === undefined || holidays === null) return NO_HOLIDAYS;
  const known = indexes.get(holidays);
  if (known !== undefined && sameItems(known.copy, holidays)) return known;
  const days = new Set<number>();
  for (const holiday of holidays) {
    // Anything that is not `YYYY-MM-DD` can never equal `DateTime#toISODate()`, so it never matches.
    const match = typeof holiday === 'string' ? HOLIDAY.exec(holiday) : null;
    if (match !== null) days.add(Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]));
  }
  const index = { copy: [...holidays], days };
  indexes.set(holidays, index);
  return index;
}

/**
 * A test for "is this local day a working day": its ISO weekday is in `workingWeekdays` and its
 * local date (`YYYY-MM-DD`, as `DateTime#toISODate()` writes it) is not in `holidays`.
 *
 * Same answers as `workingWeekdays.includes(day.weekday) && !holidays.includes(day.toISODate())`,
 * without Luxon's week-data and formatting work on each of the days a count steps through.
 */
export function workingDayTest(calendar: WorkingCalendarSource): (day: DateTime) => boolean {
  const { workingWeekdays } = calendar;
  const index = holidayIndex(calendar.holidays);
  return (day) => {
    const year = day.year;
    const month = day.month;
    const date = day.day;
    // Outside four-digit years `Date.UTC` and `toISODate` behave differently; ask Luxon there.
    if (!(year >= 1000 && year <= 9999)) return workingWeekdays.includes(day.weekday) && !index.copy.includes(day.toISODate() ?? '');
    const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay() || 7;
    return workingWeekdays.includes(weekday) && !index.days.has(year * 10_000 + month * 100 + date);
  };
}
