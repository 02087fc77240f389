import { addTimeSpan, compareInstants, subtractTimeSpan, toUtcIso } from '@pathways/core';
import { describe, expect, it } from 'vitest';

const auckland = { timeZone: 'Pacific/Auckland', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-04-06'] };

describe('addTimeSpan', () => {
  it('counts P1D as a calendar day in the locality zone and PT24H as 24 absolute hours across a DST change', () => {
    // Daylight saving ends in New Zealand at 03:00 on Sunday 5 April 2026.
    const before = '2026-04-04T12:00:00+13:00';
    expect(addTimeSpan(before, 'P1D', auckland)).toBe('2026-04-05T00:00:00.000Z'); // 12:00 NZST
    expect(addTimeSpan(before, 'PT24H', auckland)).toBe('2026-04-04T23:00:00.000Z'); // 11:00 NZST
  });

  it('counts working days, skipping weekends and configured holidays, keeping the local time', () => {
    // Friday 3 April 2026 (Good Friday is not configured here); Monday 6 April (Easter Monday) is.
    expect(addTimeSpan('2026-04-03T09:00:00+13:00', { workingDays: 1 }, auckland)).toBe('2026-04-06T21:00:00.000Z'); // Tue 7 Apr 09:00 NZST
    expect(addTimeSpan('2026-04-03T09:00:00+13:00', { workingDays: 0 }, auckland)).toBe('2026-04-02T20:00:00.000Z');
  });

  it('sees a holiday list changed in place (nothing cached goes stale)', () => {
    const holidays = ['2026-04-06'];
    const locality = { ...auckland, holidays };
    expect(addTimeSpan('2026-04-03T09:00:00+13:00', { workingDays: 1 }, locality)).toBe('2026-04-06T21:00:00.000Z'); // Tue 7 Apr
    holidays.push('2026-04-07');
    expect(addTimeSpan('2026-04-03T09:00:00+13:00', { workingDays: 1 }, locality)).toBe('2026-04-07T21:00:00.000Z'); // Wed 8 Apr
    holidays[1] = '2026-04-08';
    expect(addTimeSpan('2026-04-03T09:00:00+13:00', { workingDays: 1 }, locality)).toBe('2026-04-06T21:00:00.000Z'); // Tue 7 Apr again
  });

  it('returns UTC with milliseconds whatever offset the input carries', () => {
    expect(addTimeSpan('2026-01-10T08:30:00Z', 'PT30M', auckland)).toBe('2026-01-10T09:00:00.000Z');
  });

  it('throws RangeError for an invalid instant, duration or zone', () => {
    expect(() => addTimeSpan('2026-02-30T09:00:00+13:00', 'P1D', auckland)).toThrow(RangeError);
    expect(() => addTimeSpan('2026-04-03T09:00:00+13:00', 'P1X', auckland)).toThrow(RangeError);
    expect(() => addTimeSpan('2026-04-03T09:00:00+13:00', 'P1D', { ...auckland, timeZone: 'Pacific/Atlantis' })).toThrow(RangeError);
  });
});

describe('addTimeSpan when New Zealand daylight saving ends (Sunday 5 April 2026, 03:00 NZDT becomes 02:00 NZST)', () => {
  it('changes offset at exactly 14:00:00.000Z', () => {
    expect(addTimeSpan('2026-04-05T02:59:59.999+13:00', 'PT0S', auckland)).toBe('2026-04-04T13:59:59.999Z');
    // One millisecond later it is 02:00:00.000 NZST, the second 02:00 of the night.
    expect(addTimeSpan('2026-04-05T02:59:59.999+13:00', 'PT0.001S', auckland)).toBe('2026-04-04T14:00:00.000Z');
  });

  it('keeps the local time for calendar parts on the 25-hour day', () => {
    expect(addTimeSpan('2026-04-04T09:00:00+13:00', 'P1D', auckland)).toBe('2026-04-04T21:00:00.000Z'); // Sun 09:00 NZST, 25 hours later
    expect(addTimeSpan('2026-03-03T10:00:00+13:00', 'P5W', auckland)).toBe('2026-04-06T22:00:00.000Z'); // Tue 7 Apr 10:00 NZST (ADR 0006)
  });

  it('counts clock parts as absolute hours', () => {
    expect(addTimeSpan('2026-04-04T09:00:00+13:00', 'PT24H', auckland)).toBe('2026-04-04T20:00:00.000Z'); // Sun 08:00 NZST
    expect(addTimeSpan('2026-04-05T01:30:00+13:00', 'PT2H', auckland)).toBe('2026-04-04T14:30:00.000Z'); // 02:30 NZST, the second one
  });

  it('lands an ambiguous local time on the earlier offset when counting forward', () => {
    // 02:30 happens twice on 5 April; a day after Saturday 02:30 NZDT is the first, still NZDT.
    expect(addTimeSpan('2026-04-04T02:30:00+13:00', 'P1D', auckland)).toBe('2026-04-04T13:30:00.000Z');
  });

  it('counts working days over the change at the same local time', () => {
    // Thursday 2 April; Friday 3 April is a working day in this calendar.
    expect(addTimeSpan('2026-04-02T09:00:00+13:00', { workingDays: 1 }, auckland)).toBe('2026-04-02T20:00:00.000Z'); // Fri 09:00 NZDT
    expect(addTimeSpan('2026-04-02T09:00:00+13:00', { workingDays: 2 }, auckland)).toBe('2026-04-06T21:00:00.000Z'); // Tue 7 Apr 09:00 NZST
  });
});

describe('addTimeSpan when New Zealand daylight saving starts (Sunday 27 September 2026, 02:00 NZST becomes 03:00 NZDT)', () => {
  it('changes offset at exactly 14:00:00.000Z', () => {
    expect(addTimeSpan('2026-09-27T01:59:59.999+12:00', 'PT0S', auckland)).toBe('2026-09-26T13:59:59.999Z');
    // One millisecond later the clock reads 03:00:00.000 NZDT.
    expect(addTimeSpan('2026-09-27T01:59:59.999+12:00', 'PT0.001S', auckland)).toBe('2026-09-26T14:00:00.000Z');
  });

  it('keeps the local time for calendar parts on the 23-hour day', () => {
    expect(addTimeSpan('2026-09-26T09:00:00+12:00', 'P1D', auckland)).toBe('2026-09-26T20:00:00.000Z'); // Sun 09:00 NZDT, 23 hours later
    expect(addTimeSpan('2026-09-26T09:00:00+12:00', 'P2D', auckland)).toBe('2026-09-27T20:00:00.000Z'); // Mon 09:00 NZDT
  });

  it('counts clock parts as absolute hours', () => {
    expect(addTimeSpan('2026-09-26T09:00:00+12:00', 'PT24H', auckland)).toBe('2026-09-26T21:00:00.000Z'); // Sun 10:00 NZDT
  });

  it('moves a local time that does not exist forward by the gap', () => {
    // Sunday 02:30 is skipped; a day after Saturday 02:30 NZST is 03:30 NZDT.
    expect(addTimeSpan('2026-09-26T02:30:00+12:00', 'P1D', auckland)).toBe('2026-09-26T14:30:00.000Z');
    expect(addTimeSpan('2026-08-27T02:30:00+12:00', 'P1M', auckland)).toBe('2026-09-26T14:30:00.000Z');
  });

  it('counts working days over the change at the same local time', () => {
    expect(addTimeSpan('2026-09-25T09:00:00+12:00', { workingDays: 1 }, auckland)).toBe('2026-09-27T20:00:00.000Z'); // Mon 28 Sep 09:00 NZDT
  });

  it('keeps a start inside the skipped hour moved forward for the rest of a working-day count', () => {
    // Counting steps one local day at a time, each from the last: Sunday 02:30 becomes 03:30 NZDT,
    // and Monday follows from 03:30. Later than the start's time of day, never earlier.
    expect(addTimeSpan('2026-09-25T02:30:00+12:00', { workingDays: 1 }, auckland)).toBe('2026-09-27T14:30:00.000Z'); // Mon 03:30 NZDT
  });
});

describe('toUtcIso and compareInstants', () => {
  it('normalise and compare instants written with any offset and fraction', () => {
    expect(toUtcIso('2026-04-05T02:30:00+13:00')).toBe('2026-04-04T13:30:00.000Z');
    expect(toUtcIso('2026-04-05T02:30:00.123456789+12:00')).toBe('2026-04-04T14:30:00.123Z');
    expect(toUtcIso('2026-04-05T02:30Z')).toBe('2026-04-05T02:30:00.000Z');
    expect(compareInstants('2026-04-05T02:30:00+13:00', '2026-04-05T02:30:00+12:00')).toBe(-3_600_000);
    expect(compareInstants('2026-04-04T14:00:00.000Z', '2026-04-05T02:00:00+12:00')).toBe(0);
  });

  it('reject what is not an instant', () => {
    expect(() => toUtcIso('2026-04-31T09:00:00Z')).toThrow(RangeError);
    expect(compareInstants('not a date', '2026-04-05T02:30:00Z')).toBeNaN();
  });
});

describe('subtractTimeSpan: deadlines counted back from a recorded date', () => {
  it('keeps the local wall-clock time for calendar days across both New Zealand daylight-saving changes', () => {
    // Monday 6 April 2026 09:00 NZST, two calendar days back: Saturday 4 April 09:00 NZDT.
    expect(subtractTimeSpan('2026-04-06T09:00:00+12:00', 'P2D', auckland)).toBe('2026-04-03T20:00:00.000Z');
    // Monday 28 September 2026 09:00 NZDT, two calendar days back: Saturday 26 September 09:00 NZST.
    expect(subtractTimeSpan('2026-09-28T09:00:00+13:00', 'P2D', auckland)).toBe('2026-09-25T21:00:00.000Z');
    // Absolute hours stay absolute: 48 hours back is Saturday 10:00 NZDT.
    expect(subtractTimeSpan('2026-04-06T09:00:00+12:00', 'PT48H', auckland)).toBe('2026-04-03T21:00:00.000Z');
  });

  it('refuses working days, which count forwards only', () => {
    expect(() => subtractTimeSpan('2026-04-06T09:00:00+12:00', { workingDays: 2 }, auckland)).toThrow(RangeError);
  });
});
