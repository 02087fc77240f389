// CachedZone must answer exactly as the IANAZone it wraps, to the millisecond, in every zone, and
// keep its memory bounded. Transitions here are found by asking IANAZone directly, including the
// historical ones that fall between hours (LMT offsets with seconds, half-hour steps).
import fc from 'fast-check';
import { FixedOffsetZone, IANAZone, Info, Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { CachedZone } from '../src/time/cached-zone.js';
import { localityZone } from '../src/time/locality-zone.js';
import { transitionsOf } from './zone-transitions.js';

const slow = { timeout: 120_000 };
const HOUR = 3_600_000;


// Years chosen for transitions that are not on a UTC hour (besides today's, which are).
const periods: ReadonlyArray<readonly [zone: string, fromYear: number, toYear: number]> = [
  ['Pacific/Auckland', 1927, 1947], // half-hour NZ summer time
  ['Pacific/Auckland', 2025, 2028],
  ['Pacific/Chatham', 1944, 1947],
  ['Pacific/Chatham', 2025, 2028],
  ['Australia/Lord_Howe', 1981, 1986], // hour steps at :30
  ['Australia/Lord_Howe', 2025, 2028], // 30-minute DST
  ['Asia/Kathmandu', 1985, 1987], // +05:30 to +05:45
  ['Africa/Monrovia', 1971, 1973], // -00:44:30 to UTC, at 00:44:30Z
  ['America/St_Johns', 1917, 1920], // offsets with seconds
  ['Europe/Amsterdam', 1916, 1918], // +00:19:32 summer time
  ['Pacific/Apia', 2011, 2012], // 30 December 2011 skipped
  ['America/New_York', 2025, 2028],
  ['Europe/London', 2025, 2028],
];

/** Instants around a transition where a bucket or a binary search could be off. */
const around = [-HOUR, -1001, -1000, -1, -0.5, 0, 0.5, 1, 999, 1000, HOUR - 1, HOUR, 2 * HOUR];

describe('CachedZone', () => {
  for (const [name, fromYear, toYear] of periods) {
    it(`changes offset at the same millisecond as IANAZone in ${name}, ${fromYear}–${toYear}`, () => {
      const source = IANAZone.create(name);
      const found = transitionsOf(source, Date.UTC(fromYear, 0, 1), Date.UTC(toYear, 0, 1));
      expect(found.length).toBeGreaterThan(0);
      // A fresh zone per pass order: asking before, at and after a transition first must not matter.
      const warm = new CachedZone(source);
      for (const transition of found) {
        const cold = new CachedZone(source);
        for (const delta of around) expect(cold.offset(transition + delta), `${name} ${transition} ${delta}`).toBe(source.offset(transition + delta));
        for (const delta of [...around].reverse()) expect(warm.offset(transition + delta), `${name} ${transition} ${delta}`).toBe(source.offset(transition + delta));
      }
    });
  }

  it('equals IANAZone at random instants in every zone the runtime knows', slow, () => {
    const cached = new Map<string, CachedZone>();
    fc.assert(
      fc.property(fc.constantFrom(...Intl.supportedValuesOf('timeZone')), fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }), (name, ts) => {
        const source = IANAZone.create(name);
        const zone = cached.get(name) ?? new CachedZone(source);
        cached.set(name, zone);
        expect(zone.offset(ts)).toBe(source.offset(ts));
      }),
      { numRuns: 20_000 },
    );
  });

  it('passes instants it cannot bucket straight to the source', () => {
    const source = IANAZone.create('Pacific/Auckland');
    const zone = new CachedZone(source);
    for (const ts of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 8.64e15, -8.64e15, 8.64e15 + 1]) {
      expect(Object.is(zone.offset(ts), source.offset(ts)), String(ts)).toBe(true);
    }
  });

  it('remembers at most maxHours buckets, and still answers correctly after forgetting', () => {
    const source = IANAZone.create('Pacific/Chatham');
    const zone = new CachedZone(source, 16);
    const start = Date.UTC(2026, 3, 1);
    for (let pass = 0; pass < 2; pass += 1) {
      for (let hour = 0; hour < 24 * 10; hour += 1) {
        const ts = start + hour * HOUR + 1234;
        expect(zone.offset(ts)).toBe(source.offset(ts));
        expect(zone.rememberedHours).toBeLessThanOrEqual(16);
      }
    }
  });

  it('is the wrapped zone to Luxon: name, type, validity and equality', () => {
    const source = IANAZone.create('Pacific/Auckland');
    const zone = new CachedZone(source);
    // `ianaName` is Luxon's (used by `toISO({ extendedZone: true })`), missing from @types/luxon.
    const ianaName = (zone as unknown as { readonly ianaName: string }).ianaName;
    expect([zone.name, zone.type, zone.isValid, zone.isUniversal, ianaName]).toEqual(['Pacific/Auckland', 'iana', true, false, 'Pacific/Auckland']);
    expect(zone.equals(source)).toBe(true);
    expect(source.equals(zone)).toBe(true);
    expect(zone.equals(IANAZone.create('Pacific/Chatham'))).toBe(false);
    expect(zone.offsetName(Date.UTC(2026, 0, 1), { format: 'short', locale: 'en-NZ' })).toBe(source.offsetName(Date.UTC(2026, 0, 1), { format: 'short', locale: 'en-NZ' }));
    expect(zone.formatOffset(Date.UTC(2026, 0, 1), 'techie')).toBe('+1300');
  });
});

describe('localityZone', () => {
  const defaultZone = Settings.defaultZone;
  afterEach(() => {
    Settings.defaultZone = defaultZone;
  });

  it('shares one cached zone per IANA name', () => {
    const zone = localityZone('Pacific/Auckland');
    expect(zone).toBeInstanceOf(CachedZone);
    expect(localityZone('Pacific/Auckland')).toBe(zone);
  });

  it('resolves other names as Luxon does, without caching them', () => {
    expect(localityZone('UTC')).toBe(FixedOffsetZone.utcInstance);
    expect(localityZone('UTC+12').equals(FixedOffsetZone.instance(720))).toBe(true);
    expect(localityZone('Pacific/Atlantis').isValid).toBe(false);
    Settings.defaultZone = 'Pacific/Chatham';
    expect(localityZone('default')).toBe(Info.normalizeZone('default'));
    Settings.defaultZone = 'Europe/London';
    expect(localityZone('default').name).toBe('Europe/London');
  });
});
