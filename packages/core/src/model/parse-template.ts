import type { Problem } from '../errors/problem.js';
import { checkBounds } from './checks/bounds.js';
import { checkEventlessCycles } from './checks/cycles.js';
import { analyseTemplate } from './checks/graph.js';
import { checkReferences } from './checks/references.js';
import { indexTemplate } from './checks/template-index.js';
import { readJsonText, screenJsonValue } from './json-guard.js';
import { createTemplateSchema, type InstalledNodeType, type PathwayTemplate } from './template.js';
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

/** Options for parsing. */
export interface ParseTemplateOptions {
  /** Plugin node types installed besides the core types; any other type is unknown. */
  readonly nodeTypes?: readonly InstalledNodeType[];
}

/**
 * Parses and validates a template from JSON text or an already-parsed value. Never throws on bad
 * input: it returns all problems at once, each with a stable code, a path, a message and a hint.
 * Covers the schema, every cross-reference, bounds against values and cycles of automatic
 * transitions; `analyseTemplate` adds the graph analysis.
 */
export function parseTemplate(input: string | unknown, options: ParseTemplateOptions = {}): ParseTemplateResult {
  return checkTemplate(input, options, false);
}

/** Parses and analyses: every problem `pathways validate` reports, graph analysis included. */
export function validateTemplate(input: string | unknown, options: ParseTemplateOptions = {}): ParseTemplateResult {
  return checkTemplate(input, options, true);
}

function checkTemplate(input: string | unknown, options: ParseTemplateOptions, analyse: boolean): ParseTemplateResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const read = readJsonText(input);
    if (!read.ok) return { ok: false, unusable: read.unusable, problems: read.problems };
    value = read.value;
  }
  const screened = screenJsonValue(value);
  if (screened.unusable) return { ok: false, unusable: true, problems: screened.problems };
  if (screened.problems.length > 0) return { ok: false, unusable: false, problems: screened.problems };

  const parsed = createTemplateSchema(options.nodeTypes).safeParse(value);
  if (!parsed.success) {
    return { ok: false, unusable: false, problems: problemsFromZodIssues(parsed.error.issues, [], value) };
  }
  const index = indexTemplate(parsed.data);
  checkReferences(index);
  checkBounds(index);
  checkEventlessCycles(index);
  // The graph analysis only needs a schema-valid template, so it runs even when references
  // dangle: authors see every problem in one pass.
  const problems = analyse ? [...index.problems, ...analyseTemplate(parsed.data)] : index.problems;
  if (problems.length > 0) return { ok: false, unusable: false, problems };
  return { ok: true, template: parsed.data, problems: [] };
}
