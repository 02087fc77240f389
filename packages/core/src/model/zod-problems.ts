import type { z } from 'zod';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.js';
import { problem, type Problem } from '../errors/problem.js';

type Issue = z.core.$ZodIssue;

function codeForCustom(issue: Issue): ErrorCode {
  // A refinement may name its own code (e.g. a plugin node's configuration).
  const named = issue.code === 'custom' ? (issue.params as { pathwaysCode?: unknown } | undefined)?.pathwaysCode : undefined;
  if (typeof named === 'string' && named in errorCatalogue) return named as ErrorCode;
  const message = issue.message;
  if (message.includes('semantic version')) return 'PWY_SEMVER_INVALID';
  if (message.includes('ISO 8601 duration')) return 'PWY_DURATION_INVALID';
  return 'PWY_SCHEMA_INVALID_VALUE';
}

const formatNames: Record<string, string> = {
  date: 'a calendar date (YYYY-MM-DD)',
  datetime: 'an ISO 8601 instant with an offset, such as 2026-03-02T09:00:00+13:00',
  email: 'an email address',
  url: 'a URL',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return `the text ${JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input)}`;
  return `${typeof input} ${String(input)}`;
}

/** Picks the branch of a failed union whose issues reach deepest: the one the author most likely meant. */
function closestUnionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  let best: readonly Issue[] = [];
  let bestDepth = -1;
  for (const branch of branches) {
    const depth = Math.max(-1, ...branch.map((issue) => issue.path.length + (issue.code === 'invalid_type' ? 0 : 1)));
    if (depth > bestDepth || (depth === bestDepth && branch.length < best.length)) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

/**
 * Turns zod issues into coded problems with plain messages. `unknownDiscriminator` names the code
 * to use when a discriminated union sees an unknown tag (e.g. an unknown node type).
 */
export function problemsFromZodIssues(issues: readonly Issue[], basePath: readonly (string | number)[] = [], input?: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    switch (issue.code) {
      case 'invalid_type': {
        const received = valueAt(input, issue.path);
        if (received === undefined) problems.push(problem('PWY_SCHEMA_REQUIRED', path, `This field is required (${issue.expected} expected).`));
        else problems.push(problem('PWY_SCHEMA_INVALID_TYPE', path, `Expected ${issue.expected}, got ${describeInput(received)}.`));
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push(problem('PWY_SCHEMA_UNKNOWN_KEY', [...path, key], `"${key}" is not a field of this element.`));
        }
        break;
      case 'invalid_value':
        problems.push(
          problem(
            path.at(-1) === 'type' && path.includes('nodes') ? 'PWY_NODE_TYPE_UNKNOWN' : 'PWY_SCHEMA_INVALID_VALUE',
            path,
            `Got ${describeInput(valueAt(input, issue.path))}; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
          ),
        );
        break;
      case 'invalid_union': {
        if (issue.errors.length === 0 && 'discriminator' in issue) {
          const discriminator = String((issue as { discriminator?: unknown }).discriminator ?? 'type');
          const endsWithTag = issue.path.at(-1) === discriminator;
          const objectPath = endsWithTag ? issue.path.slice(0, -1) : issue.path;
          const tag = valueAt(input, [...objectPath, discriminator]);
          const isNode = issue.path.includes('nodes') && discriminator === 'type';
          problems.push(
            problem(
              isNode ? (typeof tag === 'string' && tag.includes('/') ? 'PWY_PLUGIN_NODE_TYPE_UNKNOWN' : 'PWY_NODE_TYPE_UNKNOWN') : 'PWY_SCHEMA_INVALID_VALUE',
              endsWithTag ? path : [...path, discriminator],
              isNode
                ? typeof tag === 'string' && tag.includes('/')
                  ? `No installed plugin provides the node type ${JSON.stringify(tag)}.`
                  : `Unknown node type ${typeof tag === 'string' ? JSON.stringify(tag) : describeInput(tag)}.`
                : `Unknown ${discriminator} ${typeof tag === 'string' ? JSON.stringify(tag) : describeInput(tag)}.`,
            ),
          );
          break;
        }
        // A branch's issues are relative to the union itself, so they continue from its path and value.
        problems.push(...problemsFromZodIssues(closestUnionBranch(issue.errors), path, valueAt(input, issue.path)));
        break;
      }
      case 'custom':
        problems.push(problem(codeForCustom(issue), path, `${capitalise(describeInput(valueAt(input, issue.path)))} ${issue.message}.`));
        break;
      case 'invalid_format': {
        const got = capitalise(describeInput(valueAt(input, issue.path)));
        const expected = formatNames[issue.format];
        const message = issue.format === 'regex' || !expected ? `${got} ${issue.message}.` : `${got} is not ${expected}.`;
        problems.push(problem('PWY_SCHEMA_INVALID_VALUE', path, message));
        break;
      }
      default:
        problems.push(problem('PWY_SCHEMA_INVALID_VALUE', path, `${issue.message}.`));
    }
  }
  return problems;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
