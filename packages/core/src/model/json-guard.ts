import { problem, type JsonPath, type Problem } from '../errors/problem.js';

/** Limits that keep hostile inputs from exhausting the parser. */
export const inputLimits = {
  /** Largest accepted text, in characters. A national baseline is well under 1 MB. */
  maxCharacters: 16 * 1024 * 1024,
  /** Deepest accepted nesting of objects and arrays. Templates need fewer than 12 levels. */
  maxDepth: 64,
} as const;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
// Tab, line feed and carriage return are ordinary text; other C0 controls are not.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export type JsonReadResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly unusable: boolean; readonly problems: readonly Problem[] };

/** Parses JSON text, turning syntax errors into a located problem. */
export function readJsonText(text: string): JsonReadResult {
  if (text.length > inputLimits.maxCharacters) {
    return {
      ok: false,
      unusable: true,
      problems: [problem('PWY_INPUT_TOO_LARGE', [], `The input has ${text.length} characters; at most ${inputLimits.maxCharacters} are accepted.`)],
    };
  }
  if (text.trim() === '') {
    return { ok: false, unusable: true, problems: [problem('PWY_JSON_MALFORMED', [], 'The input is empty; a JSON object was expected.')] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, unusable: true, problems: [problem('PWY_JSON_MALFORMED', [], `The input is not valid JSON: ${detail}.`)] };
  }
}

/**
 * Walks a parsed JSON value without recursion (so 10,000-deep nesting cannot overflow the stack)
 * and reports what must never reach the schema: excessive depth, prototype-polluting keys,
 * `$`-prefixed keys other than `$schema`, and control characters in strings.
 */
export function screenJsonValue(value: unknown): { unusable: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: JsonPath }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (controlCharacter.test(current)) {
        problems.push(problem('PWY_JSON_CONTROL_CHARACTER', path, 'This text contains a control character.'));
      }
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= inputLimits.maxDepth) {
      return {
        unusable: true,
        problems: [problem('PWY_JSON_TOO_DEEP', path.slice(0, 8), `Nesting goes deeper than ${inputLimits.maxDepth} levels.`)],
      };
    }
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) stack.push({ value: current[index], path: [...path, index] });
      continue;
    }
    const children: { value: unknown; path: JsonPath }[] = [];
    for (const key of Object.keys(current)) {
      if (forbiddenKeys.has(key) || (key.startsWith('$') && !(key === '$schema' && path.length === 0))) {
        problems.push(problem('PWY_JSON_FORBIDDEN_KEY', [...path, key], `The key "${key}" is not allowed here.`));
        continue;
      }
      if (controlCharacter.test(key)) {
        problems.push(problem('PWY_JSON_CONTROL_CHARACTER', path, 'A key contains a control character.'));
        continue;
      }
      children.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
  return { unusable: false, problems };
}
