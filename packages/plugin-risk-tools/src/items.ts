import { z } from 'zod';

// Messages read after a description of the value found ("Nothing is given: …", "The text "maybe"
// is not an answer: …"), as the engine reports a refused answer.
const answerError = (allowed: string) => (issue: { readonly input?: unknown }) => (issue.input === undefined ? `is given: answer ${allowed}` : `is not an answer: answer ${allowed}`);

/** `yes` or `no`. */
export const yesNo = z.enum(['yes', 'no'], { error: answerError('yes or no') });

/** `yes`, `no` or `not-known` (a checklist answered with the victim-survivor, who may not know). */
export const yesNoNotKnown = z.enum(['yes', 'no', 'not-known'], { error: answerError('yes, no or not-known') });

/**
 * An object schema with one field per item, each answered with `answer`. The item's topic becomes
 * the field's title, so a form drawn from the JSON Schema shows the topic, never licensed wording.
 */
export function itemsObject<Code extends string, Answer extends z.ZodType>(items: Readonly<Record<Code, string>>, answer: Answer, params?: Parameters<typeof z.strictObject>[1]) {
  const shape = Object.fromEntries(Object.entries<string>(items).map(([code, topic]) => [code, answer.meta({ title: topic })]));
  // Object.fromEntries cannot keep the keys' type; they are exactly the items' codes.
  return z.strictObject(shape as Record<Code, Answer>, params);
}

/** How many of the items are answered `yes`. */
export function countYes(answers: Readonly<Record<string, unknown>>, items: Readonly<Record<string, string>>): number {
  return Object.keys(items).filter((code) => answers[code] === 'yes').length;
}
