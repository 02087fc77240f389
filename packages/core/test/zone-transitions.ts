import { IANAZone } from 'luxon';

const DAY = 24 * 3_600_000;

/**
 * A zone's offset transitions in [from, to) (epoch milliseconds), found with plain Luxon: a daily
 * scan, then a binary search to the millisecond. Tests compare the cached zone against these.
 */
export function transitionsOf(zone: IANAZone | string, from: number, to: number): number[] {
  const source = typeof zone === 'string' ? IANAZone.create(zone) : zone;
  const found: number[] = [];
  let previous = source.offset(from);
  for (let t = from + DAY; t < to; t += DAY) {
    const offset = source.offset(t);
    if (offset === previous) continue;
    let low = t - DAY;
    let high = t;
    while (high - low > 1) {
      const middle = low + Math.floor((high - low) / 2);
      if (source.offset(middle) === previous) low = middle;
      else high = middle;
    }
    found.push(high);
    previous = offset;
  }
  return found;
}
