import type { Problem } from '../errors/problem.js';
import { readJsonText, screenJsonValue } from '../model/json-guard.js';
import { problemsFromZodIssues } from '../model/zod-problems.js';
import { pathwayVariant, type PathwayVariant } from './variant.js';

/** Parses a variant from JSON text or a value, with every problem at once. */
export function parseVariant(input: unknown): { ok: true; variant: PathwayVariant } | { ok: false; unusable: boolean; problems: Problem[] } {
  let value = input;
  if (typeof input === 'string') {
    const read = readJsonText(input);
    if (!read.ok) return { ok: false, unusable: read.unusable, problems: [...read.problems] };
    value = read.value;
  }
  const screened = screenJsonValue(value);
  if (screened.unusable || screened.problems.length > 0) return { ok: false, unusable: screened.unusable, problems: screened.problems };
  const parsed = pathwayVariant.safeParse(value);
  if (!parsed.success) return { ok: false, unusable: false, problems: problemsFromZodIssues(parsed.error.issues, [], value) };
  return { ok: true, variant: parsed.data };
}
