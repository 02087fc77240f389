import { z } from 'zod';
import { personRoles } from '../model/conditions.js';
import { practiceSteps } from '../model/practice-steps.js';
import { eventType, isoDuration, isoInstant } from '../model/primitives.js';

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
  /** Case status. */
  status: z.enum(['open', 'closed']).optional(),
  /** Case version after the step. */
  version: z.number().int().min(0).optional(),
  /** The case tier after the step (null: not yet assessed). */
  tier: z.string().nullable().optional(),
  /** Milestones that must have been reached by the end of the step. */
  milestones: z.array(z.string()).optional(),
  /** The command must end in an incident (a guard or action failed) and change nothing. */
  incident: z.boolean().optional(),
  /** The command must be refused with this code (and change nothing). */
  refused: z.string().regex(/^PWY_[A-Z_]+$/).optional(),
});
export type Expectation = z.infer<typeof expectation>;

/** A command sent to the case. `expectedVersion` defaults to the version the scenario has seen. */
export const scenarioCommand = z.strictObject({
  type: eventType,
  at: isoInstant,
  payload: z.record(z.string(), z.unknown()).default({}),
  actor: z.string().min(1).default('scenario'),
  /** The role the actor acts in, for commands restricted to roles. */
  actorRole: z.string().min(1).optional(),
  idempotencyKey: z.string().min(1).optional(),
  expectedVersion: z.number().int().min(0).optional(),
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

/** A person at referral: an id (fictional) and roles. */
const referralPerson = z.strictObject({ id: z.string().min(1), roles: z.array(z.enum(personRoles)).min(1) });
export type ScenarioStep = z.infer<typeof scenarioStep>;

/** A scenario file: a case, the steps it goes through, and the expectations that make it a test. */
export const scenario = z.strictObject({
  $schema: z.string().optional(),
  /** What the scenario shows, in plain words. */
  title: z.string().min(1),
  description: z.string().optional(),
  /** The case the scenario opens. Use fictional data only. */
  case: z.strictObject({
    id: z.string().min(1).max(120),
    openedAt: isoInstant,
    /** Persons known at referral (ids only). */
    persons: z.array(referralPerson).default([]),
    /** The episode behind the referral. */
    episode: z
      .strictObject({
        episodeId: z.string().min(1),
        sourceAgency: z.string().min(1),
        victimSurvivors: z.array(z.string().min(1)).min(1),
        personsUsingViolence: z.array(z.string().min(1)).default([]),
        childrenPresent: z.boolean(),
      })
      .optional(),
    expect: expectation.optional(),
  }),
  /** Failures injected into named guards (first `times` evaluations), to show incidents and retries. */
  faults: z.array(z.strictObject({ guard: z.string().min(1), times: z.number().int().min(1).max(100), message: z.string().optional() })).default([]),
  steps: z.array(scenarioStep).min(1),
});
export type Scenario = z.infer<typeof scenario>;
export type ScenarioInput = z.input<typeof scenario>;
