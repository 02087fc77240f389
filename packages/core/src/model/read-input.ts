import type { z } from 'zod';
import type { ErrorCode } from '../errors/catalogue.js';
import { problem, type Problem } from '../errors/problem.js';
import { readJsonText, screenJsonValue } from './json-guard.js';
import { problemsFromZodIssues } from './zod-problems.js';

/** The outcome of reading an external input: the validated value, or every problem at once. */
export type ReadInputResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** True when the input could not be read as a document at all (not JSON, too deep, too large). */
      readonly unusable: boolean;
      readonly problems: readonly Problem[];
    };

/** Options for reading one kind of document. */
export interface ReadInputOptions {
  /** Code every schema problem is reported under instead of its own (e.g. `PWY_SCENARIO_INVALID`). */
  readonly schemaCode?: ErrorCode;
  /**
   * Runs on the screened document before its schema (e.g. migrating plugin nodes): returns the
   * document to check, and problems of its own reported beside the schema's.
   */
  readonly prepare?: (value: unknown) => { readonly value: unknown; readonly problems: readonly Problem[] };
}

/**
 * The one way external documents (templates, variants, scenarios) come in: JSON text or an
 * already-parsed value is read, screened for hostile content (depth, prototype keys, control
 * characters), validated with the document's zod schema, and every problem is mapped to a coded,
 * located problem. Never throws on bad input.
 */
export function readInput<S extends z.ZodType>(input: unknown, schema: S, options: ReadInputOptions = {}): ReadInputResult<z.output<S>> {
  let value = input;
  if (typeof input === 'string') {
    const read = readJsonText(input);
    if (!read.ok) return { ok: false, unusable: read.unusable, problems: read.problems };
    value = read.value;
  }
  const screened = screenJsonValue(value);
  if (screened.unusable || screened.problems.length > 0) return { ok: false, unusable: screened.unusable, problems: screened.problems };
  const prepared = options.prepare ? options.prepare(value) : { value, problems: [] };
  value = prepared.value;
  const parsed = schema.safeParse(value);
  if (!parsed.success || prepared.problems.length > 0) {
    const problems = [...prepared.problems, ...(parsed.success ? [] : problemsFromZodIssues(parsed.error.issues, [], value))];
    const { schemaCode } = options;
    return { ok: false, unusable: false, problems: schemaCode ? problems.map((p) => problem(schemaCode, p.path, p.message, p.hint)) : problems };
  }
  return { ok: true, value: parsed.data };
}
