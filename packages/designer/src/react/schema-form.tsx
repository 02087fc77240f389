import { useState } from 'react';
import type { z } from 'zod';

/** The part of a JSON Schema (draft 2020-12, as zod emits it) the form draws. */
export interface FieldSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly title?: string;
  readonly description?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, FieldSchema>>;
  readonly required?: readonly string[];
}

type Values = Readonly<Record<string, unknown>>;

/** What a typed text is, for a field of this schema: numbers as numbers, objects and lists as JSON. */
function read(schema: FieldSchema, text: string): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'number' || type === 'integer') return text.trim() === '' ? undefined : Number(text);
  if (type === 'object' || type === 'array') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text === '' ? undefined : text;
}

const shown = (value: unknown) => (value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * A form drawn from an object's JSON Schema: one labelled control per property (a select for an
 * enum, a checkbox for a boolean, a number field with its bounds, JSON for nested values). Values
 * are checked with the zod schema the JSON Schema came from, and each error is shown inline at its
 * field; nothing is submitted until every field is valid.
 */
export function SchemaForm({ schema, validator, values, onSubmit, idPrefix }: { schema: FieldSchema; validator?: z.ZodType; values: Values; onSubmit: (values: Values) => void; idPrefix: string }) {
  const [draft, setDraft] = useState<Values>(values);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const properties = Object.entries(schema.properties ?? {});
  return (
    <form
      className="pw-schema-form"
      data-testid={`${idPrefix}-form`}
      onSubmit={(event) => {
        event.preventDefault();
        const clean = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
        const checked = validator?.safeParse(clean);
        if (checked && !checked.success) {
          setErrors(Object.fromEntries(checked.error.issues.map((issue) => [String(issue.path[0] ?? ''), issue.message])));
          return;
        }
        setErrors({});
        onSubmit(clean);
      }}
    >
      {properties.map(([name, field]) => {
        const id = `${idPrefix}-${name}`;
        const type = Array.isArray(field.type) ? field.type[0] : field.type;
        const error = errors[name];
        const set = (value: unknown) => setDraft({ ...draft, [name]: value });
        return (
          <div key={name} className="pw-field">
            <label htmlFor={id}>
              {field.title ?? name}
              {schema.required?.includes(name) ? ' *' : ''}
            </label>
            {field.enum ? (
              <select id={id} value={shown(draft[name])} onChange={(e) => set(e.currentTarget.value === '' ? undefined : e.currentTarget.value)} aria-invalid={error !== undefined}>
                <option value="">—</option>
                {field.enum.map((option) => (
                  <option key={String(option)} value={String(option)}>
                    {String(option)}
                  </option>
                ))}
              </select>
            ) : type === 'boolean' ? (
              <input id={id} type="checkbox" checked={draft[name] === true} onChange={(e) => set(e.currentTarget.checked)} aria-invalid={error !== undefined} />
            ) : (
              <input
                id={id}
                type={type === 'number' || type === 'integer' ? 'number' : 'text'}
                {...(field.minimum !== undefined ? { min: field.minimum } : {})}
                {...(field.maximum !== undefined ? { max: field.maximum } : {})}
                defaultValue={shown(draft[name])}
                onChange={(e) => set(read(field, e.currentTarget.value))}
                aria-invalid={error !== undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
            )}
            {field.description ? <small>{field.description}</small> : null}
            {error ? (
              <span className="pw-field__error" id={`${id}-error`} role="alert">
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
      <button type="submit">Apply</button>
    </form>
  );
}
