import type { Problem } from '../errors/problem.js';
import { checkTemplateReferences } from './check-references.js';
import { readJsonText, screenJsonValue } from './json-guard.js';
import { pathwayTemplate, type PathwayTemplate } from './template.js';
import { problemsFromZodIssues } from './zod-problems.js';

/** Outcome of parsing a template: the template, or every problem found. */
export type ParseTemplateResult =
  | { readonly ok: true; readonly template: PathwayTemplate; readonly problems: readonly [] }
  | {
      readonly ok: false;
      /** True when the input could not be read as a template at all (not JSON, too deep, too large). */
      readonly unusable: boolean;
      readonly problems: readonly Problem[];
    };

/**
 * Parses and validates a template from JSON text or an already-parsed value. Never throws on bad
 * input: it returns all problems at once, each with a stable code, a path, a message and a hint.
 */
export function parseTemplate(input: string | unknown): ParseTemplateResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const read = readJsonText(input);
    if (!read.ok) return { ok: false, unusable: read.unusable, problems: read.problems };
    value = read.value;
  }
  const screened = screenJsonValue(value);
  if (screened.unusable) return { ok: false, unusable: true, problems: screened.problems };
  if (screened.problems.length > 0) return { ok: false, unusable: false, problems: screened.problems };

  const parsed = pathwayTemplate.safeParse(value);
  if (!parsed.success) {
    return { ok: false, unusable: false, problems: problemsFromZodIssues(parsed.error.issues, [], value) };
  }
  const problems = checkTemplateReferences(parsed.data);
  if (problems.length > 0) return { ok: false, unusable: false, problems };
  return { ok: true, template: parsed.data, problems: [] };
}
