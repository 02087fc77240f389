import { resolve as resolvePath } from 'node:path';
import { parseTemplate, parseVariant, problem, resolve, type LoadedPlugin, type PathwayTemplate, type PathwayVariant, type Problem, type ResolvedTemplate } from '@pathways/core';
import { readTextFile, type CliIo } from './io.js';

/** The problems of one input file, named as the user typed it. */
export interface FileProblems {
  readonly file: string;
  readonly problems: readonly Problem[];
}

/**
 * Inputs that could not be loaded. `unusable` when a file cannot be read or is not a valid template
 * or variant; false when every file is fine but they do not fit together (a chain out of order, a
 * variant that cannot be laid over its parent).
 */
export interface LoadFailure {
  readonly ok: false;
  readonly unusable: boolean;
  readonly failures: readonly FileProblems[];
}

export type Loaded<T> = { readonly ok: true; readonly value: T } | LoadFailure;

export interface LoadedVariant {
  readonly file: string;
  readonly variant: PathwayVariant;
}

/** A baseline with its variants in order and the template they resolve to. */
export interface LoadedChain {
  readonly baseline: PathwayTemplate;
  readonly variants: readonly LoadedVariant[];
  readonly resolved: ResolvedTemplate;
}

type Values<T extends readonly Loaded<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Loaded<infer V> ? V : never };

/** Joins several loads, so every unusable input is reported at once rather than one per run. */
export function allLoaded<T extends readonly Loaded<unknown>[]>(...loads: T): Loaded<Values<T>> {
  const failed = loads.filter((load): load is Extract<T[number], LoadFailure> => !load.ok);
  if (failed.length > 0) return { ok: false, unusable: failed.some((load) => load.unusable), failures: failed.flatMap((load) => load.failures) };
  return { ok: true, value: loads.map((load) => (load as { value: unknown }).value) as Values<T> };
}

function unusable(file: string, problems: readonly Problem[]): LoadFailure {
  return { ok: false, unusable: true, failures: [{ file, problems }] };
}

/** Reads a file as text, relative to the working directory. */
export async function loadText(io: CliIo, file: string): Promise<Loaded<string>> {
  const read = await readTextFile(resolvePath(io.cwd, file));
  return read.ok ? { ok: true, value: read.text } : unusable(file, [read.problem]);
}

/**
 * Loads a template with the installed plugins. One with problems is unusable here: these commands
 * build on it (validate it first).
 */
export async function loadTemplate(io: CliIo, file: string, plugins: readonly LoadedPlugin[]): Promise<Loaded<PathwayTemplate>> {
  const text = await loadText(io, file);
  if (!text.ok) return text;
  const parsed = parseTemplate(text.value, { plugins });
  return parsed.ok ? { ok: true, value: parsed.template } : unusable(file, parsed.problems);
}

/** Loads a variant; one that does not fit the variant schema is unusable for the commands that build on it. */
export async function loadVariant(io: CliIo, file: string): Promise<Loaded<LoadedVariant>> {
  const text = await loadText(io, file);
  if (!text.ok) return text;
  const parsed = parseVariant(text.value);
  return parsed.ok ? { ok: true, value: { file, variant: parsed.variant } } : unusable(file, parsed.problems);
}

/** Problems of a resolved template are about the result, not the variant file: say so in the path. */
function inResolved(item: Problem): Problem {
  return item.path[0] === 'changes' ? item : { ...item, path: ['resolved', ...item.path] };
}

/** Each variant must extend exactly what precedes it, or the chain resolves to something nobody wrote. */
function chainLinks(baseline: PathwayTemplate, variants: readonly LoadedVariant[]): FileProblems[] {
  const problems: FileProblems[] = [];
  let parent = `${baseline.id}@${baseline.version}`;
  for (const { file, variant } of variants) {
    const extended = `${variant.extends.id}@${variant.extends.version}`;
    if (extended !== parent) {
      problems.push({
        file,
        problems: [problem('PWY_VARIANT_BASE_MISMATCH', ['extends'], `${variant.id}@${variant.version} extends ${extended}, but follows ${parent} in the chain.`, 'List the baseline first, then each variant after the level it extends (e.g. baseline, regional, local).')],
      });
    }
    parent = `${variant.id}@${variant.version}`;
  }
  return problems;
}

/** Loads a baseline and a chain of variants (national → regional → local) and resolves them with the installed plugins. */
export async function loadChain(io: CliIo, baselineFile: string, variantFiles: readonly string[], plugins: readonly LoadedPlugin[]): Promise<Loaded<LoadedChain>> {
  const [baselineLoad, variantLoads] = await Promise.all([loadTemplate(io, baselineFile, plugins), Promise.all(variantFiles.map((file) => loadVariant(io, file)))]);
  const loaded = allLoaded(baselineLoad, allLoaded(...variantLoads));
  if (!loaded.ok) return loaded;
  const [baseline, variants] = loaded.value;
  const links = chainLinks(baseline, variants);
  if (links.length > 0) return { ok: false, unusable: false, failures: links };
  const chain = variants.map((item) => item.variant);
  const resolved = resolve(baseline, chain, { plugins });
  if (resolved.ok) return { ok: true, value: { baseline, variants, resolved: { template: resolved.template, provenance: resolved.provenance } } };
  // resolve stops at the first variant that fails; find it so the problems name the right file.
  const failing = variants.findIndex((_, index) => !resolve(baseline, chain.slice(0, index + 1), { plugins }).ok);
  const file = variants[failing]?.file ?? baselineFile;
  return { ok: false, unusable: false, failures: [{ file, problems: resolved.problems.map(inResolved) }] };
}
