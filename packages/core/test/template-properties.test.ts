import { errorCatalogue, formatPath, parseTemplate, validateTemplate, type ParseTemplateResult, type Problem } from '@pathways/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMutations, hostileTextArbitrary, mutatedTemplateArbitrary, validTemplateArbitrary } from './template-arbitraries.js';

// Property runs are CPU-bound (generation plus several parses each); a generous per-test limit
// keeps a loaded machine from failing them. Nothing here asserts on time.
const slow = { timeout: 60_000 };

function describeProblems(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${formatPath(p.path)}: ${p.message}`);
}

/** Either ok with no problems, or not ok with at least one well-formed problem. */
function expectWellFormed(result: ParseTemplateResult): void {
  if (result.ok) {
    expect(result.problems).toEqual([]);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const item of result.problems) {
    expect(item.code).toMatch(/^PWY_[A-Z_]+$/);
    expect(Object.hasOwn(errorCatalogue, item.code)).toBe(true);
    expect(Array.isArray(item.path)).toBe(true);
    for (const key of item.path) expect(typeof key === 'string' || typeof key === 'number').toBe(true);
    expect(typeof item.message).toBe('string');
    expect(item.message.length).toBeGreaterThan(0);
    expect(typeof item.hint).toBe('string');
    expect(item.hint.length).toBeGreaterThan(0);
  }
}

const prototypeMembers = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
};

/** Nothing was added to Object.prototype or Array.prototype. */
function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeMembers.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeMembers.array);
}

/** Parses and validates one input; both must return (not throw) a well-formed result. */
function expectNeverThrows(input: unknown): void {
  expectWellFormed(parseTemplate(input));
  expectWellFormed(validateTemplate(input));
}

/** Names every plain object answers to through Object.prototype. */
const inheritedNames = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'] as const;

describe('template properties', () => {
  it('accepts every generated valid template (parseTemplate and validateTemplate)', slow, () => {
    fc.assert(
      fc.property(validTemplateArbitrary, (template) => {
        const parsed = parseTemplate(template);
        expect(parsed.ok ? [] : describeProblems(parsed.problems)).toEqual([]);
        const validated = validateTemplate(JSON.stringify(template));
        expect(validated.ok ? [] : describeProblems(validated.problems)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips: parse → serialise → parse changes nothing (defaults are applied once)', slow, () => {
    fc.assert(
      fc.property(validTemplateArbitrary, (template) => {
        const first = parseTemplate(template);
        if (!first.ok) throw new Error(describeProblems(first.problems).join('\n'));
        const text = JSON.stringify(first.template);
        const second = parseTemplate(text);
        expect(second.ok ? [] : describeProblems(second.problems)).toEqual([]);
        if (!second.ok) return;
        expect(second.template).toEqual(first.template);
        expect(JSON.stringify(second.template)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on mutated templates, as values or as text, and never pollutes prototypes', slow, () => {
    fc.assert(
      fc.property(mutatedTemplateArbitrary, (mutated) => {
        expectNeverThrows(mutated.value);
        expectNeverThrows(mutated.text);
        expectNoPollution();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses "__proto__", "constructor" and "prototype" keys in any object, without polluting anything', slow, () => {
    const hostileKeys = fc.constantFrom(
      { key: '__proto__', replacement: '{"polluted": true}' },
      { key: 'constructor', replacement: '{"prototype": {"polluted": true}}' },
      { key: 'prototype', replacement: '{"polluted": true}' },
    );
    fc.assert(
      fc.property(validTemplateArbitrary, fc.nat(), hostileKeys, (template, at, { key, replacement }) => {
        // An own key, as JSON.parse makes it, in a random object of the template.
        const { value, text } = applyMutations(template, [{ kind: 'injectKey', at, key, replacement }]);
        expect(text).toContain(`"${key}":`);
        for (const input of [value, text]) {
          const result = parseTemplate(input);
          expectWellFormed(result);
          expect(result.ok).toBe(false);
          expect(result.problems.map((p) => p.code)).toContain('PWY_JSON_FORBIDDEN_KEY');
          expectWellFormed(validateTemplate(input));
        }
        expectNoPollution();
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on JSON junk (fc.json) or on fc.anything values, raw or serialised', slow, () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expectNeverThrows(text);
        expectNeverThrows(JSON.parse(text) as unknown);
        expectNoPollution();
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectNeverThrows(value);
        const text = JSON.stringify(value);
        if (text !== undefined) {
          expectNeverThrows(text);
          expectNeverThrows(JSON.parse(text) as unknown);
        }
        expectNoPollution();
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary text (controls, lone surrogates, stray brackets)', slow, () => {
    fc.assert(
      fc.property(hostileTextArbitrary, (text) => {
        expectNeverThrows(text);
      }),
      { numRuns: 200 },
    );
  });

  describe('references resolve only against what the template declares, whatever the name', () => {
    it('reports a reference to an undeclared parameter as PWY_PARAMETER_UNKNOWN', slow, () => {
      const undeclaredName = fc.oneof(fc.constantFrom(...inheritedNames, '__proto__', 'constructor', 'prototype'), fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/));
      fc.assert(
        // The name comes first, so it leads the (long) counterexample.
        fc.property(undeclaredName, validTemplateArbitrary, (name, template) => {
          fc.pre(!Object.hasOwn(template.parameters ?? {}, name));
          // A new work-item type whose due refers to the undeclared parameter, and nothing else wrong.
          const workItemTypes = [...(template.workItemTypes ?? []), { id: 'probe', label: { en: 'Probe' }, kind: 'task' as const, due: { param: name } }];
          const result = parseTemplate({ ...template, workItemTypes });
          expect(result.problems.map((p) => `${p.code} ${formatPath(p.path)}`)).toEqual([
            `PWY_PARAMETER_UNKNOWN ${formatPath(['workItemTypes', workItemTypes.length - 1, 'due', 'param'])}`,
          ]);
        }),
        { numRuns: 100 },
      );
    });

    it('reports tailorable bounds on a field the element does not have as PWY_GOVERNANCE_FIELD_UNKNOWN', slow, () => {
      const missingField = fc.oneof(fc.constantFrom(...inheritedNames), fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/));
      fc.assert(
        fc.property(missingField, validTemplateArbitrary, fc.nat(), (field, template, at) => {
          const i = at % template.roles!.length;
          const role = template.roles![i]!;
          fc.pre(!Object.hasOwn(role, field) && !['id', 'governance'].includes(field));
          const roles = template.roles!.map((r, j) => (j === i ? { ...r, governance: { mode: 'tailorable' as const, bounds: { [field]: {} } } } : r));
          const result = parseTemplate({ ...template, roles });
          expect(result.problems.map((p) => `${p.code} ${formatPath(p.path)}`)).toEqual([
            `PWY_GOVERNANCE_FIELD_UNKNOWN ${formatPath(['roles', i, 'governance', 'bounds', field])}`,
          ]);
        }),
        { numRuns: 100 },
      );
    });
  });
});
