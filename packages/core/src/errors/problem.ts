import { catalogueEntry, type ErrorCode } from './catalogue.js';

/** A location inside a JSON document, as the list of keys and indexes leading to it. */
export type JsonPath = readonly (string | number)[];

/**
 * One thing wrong with an input, precise enough to fix: what (code + message), where (path) and
 * how (hint). Problems are data; they are never thrown.
 */
export interface Problem {
  /** Stable catalogue code. */
  readonly code: ErrorCode;
  /** Where in the input, e.g. `["nodes", 3, "type"]`; empty for the whole input. */
  readonly path: JsonPath;
  /** What is wrong, in plain words, naming the offending value where that helps. */
  readonly message: string;
  /** How to fix it. Defaults to the catalogue hint for the code. */
  readonly hint: string;
}

/** Builds a problem, taking the hint from the catalogue unless a more specific one is given. */
export function problem(code: ErrorCode, path: JsonPath, message: string, hint?: string): Problem {
  return { code, path, message, hint: hint ?? catalogueEntry(code).hint };
}

/** Formats a path as `nodes[3].type`, the way people read JSON locations. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return '(root)';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

/** An error that carries problems, for APIs that must throw (e.g. compiling an invalid template). */
export class PathwaysError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'PathwaysError';
    this.code = code;
    this.problems = problems;
  }
}
