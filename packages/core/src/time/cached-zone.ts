import { Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';
import { rememberBounded } from './bounded-map.js';

const HOUR_MS = 3_600_000;

/**
 * How many hours of offsets one zone remembers: about 170 days of distinct hours, about 120 KiB
 * when full. Deadlines cluster around "now", so a working server stays well inside it.
 */
export const DEFAULT_MAX_HOURS = 4096;

/** An hour in which the offset changes once, at `at` (epoch milliseconds). */
interface Transition {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/** A remembered hour: one offset for all of it, or the change inside it. */
type Hour = number | Transition;

/**
 * A Luxon zone that answers `offset(ts)` exactly as the zone it wraps, but asks that zone only twice
 * per hour of time ever looked at. `IANAZone.offset` formats a date with `Intl` on every call (a few
 * microseconds each, and Luxon calls it several times per `plus`), while zone offsets change only
 * at transitions, months apart.
 *
 * For each hour bucket the source is asked for the offset at the first and the last millisecond.
 * Equal answers mean the whole hour has that offset; different ones mean a transition inside the
 * hour, whose exact millisecond is found by binary search and remembered. This relies only on a
 * zone never changing its offset twice within one hour: in the IANA database consecutive changes
 * are days apart, and no rule for any zone is written here.
 *
 * Everything else (name, type, offset names, validity, equality) is the wrapped zone's, so Luxon
 * treats a `CachedZone` around an `IANAZone` as that IANA zone.
 */
export class CachedZone extends Zone {
  readonly #source: Zone;
  readonly #hours = new Map<number, Hour>();
  readonly #maxHours: number;

  /**
   * @param source - The zone to ask, usually an `IANAZone`; it must be valid.
   * @param maxHours - How many hour buckets to remember before forgetting the oldest.
   */
  constructor(source: Zone, maxHours: number = DEFAULT_MAX_HOURS) {
    super();
    this.#source = source;
    this.#maxHours = maxHours;
  }

  /** The wrapped zone. */
  get source(): Zone {
    return this.#source;
  }

  /** How many hour buckets are remembered now (bounded by `maxHours`). */
  get rememberedHours(): number {
    return this.#hours.size;
  }

  override get type(): string {
    return this.#source.type;
  }

  override get name(): string {
    return this.#source.name;
  }

  override get isUniversal(): boolean {
    return this.#source.isUniversal;
  }

  override get isValid(): boolean {
    return this.#source.isValid;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.#source.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.#source.formatOffset(ts, format);
  }

  override equals(other: Zone): boolean {
    return this.#source.equals(other);
  }

  /** The offset in minutes at `ts` (epoch milliseconds), identical to the source's answer. */
  override offset(ts: number): number {
    // `new Date(ts)` in the source truncates fractional milliseconds; bucket the same instant.
    const t = Math.trunc(ts);
    if (!Number.isFinite(t)) return this.#source.offset(ts);
    const index = Math.floor(t / HOUR_MS);
    const hour = this.#hours.get(index) ?? this.#learn(index);
    if (hour === undefined) return this.#source.offset(ts);
    if (typeof hour === 'number') return hour;
    return t < hour.at ? hour.before : hour.after;
  }

  #learn(index: number): Hour | undefined {
    const first = index * HOUR_MS;
    const last = first + HOUR_MS - 1;
    const before = this.#source.offset(first);
    const after = this.#source.offset(last);
    // Only at the very ends of Date's range (or for an invalid source) is there nothing to keep.
    if (Number.isNaN(before) || Number.isNaN(after)) return undefined;
    if (before === after) return rememberBounded(this.#hours, index, before, this.#maxHours);
    // Invariant: `low` has the old offset, `high` the new one; halve until they are adjacent.
    let low = first;
    let high = last;
    while (high - low > 1) {
      const middle = low + Math.floor((high - low) / 2);
      if (this.#source.offset(middle) === before) low = middle;
      else high = middle;
    }
    return rememberBounded(this.#hours, index, { at: high, before, after }, this.#maxHours);
  }
}
