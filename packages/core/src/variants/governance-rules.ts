import type { FieldBounds, Governance } from '../model/governance.js';
import { timeSpan, type Parameter } from '../model/parameters.js';
import { compareSpans, describeSpan } from '../model/span-length.js';

const strength = { free: 0, tailorable: 1, locked: 2 } as const;

/** How strict a governance is: free < tailorable < locked. */
export function governanceStrength(governance: Governance | undefined): number {
  return strength[governance?.mode ?? 'free'];
}

/** Why a value lies outside bounds, or undefined when it is within them. */
export function outOfBounds(value: unknown, bounds: FieldBounds, kind: Parameter['kind'] | 'value', enumValues?: readonly string[]): string | undefined {
  if (bounds.values && !bounds.values.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    return `allowed values are ${bounds.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  for (const side of ['min', 'max'] as const) {
    const bound = bounds[side];
    if (bound === undefined) continue;
    let order: number | undefined;
    if (kind === 'duration') {
      const span = timeSpan.safeParse(value);
      const limit = timeSpan.safeParse(bound);
      if (!span.success || !limit.success) return `a duration is needed (bound ${JSON.stringify(bound)})`;
      order = compareSpans(span.data, limit.data);
      if (order === undefined) return `give it in the same unit as the bound ${describeSpan(limit.data)}`;
      if ((side === 'max' && order > 0) || (side === 'min' && order < 0)) return `${describeSpan(span.data)} is ${side === 'max' ? 'above the maximum' : 'below the minimum'} ${describeSpan(limit.data)}`;
    } else if (kind === 'enum' && enumValues) {
      const rank = (v: unknown) => (typeof v === 'string' ? enumValues.indexOf(v) : -1);
      if (rank(value) < 0) return `allowed values are ${enumValues.join(', ')}`;
      if ((side === 'max' && rank(value) > rank(bound)) || (side === 'min' && rank(value) < rank(bound))) {
        return `${String(value)} is ${side === 'max' ? 'beyond' : 'below'} the ${side} ${String(bound)} (order: ${enumValues.join(' < ')})`;
      }
    } else if (typeof value === 'number' && typeof bound === 'number') {
      if ((side === 'max' && value > bound) || (side === 'min' && value < bound)) return `${value} is ${side === 'max' ? 'above the maximum' : 'below the minimum'} ${bound}`;
    }
  }
  return undefined;
}

/** Whether `next` bounds are at least as tight as `previous` ones (for locking more, never less). */
export function boundsAtLeastAsTight(previous: FieldBounds, next: FieldBounds, kind: Parameter['kind'] | 'value', enumValues?: readonly string[]): boolean {
  for (const side of ['min', 'max'] as const) {
    const before = previous[side];
    if (before === undefined) continue;
    const after = next[side];
    if (after === undefined) return false;
    if (outOfBounds(after, { [side]: before }, kind, enumValues) !== undefined) return false;
  }
  if (previous.values) {
    if (!next.values) return false;
    if (!next.values.every((v) => previous.values!.some((p) => JSON.stringify(p) === JSON.stringify(v)))) return false;
  }
  return true;
}

/** How a bound's values compare: durations (ISO or working days) or plain values (numbers, enums by list). */
export function boundKind(bounds: FieldBounds): 'duration' | 'value' {
  const sample = bounds.min ?? bounds.max;
  return typeof sample === 'string' || (typeof sample === 'object' && sample !== null && 'workingDays' in sample) ? 'duration' : 'value';
}

/**
 * What a governance change loosens, as messages (empty when it only keeps or tightens): a weaker
 * mode, a bound widened or dropped, or a field opened that was not tailorable above.
 */
export function loosenings(before: Governance | undefined, after: Governance, kind?: Parameter['kind'], enumValues?: readonly string[]): string[] {
  if (governanceStrength(after) < governanceStrength(before)) return [`it is ${before?.mode ?? 'free'} at the level above and cannot become ${after.mode}`];
  const allowed = new Set(before?.localEffects ?? []);
  const opened = (after.localEffects ?? []).filter((effect) => !allowed.has(effect));
  if (opened.length > 0) return [`local elements may not ${opened.join(', ')} here at the level above, and a level below cannot allow it`];
  if (before?.mode !== 'tailorable' || after.mode !== 'tailorable') return [];
  const messages: string[] = [];
  for (const [field, bounds] of Object.entries(before.bounds)) {
    const next = Object.hasOwn(after.bounds, field) ? after.bounds[field] : undefined;
    if (!next || !boundsAtLeastAsTight(bounds, next, kind ?? boundKind(bounds), enumValues)) messages.push(`the bounds of "${field}" may only get tighter`);
  }
  for (const field of Object.keys(after.bounds)) {
    if (!Object.hasOwn(before.bounds, field)) messages.push(`"${field}" is not tailorable at the level above and cannot be opened here`);
  }
  return messages;
}
