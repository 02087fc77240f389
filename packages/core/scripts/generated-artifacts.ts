// Files generated from core's single sources of truth (the error catalogue, later the schemas).
// `pnpm --filter @pathways/core generate` writes them; a test fails when a committed copy drifts.
import { join } from 'node:path';
import { errorCatalogue } from '@pathways/core';

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

export function generatedArtifacts(): GeneratedArtifact[] {
  return [{ path: 'docs/reference/errors.md', content: errorsReference() }];
}
