import { Duration } from 'luxon';
import type { TimeSpan } from './parameters.js';

/**
 * The comparable length of a time span: milliseconds for ISO durations (calendar parts counted
 * as 24-hour days, 30-day months and 365-day years) or a working-day count. Lengths of different
 * units cannot be compared.
 */
export type SpanLength = { readonly unit: 'ms'; readonly value: number } | { readonly unit: 'workingDays'; readonly value: number };

export function spanLength(span: TimeSpan): SpanLength {
  if (typeof span === 'string') return { unit: 'ms', value: Duration.fromISO(span).toMillis() };
  return { unit: 'workingDays', value: span.workingDays };
}

/** Compares two spans; `undefined` when their units differ (ISO duration vs working days). */
export function compareSpans(a: TimeSpan, b: TimeSpan): number | undefined {
  const left = spanLength(a);
  const right = spanLength(b);
  if (left.unit !== right.unit) return undefined;
  return left.value - right.value;
}

/** A span as people write it: the ISO text, or "5 working days". */
export function describeSpan(span: TimeSpan): string {
  return typeof span === 'string' ? span : `${span.workingDays} working day${span.workingDays === 1 ? '' : 's'}`;
}
