import { addTimeSpan } from '@pathways/core';
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

  it('returns UTC with milliseconds whatever offset the input carries', () => {
    expect(addTimeSpan('2026-01-10T08:30:00Z', 'PT30M', auckland)).toBe('2026-01-10T09:00:00.000Z');
  });
});
