import { typeOf, type FieldSchema } from './field-schema.js';

/** What a typed text is, for a field of this schema: numbers as numbers, objects and lists as JSON. */
function read(schema: FieldSchema, text: string): unknown {
  const type = typeOf(schema);
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
 * One labelled control for a field of a JSON Schema: a select for an enum, a checkbox for a
 * boolean, a number field with its bounds, text (JSON for nested values) otherwise; its error, if
 * any, shown inline. The same control whether the field is an object's own or one of a group's.
 */
export function SchemaField({ id, name, field, required, value, error, onChange }: { id: string; name: string; field: FieldSchema; required: boolean; value: unknown; error: string | undefined; onChange: (value: unknown) => void }) {
  const type = typeOf(field);
  return (
    <div className="pw-field">
      <label htmlFor={id}>
        {field.title ?? name}
        {required ? ' *' : ''}
      </label>
      {field.enum ? (
        <select id={id} value={shown(value)} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)} aria-invalid={error !== undefined}>
          <option value="">—</option>
          {field.enum.map((option) => (
            <option key={String(option)} value={String(option)}>
              {String(option)}
            </option>
          ))}
        </select>
      ) : type === 'boolean' ? (
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} aria-invalid={error !== undefined} />
      ) : (
        <input
          id={id}
          type={type === 'number' || type === 'integer' ? 'number' : 'text'}
          {...(field.minimum !== undefined ? { min: field.minimum } : {})}
          {...(field.maximum !== undefined ? { max: field.maximum } : {})}
          defaultValue={shown(value)}
          onChange={(e) => onChange(read(field, e.currentTarget.value))}
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
}
