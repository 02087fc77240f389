import { z } from 'zod';
import { governanceField } from './governance.js';
import { factPattern } from './case-facts.js';
import { elementId, isoDuration } from './primitives.js';

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

/**
 * A signed ISO 8601 duration from a fact's instant: `-P1D` is a calendar day before it, `PT2H`
 * two hours after.
 */
export const signedIsoDuration = z.string().refine((value) => /^[+-]?P/.test(value) && isoDuration.safeParse(value.replace(/^[+-]/, '')).success, {
  message: 'must be a signed ISO 8601 duration such as -P1D (before the fact) or PT2H (after it)',
});

/**
 * An instant counted from a dated case fact: `{ "relativeTo": "safetyOrderExpiresAt", "offset":
 * "-P1D" }` is a calendar day before the order expires, in the locality's zone; `before` and
 * `after` take a span or a parameter (`{ "before": { "param": "safetyOrderFollowUp" } }`), so a
 * locality can tailor it. Give at most one of the three; with none it is the fact's instant
 * itself. Until the fact is recorded there is no deadline; when it changes, deadlines counted from
 * it move with it.
 */
export const factRelative = z.strictObject({
  /** The case fact (declared under `facts`) to count from. */
  relativeTo: z.string().regex(factPattern, { message: 'must name a declared case fact, such as safetyOrderExpiresAt' }).describe('The case fact (declared under `facts`) to count from.'),
  /** A signed duration from the fact's instant, e.g. `-P1D`. */
  offset: signedIsoDuration.optional().describe("A signed ISO 8601 duration from the fact's instant, e.g. `-P1D` (before) or `PT2H` (after)."),
  /** How long before the fact's instant. */
  before: timeSpanOrRef.optional().describe("How long before the fact's instant."),
  /** How long after the fact's instant. */
  after: timeSpanOrRef.optional().describe("How long after the fact's instant."),
});
export type FactRelative = z.infer<typeof factRelative>;

/**
 * One period of a meeting series' cadence, e.g. `{ "meetingCadence": "daily-triage" }`: a listing
 * due by the next sitting, a wait until the next intensive case management meeting. It follows the
 * meeting's cadence parameter, so tailoring the cadence tailors it.
 */
export const meetingCadenceSpan = z.strictObject({
  /** The meeting series whose cadence (daily, weekdays, twice-weekly, weekly, fortnightly, four-weekly, monthly) is counted. */
  meetingCadence: elementId.describe('The meeting series whose cadence (daily, weekdays, twice-weekly, weekly, fortnightly, four-weekly, monthly) is counted.'),
});
export type MeetingCadenceSpan = z.infer<typeof meetingCadenceSpan>;

/**
 * When work is due: a span from when it opens (directly, through a parameter, or one period of a
 * meeting's cadence), or an instant counted from a case fact.
 */
export const deadline = z.union([timeSpan, parameterRef, factRelative, meetingCadenceSpan]);
export type Deadline = z.infer<typeof deadline>;

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
