import { useMemo, useState } from 'react';
import { problemsFromZodIssues } from '@pathways/core';
import type { z } from 'zod';
import { fieldConditions, isAsked, submitted } from './field-conditions.js';
import { isGroup, typeOf, type FieldSchema } from './field-schema.js';
import { SchemaField } from './schema-field.js';
import { SchemaFieldset } from './schema-fieldset.js';

export type { FieldSchema } from './field-schema.js';

type Values = Readonly<Record<string, unknown>>;

/** A group's answers so far (nothing yet, or anything else a caller passed in, as none). */
const groupValues = (value: unknown): Values => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Values) : {});

/** Where an issue is shown: at a group's own control when it is about one, else at the property's (or the form's, for ''). */
function errorKey(schema: FieldSchema, path: readonly PropertyKey[]): string {
  const [name, inner] = path.map(String);
  if (name === undefined) return '';
  const field = schema.properties?.[name];
  return inner !== undefined && isGroup(field) && inner in field.properties ? `${name}.${inner}` : name;
}

/**
 * A required yes/no starts as no: an unticked checkbox shows "no", so "no" is what is sent (an
 * unticked box sending nothing would be refused as missing, with no way to answer "no" but to tick
 * and untick it).
 */
function unticked(schema: FieldSchema): Values {
  return Object.fromEntries((schema.required ?? []).filter((name) => schema.properties?.[name] && typeOf(schema.properties[name]) === 'boolean').map((name) => [name, false]));
}

/**
 * A form drawn from an object's JSON Schema: one labelled control per property (a select for an
 * enum, a checkbox for a boolean, a number field with its bounds, JSON for nested values), an
 * object of simple fields as a fieldset of its own controls, and a property the schema asks only on
 * some answers (see `fieldConditions`) shown only then and left out otherwise. Values are checked
 * with the zod schema the JSON Schema came from, and each error is shown inline at its field;
 * nothing is submitted until every field is valid.
 */
export function SchemaForm({ schema, validator, values, onSubmit, idPrefix }: { schema: FieldSchema; validator?: z.ZodType; values: Values; onSubmit: (values: Values) => void; idPrefix: string }) {
  const [draft, setDraft] = useState<Values>(() => ({ ...unticked(schema), ...values }));
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const conditions = useMemo(() => fieldConditions(schema), [schema]);
  const properties = Object.entries(schema.properties ?? {}).filter(([name]) => isAsked(conditions, name, draft));
  // A property asked on a condition is required while it is asked: that is what its rule says.
  const required = (name: string) => (schema.required?.includes(name) ?? false) || conditions.has(name);
  return (
    <form
      className="pw-schema-form"
      data-testid={`${idPrefix}-form`}
      onSubmit={(event) => {
        event.preventDefault();
        const clean = submitted(schema, conditions, draft);
        const checked = validator?.safeParse(clean);
        if (checked && !checked.success) {
          // In the engine's own words (`Nothing is given for …`, `Got "x"; allowed: …`), as a refusal would say it.
          setErrors(Object.fromEntries(problemsFromZodIssues(checked.error.issues, [], clean).map((problem) => [errorKey(schema, problem.path), problem.message])));
          return;
        }
        setErrors({});
        onSubmit(clean);
      }}
    >
      {properties.map(([name, field]) => {
        // An answer changed clears what was said about it (and, in a group, about the group), so
        // no message stays beside a field it no longer fits; the next Apply checks everything again.
        // A field no longer asked (its set's trigger answered otherwise) loses its message too, so it
        // does not come back with the field.
        const set = (value: unknown, ...answered: string[]) => {
          const next = { ...draft, [name]: value };
          setDraft(next);
          setErrors(Object.fromEntries(Object.entries(errors).filter(([key]) => key !== name && !answered.includes(key) && isAsked(conditions, key.split('.')[0]!, next))));
        };
        return isGroup(field) ? (
          <SchemaFieldset key={name} idPrefix={idPrefix} name={name} group={field} required={required(name)} values={groupValues(draft[name])} errors={errors} onChange={(values, property) => set(values, `${name}.${property}`)} />
        ) : (
          <SchemaField key={name} id={`${idPrefix}-${name}`} name={name} field={field} required={required(name)} value={draft[name]} error={errors[name]} onChange={set} />
        );
      })}
      {errors[''] ? (
        <p className="pw-field__error" role="alert">
          {errors['']}
        </p>
      ) : null}
      <button type="submit">Apply</button>
    </form>
  );
}
