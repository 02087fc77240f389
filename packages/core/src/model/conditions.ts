import { z } from 'zod';
import { governanceField } from './governance.js';
import { elementId } from './primitives.js';

/** The roles a person can hold in a case (a person may hold several). Fixed, first-class. */
export const personRoles = ['adult-victim-survivor', 'child', 'person-using-violence', 'other-whanau-member'] as const;
export type PersonRole = (typeof personRoles)[number];

/** Work-item statuses: the one lifecycle every work item follows. */
export const workItemStatuses = ['open', 'inProgress', 'done', 'cancelled', 'incomplete'] as const;

/**
 * A condition over the case: what CMMN calls a sentry. Used as stage entry and exit criteria, as
 * extra conditions on transitions, and as the `when` of invariants. Data only, evaluated by the
 * engine; never code.
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly milestone: string }
  | { readonly tierAtLeast: string }
  | { readonly tierBelow: string }
  | { readonly persons: { readonly role: PersonRole; readonly atLeast: number } }
  | { readonly workItems: { readonly type?: string; readonly status: readonly (typeof workItemStatuses)[number][]; readonly count: 'none' | 'some' } };

/** Schema of a condition. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    /** True once the milestone has been reached. */
    z.strictObject({ milestone: elementId }),
    /** True while the case tier is at or above the given tier. */
    z.strictObject({ tierAtLeast: elementId }),
    /** True while the case tier is below the given tier. */
    z.strictObject({ tierBelow: elementId }),
    /** True when at least `atLeast` persons in the case hold the role (e.g. children in the household). */
    z.strictObject({ persons: z.strictObject({ role: z.enum(personRoles), atLeast: z.number().int().min(1).max(100) }) }),
    /** True when there are some / no work items (of the type) in any of the statuses. */
    z.strictObject({
      workItems: z.strictObject({
        type: elementId.optional(),
        status: z.array(z.enum(workItemStatuses)).min(1),
        count: z.enum(['none', 'some']),
      }),
    }),
  ]),
);

/** A named, reusable condition, e.g. `children-in-household`. */
export const namedCondition = z.strictObject({
  id: elementId,
  /** What it means, in plain words. */
  description: z.string().min(1).max(1000).describe('What it means, in plain words.'),
  condition: conditionSchema,
  /** Who may change it in a variant. */
  governance: governanceField,
});
export type NamedCondition = z.infer<typeof namedCondition>;

/** A condition in plain words, for refusals (e.g. why a plan version cannot be approved yet). */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return `all of (${condition.all.map(describeCondition).join('; ')})`;
  if ('any' in condition) return `one of (${condition.any.map(describeCondition).join('; ')})`;
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  if ('milestone' in condition) return `milestone "${condition.milestone}" reached`;
  if ('tierAtLeast' in condition) return `tier at least "${condition.tierAtLeast}"`;
  if ('tierBelow' in condition) return `tier below "${condition.tierBelow}"`;
  if ('persons' in condition) return `at least ${condition.persons.atLeast} ${condition.persons.role} in the case`;
  const { type, status, count } = condition.workItems;
  return `${count === 'none' ? 'no' : 'some'} ${type ?? 'work item'} ${status.join(' or ')}`;
}
