// Deadline maths in Pacific/Auckland: median microseconds per call, against plain Luxon measured in
// the same run (the independent baseline, and today's implementation before caching). The goal of
// 10 µs per deadline is reported, never asserted. Run alone with
//   npx tsx --conditions=@pathways/source bench/time-bench.ts
import { DateTime, Duration } from 'luxon';
import { pathToFileURL } from 'node:url';
import { addTimeSpan, compareInstants, toUtcIso } from '../src/time/deadlines.js';
import { forgetLocalityZones } from '../src/time/locality-zone.js';
import type { TimeSpan } from '../src/model/parameters.js';

type Locality = Parameters<typeof addTimeSpan>[2];

/** Auckland with the 2026 national holidays and Auckland Anniversary Day. */
const auckland: Locality = {
  timeZone: 'Pacific/Auckland',
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: ['2026-01-01', '2026-01-02', '2026-01-26', '2026-02-06', '2026-04-03', '2026-04-06', '2026-04-27', '2026-06-01', '2026-07-10', '2026-10-26', '2026-12-25', '2026-12-28'],
};

/** Starts around the end of daylight saving (Sunday 5 April 2026), as kaimahi would record them. */
const starts = [
  '2026-04-01T09:15:00+13:00',
  '2026-04-01T16:40:00.250+13:00',
  '2026-04-02T08:05:00+13:00',
  '2026-04-02T13:30:00+13:00',
  '2026-04-02T23:55:00+13:00',
  '2026-04-03T10:00:00+13:00',
  '2026-04-03T21:10:00Z',
  '2026-04-04T02:30:00+13:00',
  '2026-04-04T11:45:00+13:00',
  '2026-04-05T01:30:00+13:00',
  '2026-04-05T02:30:00+12:00',
  '2026-04-05T15:00:00+12:00',
  '2026-04-06T09:00:00+12:00',
  '2026-04-07T08:30:00.5+12:00',
  '2026-04-07T17:20:00+12:00',
  '2026-04-08T12:00:00Z',
];
const utcStarts = starts.map(toUtcIso);

/** Today's implementation before caching: plain Luxon with the zone by name. */
function plainAddTimeSpan(at: string, span: TimeSpan, locality: Locality): string {
  const start = DateTime.fromISO(at, { zone: locality.timeZone });
  if (!start.isValid) throw new RangeError(`"${at}" is not an ISO 8601 instant.`);
  if (typeof span === 'string') return start.plus(Duration.fromISO(span)).toUTC().toISO({ suppressMilliseconds: false })!;
  const holidays = new Set(locality.holidays);
  let cursor = start;
  let remaining = span.workingDays;
  while (remaining > 0) {
    cursor = cursor.plus({ days: 1 });
    if (locality.workingWeekdays.includes(cursor.weekday) && !holidays.has(cursor.toISODate() ?? '')) remaining -= 1;
  }
  return cursor.toUTC().toISO({ suppressMilliseconds: false })!;
}

const plainToUtcIso = (text: string) => DateTime.fromISO(text, { setZone: true }).toUTC().toISO({ suppressMilliseconds: false })!;
const plainCompareInstants = (a: string, b: string) => DateTime.fromISO(a).toMillis() - DateTime.fromISO(b).toMillis();

interface Timing {
  readonly name: string;
  readonly medianUs: number;
}

/**
 * Median microseconds per call of `call(i)`: warm up, then time batches of `batch` calls (one per
 * start, so every start counts) and take the median batch mean. Batches keep timer overhead out.
 */
function time(name: string, call: (i: number) => unknown, { warmup = 3_000, samples = 301, batch = starts.length } = {}): Timing {
  let sink: unknown;
  for (let i = 0; i < warmup; i += 1) sink = call(i % batch);
  const means: number[] = [];
  for (let s = 0; s < samples; s += 1) {
    const begin = performance.now();
    for (let i = 0; i < batch; i += 1) sink = call(i);
    means.push(((performance.now() - begin) * 1000) / batch);
  }
  if (sink === Symbol.for('never')) console.log(sink); // keeps the calls from being optimised away
  means.sort((a, b) => a - b);
  return { name, medianUs: means[Math.floor(means.length / 2)]! };
}

function row(fast: Timing, plain: Timing, goalUs?: number): string {
  const ratio = plain.medianUs / fast.medianUs;
  const goal = goalUs === undefined ? '' : `  ${fast.medianUs <= goalUs ? 'meets' : 'misses'} ≤ ${goalUs} µs`;
  return `  ${fast.name.padEnd(34)} ${fast.medianUs.toFixed(2).padStart(7)} µs   plain Luxon ${plain.medianUs.toFixed(2).padStart(7)} µs   ${ratio.toFixed(1).padStart(5)}× faster${goal}`;
}

/**
 * Runs the time benchmarks and returns printable lines: median µs per call of `addTimeSpan` for
 * `P2D`, `PT24H` and two working days in Pacific/Auckland, of `toUtcIso` and `compareInstants`,
 * each beside plain Luxon measured in the same run, with the ratio.
 */
export function benchTime(): string[] {
  const spans: ReadonlyArray<readonly [string, TimeSpan]> = [
    ['P2D', 'P2D'],
    ['PT24H', 'PT24H'],
    ['2 working days', { workingDays: 2 }],
  ];
  const lines = [`Deadlines in Pacific/Auckland — median µs per call over ${starts.length} starts around the April 2026 DST change (node ${process.version})`];
  for (const [label, span] of spans) {
    const plain = time(`plain Luxon ${label}`, (i) => plainAddTimeSpan(starts[i]!, span, auckland));
    const fast = time(`addTimeSpan ${label}`, (i) => addTimeSpan(starts[i]!, span, auckland));
    lines.push(row(fast, plain, 10));
  }
  const cold = time('addTimeSpan P2D, cold zone cache', (i) => {
    forgetLocalityZones();
    return addTimeSpan(starts[i]!, 'P2D', auckland);
  });
  lines.push(`  ${cold.name.padEnd(34)} ${cold.medianUs.toFixed(2).padStart(7)} µs   (every call re-learns the zone's offsets: the first deadline in a new hour)`);
  lines.push(row(time('toUtcIso', (i) => toUtcIso(starts[i]!)), time('plain', (i) => plainToUtcIso(starts[i]!))));
  const next = (i: number) => utcStarts[(i + 1) % utcStarts.length]!;
  lines.push(row(time('compareInstants', (i) => compareInstants(utcStarts[i]!, next(i))), time('plain', (i) => plainCompareInstants(utcStarts[i]!, next(i)))));
  return lines;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of benchTime()) console.log(line);
}
