// Files generated from core's single sources of truth (the error catalogue, later the schemas).
// `pnpm --filter @pathways/core generate` writes them; a test fails when a committed copy drifts.
import { join } from 'node:path';
import { errorCatalogue, pathwayTemplate, pathwayVariant, scenario } from '@pathways/core';
import { z } from 'zod';
import { renderTemplateReference, type JsonSchema } from './render-template-reference.js';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export interface GeneratedArtifact {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

function errorsReference(): string {
  const lines = [
    '# Error and problem codes',
    '',
    '<!-- Generated from packages/core/src/errors/catalogue.ts by `pnpm --filter @pathways/core generate`. Do not edit. -->',
    '',
    'Every problem Pathways reports carries one of these stable codes, the JSON path it is about, a',
    'plain message and a hint. The CLI prints them; later the API uses the code as the problem+json',
    '`type` and the designer shows them in its problems panel. Codes are never renamed once published.',
    '',
    '| code | title | what to do |',
    '|---|---|---|',
  ];
  for (const entry of Object.values(errorCatalogue)) {
    lines.push(`| \`${entry.code}\` | ${entry.title} | ${entry.hint.replaceAll('|', '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function jsonSchemaOf(schema: z.ZodType, id: string, title: string): JsonSchema {
  return { ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }), $id: id, title } as JsonSchema;
}

export function generatedArtifacts(): GeneratedArtifact[] {
  const template = jsonSchemaOf(pathwayTemplate, 'https://pathways.example/schema/pathway-template.schema.json', 'Pathways pathway template');
  const scenarioSchema = jsonSchemaOf(scenario, 'https://pathways.example/schema/scenario.schema.json', 'Pathways scenario');
  const variantSchema = jsonSchemaOf(pathwayVariant, 'https://pathways.example/schema/pathway-variant.schema.json', 'Pathways variant');
  return [
    { path: 'docs/reference/errors.md', content: errorsReference() },
    { path: 'packages/core/schema/pathway-template.schema.json', content: `${JSON.stringify(template, null, 2)}\n` },
    { path: 'packages/core/schema/scenario.schema.json', content: `${JSON.stringify(scenarioSchema, null, 2)}\n` },
    { path: 'packages/core/schema/pathway-variant.schema.json', content: `${JSON.stringify(variantSchema, null, 2)}\n` },
    { path: 'docs/reference/template.md', content: renderTemplateReference(template) },
  ];
}
