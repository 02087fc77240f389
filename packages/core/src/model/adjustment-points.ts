import { z } from 'zod';
import { elementId, labels } from './primitives.js';
import { practiceSteps } from './practice-steps.js';

/**
 * A named place where variants may add local content, with one entry and one exit.
 * - `fragment`: local nodes inserted on a transition: its source is the single entry, its target the single exit.
 * - `entryPoint`: extra intake sources feeding a node (e.g. a community agency as an entry point).
 */
export const adjustmentPoint = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fragment'),
    id: elementId,
    label: labels,
    /** The stage local nodes belong to. */
    stage: z.enum(practiceSteps).describe('The stage local nodes belong to.'),
    /** The transition the fragment is inserted on. */
    transition: elementId.describe('The transition the fragment is inserted on.'),
    /** What localities typically add here. */
    description: z.string().max(2000).optional().describe('What localities typically add here.'),
  }),
  z.strictObject({
    kind: z.literal('entryPoint'),
    id: elementId,
    label: labels,
    /** The node new intake sources lead into. */
    target: elementId.describe('The node new intake sources lead into.'),
    description: z.string().max(2000).optional(),
  }),
]);
export type AdjustmentPoint = z.infer<typeof adjustmentPoint>;
