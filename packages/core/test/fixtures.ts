import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate, type PathwayTemplate } from '@pathways/core';

/** The walking-skeleton template, as raw JSON (a fresh copy each call, safe to mutate). */
export function tinyTemplateJson(): Record<string, unknown> & { nodes: Record<string, unknown>[]; transitions: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'tiny-pathway', 'tiny-pathway.json'), 'utf8'));
}

/** The walking-skeleton template, parsed. */
export function tinyTemplate(): PathwayTemplate {
  const result = parseTemplate(tinyTemplateJson());
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.template;
}
