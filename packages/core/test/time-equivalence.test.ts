// The proof that the cached time code changes nothing: every result equals plain Luxon's, over random
// instants (biased towards daylight-saving transitions), spans and working calendars in zones with
// 30- and 45-minute offsets and DST steps. The last block shows the property catches the bugs that
// caching and hand arithmetic typically introduce, so a pass means something.
import fc from 'fast-check';
import { DateTime, Duration, IANAZone, Zone } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { TimeSpan } from '../src/model/parameters.js';
import { addTimeSpan, compareInstants, toUtcIso } from '../src/time/deadlines.js';
import { transitionsOf } from './zone-transitions.js';

type Locality = Parameters<typeof addTimeSpan>[2];
type AddTimeSpan = typeof addTimeSpan;

// Property runs are CPU-bound; a generous limit keeps a loaded machine from failing them. Nothing
// here asserts on time.
const slow = { timeout: 120_000 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// The reference: today's implementation, plain Luxon with zones by name, kept here verbatim.

/** Plain-Luxon `addTimeSpan`, optionally with another zone object (used by the mutants below). */
function referenceAddTimeSpan(at: string, span: TimeSpan, locality: Locality, zone: string | Zone = locality.timeZone): string {
  const start = DateTime.fromISO(at, { zone });
  if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
  if (typeof span === 'string') {
    const duration = Duration.fromISO(span);
    if (!duration.isValid) throw new RangeError(`"${span}" is not an ISO 8601 duration.`);
    return referenceToUtcIso(start.plus(duration));
  }
  const holidays = new Set(locality.holidays);
  const isWorkingDay = (day: DateTime) => locality.workingWeekdays.includes(day.weekday) && !holidays.has(day.toISODate() ?? '');
  let cursor = start;
  let remaining = span.workingDays;
  while (remaining > 0) {
    cursor = cursor.plus({ days: 1 });
    if (isWorkingDay(cursor)) remaining -= 1;
  }
  return referenceToUtcIso(cursor);
}

function referenceToUtcIso(value: DateTime | string): string {
  const dateTime = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : value;
  if (!dateTime.isValid) throw new RangeError(`"${String(value)}" is not an ISO 8601 instant.`);
  return dateTime.toUTC().toISO({ suppressMilliseconds: false })!;
}

function referenceCompareInstants(a: string, b: string): number {
  return DateTime.fromISO(a).toMillis() - DateTime.fromISO(b).toMillis();
}

/** A result or the error it threw, so failures compare too. */
function outcome<T>(run: () => T): { value: T } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

// ---------------------------------------------------------------------------------------------
// Where the interesting instants are: each zone's transitions, found by asking Luxon directly.

const ZONES = [
  'Pacific/Auckland',
  'Pacific/Chatham', // +12:45 / +13:45
  'Australia/Lord_Howe', // 30-minute DST
  'America/New_York',
  'Europe/London',
  'UTC', // Luxon's fixed-offset zone: not cached
  'Etc/UTC',
  'America/Santiago', // transitions at local midnight
  'Pacific/Apia', // skipped 30 December 2011 entirely
  'Asia/Kathmandu', // +05:45, no DST
] as const;

const FROM = Date.UTC(2008, 0, 1);
const TO = Date.UTC(2036, 0, 1);


const transitions = new Map(ZONES.map((zone) => [zone, zone.endsWith('UTC') ? [] : transitionsOf(zone, FROM, TO)]));

// ---------------------------------------------------------------------------------------------
// Arbitraries.

function pad(value: number, length = 2): string {
  return String(Math.abs(value)).padStart(length, '0');
}

/** An instant: anywhere in 2008–2035, days before a transition at about its time of day, or historical. */
function instantIn(zone: string): fc.Arbitrary<number> {
  const anywhere = fc.integer({ min: FROM, max: TO });
  const historical = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(1950, 0, 1) }); // LMT offsets with seconds
  const known = transitions.get(zone as (typeof ZONES)[number]) ?? [];
  if (known.length === 0) return fc.oneof({ arbitrary: anywhere, weight: 4 }, { arbitrary: historical, weight: 1 });
  const nearTransition = fc
    .tuple(fc.constantFrom(...known), fc.integer({ min: 0, max: 40 }), fc.integer({ min: -240, max: 240 }), fc.constantFrom(0, 0, 0, 1, 999, 59_999), fc.integer({ min: -1, max: 1 }))
    .map(([at, days, minutes, extra, hours]) => at - days * DAY + minutes * MINUTE + extra + hours * HOUR);
  return fc.oneof({ arbitrary: anywhere, weight: 3 }, { arbitrary: nearTransition, weight: 5 }, { arbitrary: historical, weight: 1 });
}

