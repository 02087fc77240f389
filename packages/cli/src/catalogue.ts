import { readdir, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { parseVariant, problem, type PathwayVariant } from '@pathways/core';
import type { CliIo } from './io.js';
import { loadText, type FileProblems } from './load.js';

/** The variants found for `pathways impact`, and what was passed over and why. */
export interface Catalogue {
  readonly variants: readonly { readonly source: string; readonly variant: PathwayVariant }[];
  /** JSON files in the folders that are not variants (package.json, templates, scenarios). */
  readonly skipped: readonly string[];
  /** Files that could not be read, or that claim to be variants but are not valid ones. */
  readonly unusable: readonly FileProblems[];
}

type Entry = { kind: 'variant'; source: string; variant: PathwayVariant } | { kind: 'skipped'; source: string } | { kind: 'unusable'; problems: FileProblems };

function kindOf(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && 'kind' in value ? value.kind : undefined;
}

/**
 * Sorts one file. A folder holds all sorts of JSON, so there a file without kind "variant" is
 * passed over; a file named on its own was meant to be a variant, so there it is unusable.
 */
async function classify(io: CliIo, source: string, inFolder: boolean): Promise<Entry> {
  const text = await loadText(io, source);
  if (!text.ok) return { kind: 'unusable', problems: text.failures[0]! };
  const parsed = parseVariant(text.value);
  if (parsed.ok) return { kind: 'variant', source, variant: parsed.variant };
  if (parsed.unusable) return { kind: 'unusable', problems: { file: source, problems: parsed.problems } };
  // parseVariant read the JSON, so parsing it again cannot throw; only the kind is needed.
  const kind = kindOf(text.value);
  if (kind === 'variant') return { kind: 'unusable', problems: { file: source, problems: parsed.problems } };
  if (inFolder) return { kind: 'skipped', source };
  const message = `${source} is not a variant (its kind is ${kind === undefined ? 'missing' : JSON.stringify(kind)}).`;
  return { kind: 'unusable', problems: { file: source, problems: [problem('PWY_VARIANT_INVALID', ['kind'], message)] } };
}

/** The files a path stands for: a folder's *.json files (not its sub-folders), in name order. */
async function filesOf(io: CliIo, path: string): Promise<{ source: string; inFolder: boolean }[]> {
  const absolute = resolvePath(io.cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) return [{ source: path, inFolder: false }];
  const entries = await readdir(absolute, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ source: join(path, name), inFolder: true }));
}

/** Loads every variant in the given folders and files, each file once, in the order given. */
export async function loadCatalogue(io: CliIo, paths: readonly string[]): Promise<Catalogue> {
  const seen = new Set<string>();
  const files = (await Promise.all(paths.map((path) => filesOf(io, path)))).flat().filter(({ source }) => {
    const absolute = resolvePath(io.cwd, source);
    if (seen.has(absolute)) return false;
    seen.add(absolute);
    return true;
  });
  const entries = await Promise.all(files.map(({ source, inFolder }) => classify(io, source, inFolder)));
  return {
    variants: entries.flatMap((entry) => (entry.kind === 'variant' ? [{ source: entry.source, variant: entry.variant }] : [])),
    skipped: entries.flatMap((entry) => (entry.kind === 'skipped' ? [entry.source] : [])),
    unusable: entries.flatMap((entry) => (entry.kind === 'unusable' ? [entry.problems] : [])),
  };
}
