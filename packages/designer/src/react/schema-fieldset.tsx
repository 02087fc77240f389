import type { FieldSchema } from './field-schema.js';
import { SchemaField } from './schema-field.js';

type Values = Readonly<Record<string, unknown>>;

/**
 * A group (an object of simple fields, such as a risk tool's follow-up set) drawn as a fieldset:
 * its title as the legend, and one control per property, drawn as the object's own fields are, so
 * a follow-up set's topics read like the items above them. `errors` are keyed `group.property`,
 * with the group's own (e.g. "required when stalking is yes") under its name.
 */
export function SchemaFieldset({ idPrefix, name, group, required, values, errors, onChange }: {
  idPrefix: string;
  name: string;
  group: FieldSchema & { readonly properties: Readonly<Record<string, FieldSchema>> };
  required: boolean;
  values: Values;
  errors: Readonly<Record<string, string>>;
  onChange: (values: Values, property: string) => void;
}) {
  const id = `${idPrefix}-${name}`;
  const error = errors[name];
  return (
    <fieldset className="pw-fieldset" data-testid={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {group.title ?? name}
        {required ? ' *' : ''}
      </legend>
      {group.description ? <small>{group.description}</small> : null}
      {error ? (
        <span className="pw-field__error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
      {Object.entries(group.properties).map(([property, field]) => (
        <SchemaField
          key={property}
          id={`${id}-${property}`}
          name={property}
          field={field}
          required={group.required?.includes(property) ?? false}
          value={values[property]}
          error={errors[`${name}.${property}`]}
          onChange={(value) => onChange({ ...values, [property]: value }, property)}
        />
      ))}
    </fieldset>
  );
}
