import { z } from 'zod';
import { commandEnvelope } from '../model/command-envelope.js';
import { practiceSteps } from '../model/practice-steps.js';
import { isoDuration, isoInstant, runtimeId } from '../model/primitives.js';
import { referral } from '../model/referral.js';

/** What must hold after a step. Every field is optional; each one given is checked. */
export const expectation = z.strictObject({
  /** Active node ids, exactly (order does not matter). A single id is shorthand for a list of one. */
  state: z.union([z.string(), z.array(z.string())]).optional(),
  /** Practice step(s) of the active nodes, exactly. */
  step: z.union([z.enum(practiceSteps), z.array(z.enum(practiceSteps))]).optional(),
  /**
   * Effects produced by the step, in order: each entry matches an effect having at least those
   * fields. An empty list means the step must produce no effect at all.
   */
  effects: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Effects the step must not produce: no effect may match any of these (e.g. no repeat-episode escalation). */
  noEffects: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Case status. */
  status: z.enum(['open', 'closed']).optional(),
  /** Case version after the step. */
  version: z.number().int().min(0).optional(),
  /** The case tier after the step (null: not yet assessed). */
  tier: z.string().nullable().optional(),
  /** Milestones that must have been reached by the end of the step. */
  milestones: z.array(z.string()).optional(),
  /**
   * Work items of the case (open and, from the history, closed): each entry matches the work items
   * having at least its fields (e.g. `{ "workItemType": "triage-listing", "status": "open" }`);
   * with `count`, exactly that many must match, otherwise at least one.
   */
  workItems: z.array(z.record(z.string(), z.unknown()).and(z.object({ count: z.number().int().min(0).optional() }))).optional(),
  /** Dated case facts, by name: the instant recorded (compared as instants), or null for not recorded. */
  facts: z.record(z.string(), isoInstant.nullable()).optional(),
  /** Plans: each entry matches a plan (`planType`, `inForce`, `draft`) having at least its fields. */
  plans: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Named workers, by role: the worker, or null for none. */
  workers: z.record(z.string(), z.string().nullable()).optional(),
  /** The command must end in an incident (a guard or action failed) and change nothing. */
  incident: z.boolean().optional(),
  /** The command must be refused with this code (and change nothing). */
  refused: z.string().regex(/^PWY_[A-Z_]+$/).optional(),
});
export type Expectation = z.infer<typeof expectation>;

/**
 * A command sent to the case: the command envelope, with what a scenario can leave out filled in
 * (`actor` defaults to `scenario`, the idempotency key to one per step, `expectedVersion` to the
 * version the scenario has seen).
 */
export const scenarioCommand = commandEnvelope.extend({
  actor: commandEnvelope.shape.actor.default('scenario'),
  idempotencyKey: commandEnvelope.shape.idempotencyKey.optional(),
});

/** Moves the clock; every timer due on the way fires at its due time, earliest first. */
export const clockAdvance = z.union([
  z.strictObject({ to: isoInstant }),
  z.strictObject({ by: isoDuration }),
]);

/** One step of a scenario: a command, a clock advance, or a retry of the last incident, then what must hold. */
export const scenarioStep = z.union([
  z.strictObject({ note: z.string().optional(), command: scenarioCommand, expect: expectation.optional() }),
  z.strictObject({ note: z.string().optional(), advance: clockAdvance, expect: expectation.optional() }),
  z.strictObject({ note: z.string().optional(), retryIncident: z.literal(true), expect: expectation.optional() }),
]);

export type ScenarioStep = z.infer<typeof scenarioStep>;

/** The case a scenario opens: the referral (its `caseId` named `id`), and what must hold once it is open. */
export const scenarioCase = z.strictObject({
  id: runtimeId.max(120),
  ...referral.omit({ caseId: true }).shape,
  expect: expectation.optional(),
});

/** A scenario file: a case, the steps it goes through, and the expectations that make it a test. */
export const scenario = z.strictObject({
  $schema: z.string().optional(),
  /** What the scenario shows, in plain words. */
  title: z.string().min(1),
  description: z.string().optional(),
  /** The case the scenario opens. Use fictional data only. */
  case: scenarioCase,
  /** Failures injected into named guards (first `times` evaluations), to show incidents and retries. */
  faults: z.array(z.strictObject({ guard: z.string().min(1), times: z.number().int().min(1).max(100), message: z.string().optional() })).default([]),
  steps: z.array(scenarioStep).min(1),
});
export type Scenario = z.infer<typeof scenario>;
export type ScenarioInput = z.input<typeof scenario>;
