import type { z } from 'zod';

/** A follow-up set: the answers field it is given in, its name in messages, the item that asks it, and how many topics it has. */
export interface FollowUpSet {
  readonly field: string;
  readonly name: string;
  readonly trigger: string;
  readonly size: number;
}

/**
 * A follow-up set is required when its trigger item is `yes`, and refused otherwise. (The engine
 * reports the message after a description of the value found, e.g. "Nothing is given for …".)
 */
export function checkFollowUp(ctx: z.RefinementCtx, set: FollowUpSet, triggerAnswer: string, given: boolean): void {
  const { field, name, trigger, size } = set;
  if (triggerAnswer === 'yes' && !given) {
    ctx.addIssue({ code: 'custom', path: [field], message: `is given for the ${name} follow-up set (${field}), which is required when ${trigger} is yes: answer its ${size} topics (yes, no or not-known)` });
  } else if (triggerAnswer !== 'yes' && given) {
    ctx.addIssue({ code: 'custom', path: [field], message: `is given for the ${name} follow-up set (${field}), which is answered only when ${trigger} is yes, and it is ${triggerAnswer}: answer ${trigger} yes, or leave the set out` });
  }
}

/**
 * The same rule in JSON Schema (an `if`/`then`/`else` for the answers object's `allOf`). A zod
 * refinement does not reach the JSON Schema, so without this a form drawn from it could not know
 * when to ask the set: with it, the designer shows the set's topics only when the trigger is `yes`
 * and leaves the set out otherwise, and any JSON Schema validator holds answers to the same rule.
 */
export function askedWhenYes(set: FollowUpSet) {
  return {
    if: { properties: { [set.trigger]: { const: 'yes' } }, required: [set.trigger] },
    then: { required: [set.field] },
    else: { not: { required: [set.field] } },
  };
}
