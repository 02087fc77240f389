import { checkDocument, type DesignCheck } from './check-document.js';
import type { DesignDocument } from './design-document.js';

const checks = new WeakMap<DesignDocument, DesignCheck>();

/**
 * The check of a document state, computed once: every state is immutable, so the check an edit's
 * judgement ran is the one the panels show (an edit costs one check, not two).
 */
export function checkOnce(document: DesignDocument): DesignCheck {
  let check = checks.get(document);
  if (!check) {
    check = checkDocument(document);
    checks.set(document, check);
  }
  return check;
}
