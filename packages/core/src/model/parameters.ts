import { z } from 'zod';
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
    workingDays: z.number().int().min(0).max(366),
  }),
]);
export type TimeSpan = z.infer<typeof timeSpan>;

/** A reference to a declared parameter, so localities can tailor the value within bounds. */
export const parameterRef = z.strictObject({
  /** Name of a parameter declared under `parameters`. */
  param: z.string().min(1),
});
export type ParameterRef = z.infer<typeof parameterRef>;

/** A time span given directly or through a parameter. */
export const timeSpanOrRef = z.union([timeSpan, parameterRef]);
export type TimeSpanOrRef = z.infer<typeof timeSpanOrRef>;

/** A tailorable duration parameter, e.g. the first-contact bound for high risk. */
export const durationParameter = z.strictObject({
  kind: z.literal('duration'),
  /** The value in force. */
  value: timeSpan,
  /** What the parameter is for, in plain words. */
  description: z.string().max(2000).optional(),
});
export type DurationParameter = z.infer<typeof durationParameter>;

/** Any declared parameter. More kinds (numbers, enums, cadences) arrive with the full model. */
export const parameter = z.discriminatedUnion('kind', [durationParameter]);
export type Parameter = z.infer<typeof parameter>;
