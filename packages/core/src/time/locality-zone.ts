import { Info, type Zone } from 'luxon';
import { rememberBounded } from './bounded-map.js';
import { CachedZone } from './cached-zone.js';

/** Distinct zone names remembered; a deployment uses a handful, this only bounds misuse. */
const MAX_ZONES = 64;

const zones = new Map<string, CachedZone>();

/**
 * The Luxon zone for a locality's `timeZone`, resolved exactly as `DateTime.fromISO(…, { zone })`
 * resolves it, with IANA zones wrapped in a shared {@link CachedZone} so their offsets are computed
 * once per hour rather than on every call.
 *
 * Only zones Luxon created for exactly this name are cached: `"default"` follows
 * `Settings.defaultZone`, which may change, and fixed-offset (`"UTC"`, `"UTC+12"`) and system zones
 * are already cheap. Invalid names come back as Luxon's invalid zone, so callers fail as before.
 */
export function localityZone(name: string): Zone {
  const known = zones.get(name);
  if (known !== undefined) return known;
  const resolved = Info.normalizeZone(name);
  if (resolved.type !== 'iana' || resolved.name !== name || !resolved.isValid) return resolved;
  return rememberBounded(zones, name, new CachedZone(resolved), MAX_ZONES);
}

/** Forgets every cached zone and its offsets; for benchmarks that measure a cold start. */
export function forgetLocalityZones(): void {
  zones.clear();
}
