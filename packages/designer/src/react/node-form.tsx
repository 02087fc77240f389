import { z } from 'zod';
import type { InstalledPlugin, PathwayTemplateData } from '@pathways/core';
import { SchemaForm, type FieldSchema } from './schema-form.js';

type Node = PathwayTemplateData['nodes'][number] & { readonly config?: Record<string, unknown>; readonly ownerRole?: string; readonly due?: unknown };

/**
 * The fields of the selected node as a form: a plugin node's configuration from its node type's
 * schema (checked with that zod schema, errors inline), a human task's owner and time limit, and
 * its labels in English and te reo Māori. Submitting is one edit (one undo step), judged by the
 * national rules like any other.
 */
export function NodeForm({ node, template, plugins, onFields, onLabel }: { node: Node; template: PathwayTemplateData; plugins: readonly InstalledPlugin[]; onFields: (fields: Record<string, unknown>) => void; onLabel: (label: Record<string, string>) => void }) {
  const nodeType = plugins.flatMap((plugin) => Object.entries(plugin.definition?.nodeTypes ?? {}).map(([key, definition]) => ({ type: `${plugin.name}/${key}`, definition }))).find((entry) => entry.type === node.type);
  const labelSchema: FieldSchema = { type: 'object', properties: { en: { type: 'string', title: 'Label (English)' }, mi: { type: 'string', title: 'Label (te reo Māori)' } }, required: ['en'] };
  return (
    <div className="pw-node-form" key={node.id}>
      <SchemaForm
        idPrefix="label"
        schema={labelSchema}
        validator={z.strictObject({ en: z.string().min(1, 'An English label is needed').max(500), mi: z.string().min(1).max(500).optional() })}
        values={node.label as Record<string, unknown>}
        onSubmit={(values) => onLabel(values as Record<string, string>)}
      />
      {nodeType ? (
        <SchemaForm
          idPrefix="config"
          schema={z.toJSONSchema(nodeType.definition.config, { io: 'input' }) as FieldSchema}
          validator={nodeType.definition.config}
          values={node.config ?? {}}
          onSubmit={(values) => onFields({ config: values })}
        />
      ) : node.type === 'humanTask' ? (
        <SchemaForm
          idPrefix="task"
          schema={{
            type: 'object',
            properties: {
              ownerRole: { type: 'string', title: 'Owner role', enum: template.roles.map((role) => role.id) },
              due: { type: 'string', title: 'Time limit (ISO 8601 duration, e.g. P2D or PT24H)' },
            },
          }}
          validator={z.object({ ownerRole: z.string().optional(), due: z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'must be an ISO 8601 duration such as P2D or PT24H').optional() })}
          values={{ ...(node.ownerRole ? { ownerRole: node.ownerRole } : {}), ...(typeof node.due === 'string' ? { due: node.due } : {}) }}
          onSubmit={(values) => onFields(values as Record<string, unknown>)}
        />
      ) : null}
    </div>
  );
}
