/** The part of a JSON Schema (draft 2020-12, as zod emits it) the forms draw. */
export interface FieldSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly title?: string;
  readonly description?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, FieldSchema>>;
  readonly required?: readonly string[];
  // Conditions: a property asked only when another is answered a certain way (see field-conditions.ts).
  readonly allOf?: readonly FieldSchema[];
  readonly if?: FieldSchema;
  readonly then?: FieldSchema;
  readonly else?: FieldSchema;
  readonly not?: FieldSchema;
}

/** The field's type (the first, when several are allowed). */
export function typeOf(schema: FieldSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : (schema.type as string | undefined);
}

/** A field drawn as one control of its own: a choice, a checkbox, a number or a text. */
function isSimple(schema: FieldSchema): boolean {
  const type = typeOf(schema);
  return schema.enum !== undefined || type === 'boolean' || type === 'number' || type === 'integer' || type === 'string';
}

/**
 * An object whose every property is simple (a follow-up set of items, say): drawn as a group of its
 * own controls rather than as JSON. Objects with nested objects, lists or open keys stay JSON.
 */
export function isGroup(schema: FieldSchema | undefined): schema is FieldSchema & { readonly properties: Readonly<Record<string, FieldSchema>> } {
  if (schema === undefined || typeOf(schema) !== 'object' || schema.properties === undefined) return false;
  const properties = Object.values(schema.properties);
  return properties.length > 0 && properties.every(isSimple);
}
