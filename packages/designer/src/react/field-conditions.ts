import { isGroup, type FieldSchema } from './field-schema.js';

/** The answers that ask a property: each named property has the given value. */
export type FieldCondition = Readonly<Record<string, unknown>>;

type Values = Readonly<Record<string, unknown>>;

/**
 * When each conditional property of an object's JSON Schema is asked. A zod refinement never
 * reaches the JSON Schema, so a schema that asks a property only on some answers says so itself,
 * as JSON Schema does: an `if` whose properties each have a `const`, and a `then` that requires
 * the property (in the schema or its `allOf`), e.g. a risk tool's follow-up set asked when its item
 * is `yes`. A property several rules require is asked when any of them holds; a property the
 * object always requires, or a rule of another shape, is not conditional here.
 */
export function fieldConditions(schema: FieldSchema): ReadonlyMap<string, readonly FieldCondition[]> {
  const conditions = new Map<string, FieldCondition[]>();
  for (const rule of [schema, ...(schema.allOf ?? [])]) {
    const tests = Object.entries(rule.if?.properties ?? {});
    if (tests.length === 0 || !tests.every(([, test]) => 'const' in test)) continue;
    const when: FieldCondition = Object.fromEntries(tests.map(([property, test]) => [property, test.const]));
    for (const field of rule.then?.required ?? []) {
      if (schema.required?.includes(field)) continue;
      conditions.set(field, [...(conditions.get(field) ?? []), when]);
    }
  }
  return conditions;
}

/** Whether a property is asked, given the answers so far: always, unless it has conditions and none holds. */
export function isAsked(conditions: ReadonlyMap<string, readonly FieldCondition[]>, name: string, values: Values): boolean {
  const when = conditions.get(name);
  return when === undefined || when.some((condition) => Object.entries(condition).every(([property, value]) => values[property] === value));
}

/**
 * What the form submits: the answers given, without a property that is not asked now (an answer
 * left from before its trigger changed would be refused, as a set given when not asked is) and
 * without a group (see `isGroup`) left empty, which is a set not given rather than one given blank.
 */
export function submitted(schema: FieldSchema, conditions: ReadonlyMap<string, readonly FieldCondition[]>, values: Values): Values {
  return Object.fromEntries(
    Object.entries(values).flatMap(([name, value]) => {
      if (value === undefined || !isAsked(conditions, name, values)) return [];
      if (isGroup(schema.properties?.[name]) && typeof value === 'object' && value !== null) {
        const given = Object.entries(value).filter(([, inner]) => inner !== undefined);
        return given.length === 0 ? [] : [[name, Object.fromEntries(given)]];
      }
      return [[name, value]];
    }),
  );
}
