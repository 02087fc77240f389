// Files generated from the configuration schema. `pnpm --filter @pathways/config generate` writes
// them; a test fails when a committed copy drifts.
import { join } from 'node:path';
import { pathwaysConfig } from '@pathways/config';
import { z } from 'zod';

export const packageRoot = join(import.meta.dirname, '..');

export interface GeneratedArtifact {
  /** Path relative to the package folder. */
  readonly path: string;
  readonly content: string;
}

export function generatedArtifacts(): GeneratedArtifact[] {
  const schema = {
    ...z.toJSONSchema(pathwaysConfig, {
      io: 'input',
      target: 'draft-2020-12',
      // The schema refuses an entry listed twice with a refinement, which JSON Schema cannot carry; say it for editors.
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === pathwaysConfig.shape.plugins) jsonSchema.uniqueItems = true;
      },
    }),
    $id: 'https://pathways.example/schema/pathways-config.schema.json',
    title: 'Pathways configuration (pathways.config.json)',
  };
  return [{ path: 'schema/pathways-config.schema.json', content: `${JSON.stringify(schema, null, 2)}\n` }];
}