/** Writes an instant as ISO text with a given offset (minutes) and precision. */
function writeInstant(ms: number, offset: number | 'Z', precision: 'minutes' | 'seconds' | 'millis' | 'long', extraDigits: string): string {
  const minutes = offset === 'Z' ? 0 : offset;
  const local = new Date(ms + minutes * MINUTE);
  let text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  if (precision !== 'minutes') text += `:${pad(local.getUTCSeconds())}`;
  if (precision === 'millis' || precision === 'long') text += `.${pad(local.getUTCMilliseconds(), 3)}`;
  if (precision === 'long') text += extraDigits;
  if (offset === 'Z') return `${text}Z`;
  return `${text}${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Shapes Luxon reads (or rejects) that the fast path leaves to it. */
const oddShapes: ReadonlyArray<(ms: number) => string> = [
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/[-:]/g, ''), // basic format
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace('T', 't').replace('Z', 'z'),
  (ms) => writeInstant(ms, 780, 'millis', '').replace('.', ','),
  (ms) => writeInstant(ms, 780, 'seconds', '').replace(/:00$/, ''), // "+13"
  (ms) => writeInstant(ms, 345, 'seconds', '').replace(/:(\d\d)$/, '$1'), // "+0545"
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace('Z', ''), // no offset: the system zone
  (ms) => `${writeInstant(ms, 720, 'seconds', '')}[Pacific/Auckland]`,
  (ms) => writeInstant(ms, 'Z', 'seconds', '').slice(0, 10), // a date alone
  (ms) => `${writeInstant(ms, 'Z', 'seconds', '').slice(0, 10)}T24:00:00+12:00`,
  (ms) => writeInstant(ms, 'Z', 'long', '9'.repeat(27)), // 30 nines: Luxon rounds to 1000 ms and rejects
  (ms) => writeInstant(ms, 'Z', 'long', '9'.repeat(28)), // 31 digits: beyond Luxon's pattern
  (ms) => writeInstant(ms, 'Z', 'long', '123456789012345678901234567'),
  (ms) => writeInstant(ms, -570, 'seconds', '').replace(/^\d{4}/, '0099'), // two-digit-year trap in Date.UTC
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/^\d{4}/, '0999'),
  (ms) => `+01${writeInstant(ms, 'Z', 'seconds', '').replace(/^\d{4}/, '0000')}`, // year 10000
  (ms) => `-00${writeInstant(ms, 'Z', 'seconds', '').replace(/^\d{4}/, '0001')}`, // year -1
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/-\d\d-\d\dT/, '-02-30T'),
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/-\d\d-\d\dT/, '-02-29T'), // valid only in leap years
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/-\d\d-/, '-13-'),
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/T\d\d/, 'T25'),
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/:\d\dZ$/, ':60Z'),
  (ms) => writeInstant(ms, 5999, 'seconds', ''), // "+99:59": Luxon does not range-check offsets
  (ms) => writeInstant(ms, 'Z', 'seconds', '').replace(/Z$/, '+05:99'),
  () => '2026-W14-7T02:30:00+12:00',
  () => '2026-095T02:30:00+12:00',
  () => 'not a date',
  () => '',
];

/** ISO text for an instant in `zone`: mostly the common shape with assorted offsets, sometimes odd. */
function instantText(zone: string): fc.Arbitrary<string> {
  const offset = fc.oneof(
    fc.constant<'Z'>('Z'),
    fc.constant<'zone'>('zone'),
    fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15),
    fc.constantFrom(345, 765, 825, -570, -1, 1, 0),
  );
  const common = fc
    .tuple(instantIn(zone), offset, fc.constantFrom('minutes', 'seconds', 'millis', 'long') as fc.Arbitrary<'minutes' | 'seconds' | 'millis' | 'long'>, fc.stringMatching(/^\d{0,27}$/))
    .map(([ms, chosen, precision, digits]) => {
      // The zone's own offset, as people and systems in that zone write it (whole minutes).
      const minutes = chosen === 'zone' ? Math.trunc(DateTime.fromMillis(ms, { zone }).offset) : chosen;
      return writeInstant(ms, minutes, precision, digits);
    });
  const odd = fc.tuple(instantIn(zone), fc.integer({ min: 0, max: oddShapes.length - 1 })).map(([ms, shape]) => oddShapes[shape]!(ms));
  return fc.oneof({ arbitrary: common, weight: 12 }, { arbitrary: odd, weight: 1 });
}

const count = (max: number) => fc.integer({ min: 0, max });

function durationText(parts: Array<[number | undefined, string]>): string {
  return parts.map(([value, unit]) => (value === undefined ? '' : `${value}${unit}`)).join('');
}

const calendarPart = fc
  .tuple(fc.option(count(3), { nil: undefined }), fc.option(count(14), { nil: undefined }), fc.option(count(6), { nil: undefined }), fc.option(count(60), { nil: undefined }))
  .map(([y, m, w, d]) => durationText([[y, 'Y'], [m, 'M'], [w, 'W'], [d, 'D']]));
const clockPart = fc
  .tuple(fc.option(count(72), { nil: undefined }), fc.option(count(180), { nil: undefined }), fc.option(count(5000), { nil: undefined }))
  .map(([h, m, s]) => durationText([[h, 'H'], [m, 'M'], [s, 'S']]));

const spanArbitrary: fc.Arbitrary<TimeSpan> = fc.oneof(
  { arbitrary: calendarPart.filter((part) => part !== '').map((part) => `P${part}`), weight: 4 },
  { arbitrary: clockPart.filter((part) => part !== '').map((part) => `PT${part}`), weight: 3 },
  { arbitrary: fc.tuple(calendarPart, clockPart).filter(([a, b]) => a !== '' && b !== '').map(([a, b]) => `P${a}T${b}`), weight: 2 },
  { arbitrary: fc.constantFrom('P1.5D', 'PT0.5H', 'PT1.25S', 'PT0.0000001H', 'P-1D', '-P1D', 'PT-30M', 'P0D', 'PT0S', 'P1W2D', 'P1M', 'P1Y', 'P', 'PT', '1D', 'P1H', '', 'P1DT', 'p1d'), weight: 1 },
  { arbitrary: fc.record({ workingDays: count(25) }), weight: 5 },
);

const weekdaysArbitrary: fc.Arbitrary<number[]> = fc.oneof(
  fc.constant([1, 2, 3, 4, 5]).map((days) => [...days]),
  fc.constant([1, 2, 3, 4, 5, 6, 7]).map((days) => [...days]),
  fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
);

interface Case {
  readonly at: string;
  readonly span: TimeSpan;
  readonly locality: Locality;
}

/** A start, a span and a working calendar whose holidays fall near the start (so they matter). */
const caseArbitrary: fc.Arbitrary<Case> = fc.constantFrom(...ZONES).chain((timeZone) =>
  fc
    .tuple(instantText(timeZone), spanArbitrary, weekdaysArbitrary, fc.array(fc.integer({ min: -2, max: 45 }), { maxLength: 12 }), fc.subarray(['2026-4-6', 'Easter Monday', '', '2026-02-30']))
    .map(([at, span, workingWeekdays, holidayDays, junk]) => {
      // Local dates counted from the start's local date (plain date arithmetic: dates have no zone).
      const start = DateTime.fromISO(at, { zone: timeZone });
      const startDay = start.isValid ? Date.UTC(start.year, start.month - 1, start.day) : Number.NaN;
      const near = Number.isNaN(startDay) || start.year < 1000 ? [] : holidayDays.map((days) => new Date(startDay + days * DAY).toISOString().slice(0, 10));
      return { at, span, locality: { timeZone, workingWeekdays, holidays: [...near, ...junk] } };
    }),
);

// ---------------------------------------------------------------------------------------------

function agreesWithReference(implementation: AddTimeSpan) {
  return ({ at, span, locality }: Case) => {
    const actual = outcome(() => implementation(at, span, locality));
    const expected = outcome(() => referenceAddTimeSpan(at, span, locality));
    return JSON.stringify(actual) === JSON.stringify(expected);
  };
}

describe('addTimeSpan equals plain Luxon', () => {
  it('for every start, span, zone and working calendar', slow, () => {
    fc.assert(
      fc.property(caseArbitrary, ({ at, span, locality }) => {
        expect(outcome(() => addTimeSpan(at, span, locality))).toEqual(outcome(() => referenceAddTimeSpan(at, span, locality)));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds transitions to aim at in every zone that has them', () => {
    for (const zone of ZONES) {
      if (!zone.endsWith('UTC') && zone !== 'Asia/Kathmandu') expect(transitions.get(zone)!.length, zone).toBeGreaterThan(0);
    }
  });
});

const DateTimeArbitrary = fc
  .tuple(fc.oneof(fc.integer({ min: FROM, max: TO }), fc.integer({ min: -8.64e15, max: 8.64e15 })), fc.constantFrom(...ZONES, 'UTC+5:30'))
  .map(([ms, zone]) => DateTime.fromMillis(ms, { zone }));

describe('toUtcIso and compareInstants equal plain Luxon', () => {
  const anyInstantText = fc.constantFrom(...ZONES).chain(instantText);

  it('toUtcIso, for ISO text in any shape', slow, () => {
    fc.assert(
      fc.property(anyInstantText, (text) => {
        expect(outcome(() => toUtcIso(text))).toEqual(outcome(() => referenceToUtcIso(text)));
      }),
      { numRuns: 5000 },
    );
  });

  it('toUtcIso, for DateTimes in any zone and year, and invalid ones', slow, () => {
    fc.assert(
      fc.property(fc.oneof(DateTimeArbitrary, fc.constant(DateTime.invalid('for the test'))), (value) => {
        expect(outcome(() => toUtcIso(value))).toEqual(outcome(() => referenceToUtcIso(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('compareInstants, for any two texts', slow, () => {
    fc.assert(
      fc.property(anyInstantText, anyInstantText, (a, b) => {
        expect(Object.is(compareInstants(a, b), referenceCompareInstants(a, b))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Mutants: the same property, run against implementations with typical bugs, must fail. Each is
// plain Luxon with one thing wrong; fixed seeds keep the check deterministic.

/** Reports the offset one hour late after every transition, as a stale or misaligned cache would. */
class LateTransitionZone extends Zone {
  readonly #source: Zone;
  constructor(name: string) {
    super();
    this.#source = IANAZone.create(name);
  }
  override get type(): string {
    return 'late-test-zone';
  }
  override get name(): string {
    return this.#source.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.#source.isValid;
  }
  override offsetName(): string | null {
    return null;
  }
  override formatOffset(): string {
    return '';
  }
  override equals(other: Zone): boolean {
    return other === this;
  }
  override offset(ts: number): number {
    return this.#source.offset(ts - HOUR);
  }
}

const mutants: Record<string, AddTimeSpan> = {
  'offsets change an hour after the transition': (at, span, locality) => {
    const zone = locality.timeZone.endsWith('UTC') ? locality.timeZone : new LateTransitionZone(locality.timeZone);
    return referenceAddTimeSpan(at, span, locality, zone);
  },
  'clock parts added as local wall-clock time': (at, span, locality) => {
    if (typeof span !== 'string') return referenceAddTimeSpan(at, span, locality);
    const start = DateTime.fromISO(at, { zone: locality.timeZone });
    if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
    const duration = Duration.fromISO(span);
    if (!duration.isValid) throw new RangeError(`"${span}" is not an ISO 8601 duration.`);
    return referenceToUtcIso(start.setZone('UTC', { keepLocalTime: true }).plus(duration).setZone(locality.timeZone, { keepLocalTime: true }));
  },
  'holidays matched against the UTC date': (at, span, locality) => {
    if (typeof span === 'string') return referenceAddTimeSpan(at, span, locality);
    const start = DateTime.fromISO(at, { zone: locality.timeZone });
    if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
    let cursor = start;
    let remaining = span.workingDays;
    while (remaining > 0) {
      cursor = cursor.plus({ days: 1 });
      if (locality.workingWeekdays.includes(cursor.weekday) && !locality.holidays.includes(cursor.toUTC().toISODate()!)) remaining -= 1;
    }
    return referenceToUtcIso(cursor);
  },
  'working days added in one step, not day by day': (at, span, locality) => {
    if (typeof span === 'string') return referenceAddTimeSpan(at, span, locality);
    const start = DateTime.fromISO(at, { zone: locality.timeZone });
    if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
    let days = 0;
    let remaining = span.workingDays;
    while (remaining > 0) {
      days += 1;
      const day = start.plus({ days });
      if (locality.workingWeekdays.includes(day.weekday) && !locality.holidays.includes(day.toISODate()!)) remaining -= 1;
    }
    return referenceToUtcIso(start.plus({ days }));
  },
};

describe('the property catches typical bugs', () => {
  for (const [bug, mutant] of Object.entries(mutants)) {
    it(`fails for an implementation where ${bug}`, slow, () => {
      const result = fc.check(fc.property(caseArbitrary, agreesWithReference(mutant)), { numRuns: 4000, seed: 20260405, endOnFailure: true });
      expect(result.failed).toBe(true);
    });
  }

  it('fails for toUtcIso when fractions are rounded rather than truncated', slow, () => {
    const rounding = (text: string) => {
      const dateTime = DateTime.fromISO(text, { setZone: true });
      const fraction = /\.(\d+)/.exec(text)?.[1];
      const shifted = fraction === undefined ? dateTime : dateTime.set({ millisecond: Math.min(999, Math.round(Number(`0.${fraction}`) * 1000)) });
      return referenceToUtcIso(shifted);
    };
    const result = fc.check(
      fc.property(fc.constantFrom(...ZONES).chain(instantText), (text) => JSON.stringify(outcome(() => rounding(text))) === JSON.stringify(outcome(() => referenceToUtcIso(text)))),
      { numRuns: 5000, seed: 20260927, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
  });
});
