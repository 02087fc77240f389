import { z } from 'zod';
import { conditionSchema } from './conditions.js';
import { governanceField } from './governance.js';
import { elementId, labels } from './primitives.js';

/** An element an invariant talks about: a node, a milestone or a tier. */
export const elementRef = z.union([
  z.strictObject({ node: elementId }),
  z.strictObject({ milestone: elementId }),
  z.strictObject({ tier: elementId }),
]);
export type ElementRef = z.infer<typeof elementRef>;

/**
 * A rule every variant must keep, in a small language:
 * - `mustPass(from, to, via)`: every path from `from` to `to` passes one of `via`;
 * - `precedes(first, then, when)`: whenever `when` holds, `first` is reached before `then`;
 * - `reachable(target)`: the target can be reached from the start;
 * - `noDeadEnds`: from every node an end can be reached;
 * - `ownerRoleExists`: every work item has an owner role that exists.
 */
export const invariantRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mustPass'), from: elementRef, to: elementRef, via: z.array(elementRef).min(1) }),
  z.strictObject({ kind: z.literal('precedes'), first: elementRef, then: elementRef, when: z.union([elementId, conditionSchema]).optional() }),
  z.strictObject({ kind: z.literal('reachable'), target: elementRef }),
  z.strictObject({ kind: z.literal('noDeadEnds') }),
  z.strictObject({ kind: z.literal('ownerRoleExists') }),
]);
export type InvariantRule = z.infer<typeof invariantRule>;

/** A named invariant. */
export const invariant = z.strictObject({
  id: elementId,
  label: labels,
  rule: invariantRule,
  governance: governanceField,
});
export type Invariant = z.infer<typeof invariant>;
