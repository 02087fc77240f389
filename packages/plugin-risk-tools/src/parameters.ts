import type { Parameter } from '@pathways/core';

/** The New Zealand tiers, lowest first: what every tool's levels map to by default. */
export const nzTiers = ['emerging', 'escalating', 'high', 'intensive'] as const;
export type NzTier = (typeof nzTiers)[number];

/**
 * How a band's tier may be governed: locked, or tailorable from its default up to `upTo` (a
 * locality may treat a band more seriously, never less).
 */
export type TierGovernance = { readonly locked: string } | { readonly upTo: NzTier; readonly reason: string };

/** A band's tier as an enum parameter over the NZ tiers. */
export function tierParameter(value: NzTier, description: string, governance: TierGovernance): Parameter {
  return {
    kind: 'enum',
    values: [...nzTiers],
    value,
    description,
    governance: 'locked' in governance ? { mode: 'locked', reason: governance.locked } : { mode: 'tailorable', bounds: { value: { min: value, max: governance.upTo } }, reason: governance.reason },
  };
}

/** A band's threshold (a score) as a number parameter: locked, or tailorable within `min`..`max`. */
export function thresholdParameter(value: number, unit: string, description: string, governance: { readonly locked: string } | { readonly min: number; readonly max: number; readonly reason: string }): Parameter {
  return {
    kind: 'number',
    value,
    unit,
    description,
    governance: 'locked' in governance ? { mode: 'locked', reason: governance.locked } : { mode: 'tailorable', bounds: { value: { min: governance.min, max: governance.max } }, reason: governance.reason },
  };
}
