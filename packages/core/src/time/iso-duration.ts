import { Duration } from 'luxon';
import { rememberBounded } from './bounded-map.js';

/** Templates use a handful of spans (`PT24H`, `P2D`, `P14D`…); this only bounds misuse. */
const MAX_DURATIONS = 256;

const durations = new Map<string, Duration>();

/**
 * `Duration.fromISO(text)`, remembered per text: durations are immutable and a deployment adds the
 * same few spans over and over, so parsing each once saves a regular expression and an object per
 * deadline.
 *
 * @returns The duration, or `undefined` when Luxon finds the text invalid (nothing is remembered).
 */
export function isoDuration(text: string): Duration | undefined {
  const known = durations.get(text);
  if (known !== undefined) return known;
  const duration = Duration.fromISO(text);
  return duration.isValid ? rememberBounded(durations, text, duration, MAX_DURATIONS) : undefined;
}
