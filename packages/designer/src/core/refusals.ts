import type { ErrorCode } from '@pathways/core';
import { checkOnce } from './check-cache.js';
import type { DesignProblem } from './check-document.js';
import type { DesignDocument } from './design-document.js';

/**
 * The check's codes that refuse an edit as it is made, rather than listing a problem: locks, bounds,
 * unlocking, tailoring what is not tailorable, and effects a local element may not have on national
 * elements. The rule itself is the check's (the same function as `pathways check`); the designer
 * only decides that these are never worth keeping as a draft.
 */
export const refusingCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'PWY_VARIANT_LOCKED',
  'PWY_VARIANT_OUT_OF_BOUNDS',
  'PWY_VARIANT_UNLOCK',
  'PWY_VARIANT_NOT_TAILORABLE',
  'PWY_VARIANT_LOCAL_EFFECT',
  'PWY_BOUNDS_CONTRADICT',
]);

/** Why an edit was not made: the national (or regional) rule, in the check's own words. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
}

/** The document's problems, checked once per document state (shared with what the panels show). */
export function problemsOf(document: DesignDocument): readonly DesignProblem[] {
  return checkOnce(document).problems;
}

/** The first refusing problem the edit brought that the document did not have before. */
export function refusalOf(before: DesignDocument, after: DesignDocument): Refusal | undefined {
  const known = new Set(problemsOf(before).map((p) => `${p.code}|${p.message}`));
  const added = problemsOf(after).find((p) => p.code !== 'PWY_PUBLISH_BREAKING' && refusingCodes.has(p.code) && !known.has(`${p.code}|${p.message}`));
  return added && added.code !== 'PWY_PUBLISH_BREAKING' ? { code: added.code, message: added.message, hint: added.hint } : undefined;
}
