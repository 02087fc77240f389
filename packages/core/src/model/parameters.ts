import { z } from 'zod';
import { governanceField } from './governance.js';
import { isoDuration } from './primitives.js';

/**
 * A time span used for deadlines and waits. Either an ISO 8601 duration (`PT24H` absolute hours,
 * `P2D` calendar days in the locality's zone) or a count of working days in the locality's
 * calendar (weekends and configured public holidays skipped).
 */
export const timeSpan = z.union([
  isoDuration,
  z.strictObject({
    /** Whole working days, e.g. 5. */
    workingDays: z.number().int().min(0).max(366).describe('Whole working days, e.g. 5.'),
  }),
]);
export type TimeSpan = z.infer<typeof timeSpan>;

/** A reference to a declared parameter, so localities can tailor the value within bounds. */
export const parameterRef = z.strictObject({
  /** Name of a parameter declared under `parameters`. */
  param: z.string().min(1).describe('Name of a parameter declared under `parameters`.'),
});
export type ParameterRef = z.infer<typeof parameterRef>;

/** A time span given directly or through a parameter. */
export const timeSpanOrRef = z.union([timeSpan, parameterRef]);
export type TimeSpanOrRef = z.infer<typeof timeSpanOrRef>;

const parameterBase = {
  /** What the parameter is for, in plain words. */
  description: z.string().max(2000).optional().describe('What the parameter is for, in plain words.'),
  /** Who may change it: usually `tailorable` with bounds on `value`, or `locked`. */
  governance: governanceField.describe('Who may change it: usually `tailorable` with bounds on `value`, or `locked`.'),
};

/** A duration parameter, e.g. the first-contact bound for high risk (`PT24H`). */
export const durationParameter = z.strictObject({
  kind: z.literal('duration'),
  /** The value in force. */
  value: timeSpan.describe('The value in force.'),
  ...parameterBase,
});
export type DurationParameter = z.infer<typeof durationParameter>;

/** A number parameter, e.g. incidents that count as potential escalation. */
export const numberParameter = z.strictObject({
  kind: z.literal('number'),
  value: z.number(),
  /** Unit, for people reading it (e.g. `incidents`). */
  unit: z.string().max(60).optional().describe('Unit, for people reading it (e.g. `incidents`).'),
  ...parameterBase,
});
export type NumberParameter = z.infer<typeof numberParameter>;

/** An enumerated parameter, e.g. a meeting cadence (`daily`, `weekly`, `fortnightly`). */
export const enumParameter = z.strictObject({
  kind: z.literal('enum'),
  /** Allowed values, in order (bounds on an enum compare by this order). */
  values: z.array(z.string().min(1)).min(1).describe('Allowed values, in order (bounds on an enum compare by this order).'),
  value: z.string().min(1),
  ...parameterBase,
});
export type EnumParameter = z.infer<typeof enumParameter>;

/** Any declared parameter. */
export const parameter = z.discriminatedUnion('kind', [durationParameter, numberParameter, enumParameter]);
export type Parameter = z.infer<typeof parameter>;
