// Renders docs/reference/template.md from the template's JSON Schema, so the reference can never
// disagree with what the parser accepts.

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  pattern?: string;
  format?: string;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref?.startsWith('#/$defs/')) return root.$defs?.[schema.$ref.slice('#/$defs/'.length)] ?? schema;
  return schema;
}

function typeOf(input: JsonSchema, root: JsonSchema, depth = 0): string {
  const schema = resolve(input, root);
  if (depth > 3) return 'see above';
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return [...new Set(variants.map((v) => typeOf(v, root, depth + 1)))].join(' or ');
  if (schema.type === 'array' && schema.items) return `list of ${typeOf(schema.items, root, depth + 1)}`;
  if (schema.type === 'object') {
    if (schema.properties && Object.keys(schema.properties).length <= 2 && schema.required?.length === Object.keys(schema.properties).length) {
      return `{ ${Object.keys(schema.properties).map((k) => `${k}`).join(', ')} }`;
    }
    return schema.properties ? 'object' : 'map';
  }
  if (schema.format) return `${String(schema.type)} (${schema.format})`;
  if (schema.pattern && schema.description?.includes('duration')) return 'ISO 8601 duration';
  return String(schema.type ?? 'value');
}

function objectVariants(input: JsonSchema, root: JsonSchema): JsonSchema[] {
  const schema = resolve(input, root);
  if (schema.type === 'array' && schema.items) return objectVariants(schema.items, root);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variants.flatMap((v) => objectVariants(v, root));
  return schema.type === 'object' && schema.properties ? [schema] : [];
}

function fieldTable(schema: JsonSchema, root: JsonSchema): string[] {
  const lines = ['| field | type | required | meaning |', '|---|---|---|---|'];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const description = (field.description ?? resolve(field, root).description ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
    const required = schema.required?.includes(name) && field.default === undefined ? 'yes' : '';
    lines.push(`| \`${name}\` | ${typeOf(field, root).replaceAll('|', '\\|').replaceAll('\\\\|', '\\|')} | ${required} | ${description} |`);
  }
  return lines;
}

function variantName(schema: JsonSchema): string {
  for (const key of ['type', 'kind', 'mode']) {
    const value = schema.properties?.[key]?.const;
    if (value !== undefined) return `${key}: \`${String(value)}\``;
  }
  return '';
}

/** The reference page: every top-level field, then the fields of each element kind. */
export function renderTemplateReference(root: JsonSchema): string {
  const lines = [
    '# Template reference',
    '',
    '<!-- Generated from the template schema by `pnpm --filter @pathways/core generate`. Do not edit. -->',
    '',
    'A pathway template is one JSON document. Editors can validate it with',
    '`packages/core/schema/pathway-template.schema.json` (add `"$schema"` pointing at it); `pathways',
    'validate` checks it fully, including cross-references, bounds and the graph. The concepts behind',
    'each part are explained in [Concepts](../concepts.md).',
    '',
    '## Top level',
    '',
    ...fieldTable(root, root),
  ];
  for (const [name, field] of Object.entries(root.properties ?? {})) {
    const variants = objectVariants(field, root);
    if (variants.length === 0 || name === 'title') continue;
    lines.push('', `## \`${name}\``, '');
    if (field.description) lines.push(field.description, '');
    for (const variant of variants) {
      const label = variantName(variant);
      if (variants.length > 1 && label) lines.push(`### ${label}`, '');
      lines.push(...fieldTable(variant, root), '');
      for (const [childName, child] of Object.entries(variant.properties ?? {})) {
        const nested = objectVariants(child, root).filter((n) => Object.keys(n.properties ?? {}).length > 1);
        if (nested.length === 0 || ['label', 'title', 'governance'].includes(childName)) continue;
        for (const inner of nested) {
          const innerLabel = variantName(inner);
          lines.push(`#### \`${name}.${childName}\`${innerLabel ? ` (${innerLabel})` : ''}`, '', ...fieldTable(inner, root), '');
        }
      }
    }
  }
  lines.push(
    '',
    '## Governance (on every element)',
    '',
    '`governance` is `{ "mode": "locked", "reason"? }`, `{ "mode": "tailorable", "bounds": { field: { "min"?, "max"?, "values"? } }, "reason"? }`',
    'or `{ "mode": "free" }` (the default). A lock on a node covers its outgoing transitions.',
    '',
  );
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
