import { baseProvenance, layoutSection, parseTemplate, parseVariant, resolve, type InstalledPlugin, type PathwayTemplate, type PathwayVariant, type Problem } from '@pathways/core';
import { emptyLayout, type DesignDocument, type JsonObject, type ParentLevel } from './design-document.js';

/** A file offered to the designer: its name and text. */
export interface DesignFile {
  readonly name: string;
  readonly text: string;
}

/** What the designer knows besides the file being opened: the bundled and already-open documents. */
export interface DesignLibrary {
  readonly files: readonly DesignFile[];
  readonly plugins: readonly InstalledPlugin[];
}

export type OpenResult = { readonly ok: true; readonly document: DesignDocument } | { readonly ok: false; readonly problems: readonly Pick<Problem, 'code' | 'message'>[] };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function readJson(file: DesignFile): { ok: true; json: JsonObject } | { ok: false; message: string } {
  try {
    const json: unknown = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    return isObject(json) ? { ok: true, json } : { ok: false, message: `${file.name} is not a JSON object.` };
  } catch (error) {
    return { ok: false, message: `${file.name} is not JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

/** The layout saved in a document, or an empty one (an unreadable layout is dropped, not fatal: it is only the picture). */
function layoutOf(json: JsonObject): DesignDocument['layout'] {
  const parsed = layoutSection.safeParse(json.layout);
  return parsed.success ? parsed.data : emptyLayout;
}

function withoutLayout(json: JsonObject): JsonObject {
  const { layout: _layout, ...rest } = json;
  return rest;
}

/** Every readable baseline and variant of the library, parsed. */
function catalogue(library: DesignLibrary): { baselines: PathwayTemplate[]; variants: PathwayVariant[] } {
  const baselines: PathwayTemplate[] = [];
  const variants: PathwayVariant[] = [];
  for (const file of library.files) {
    const read = readJson(file);
    if (!read.ok) continue;
    if (read.json.kind === 'variant') {
      const variant = parseVariant(read.json);
      if (variant.ok) variants.push(variant.variant);
    } else {
      const template = parseTemplate(read.json, { plugins: library.plugins });
      if (template.ok) baselines.push(template.template);
    }
  }
  return { baselines, variants };
}

/**
 * The level a variant extends, resolved from the library: the baseline it names, or the variant
 * it names laid over its own parent (a local variant over its region over the baseline).
 */
export function parentOf(extendsRef: { readonly id: string; readonly version: string }, library: DesignLibrary): { ok: true; parent: ParentLevel } | { ok: false; message: string } {
  const { baselines, variants } = catalogue(library);
  const chain: PathwayVariant[] = [];
  let current: { readonly id: string; readonly version: string } = extendsRef;
  for (let depth = 0; depth < 8; depth += 1) {
    const baseline = baselines.find((t) => t.id === current.id && t.version === current.version);
    if (baseline) {
      if (chain.length === 0) return { ok: true, parent: { template: baseline, provenance: baseProvenance(baseline), chain: [`${baseline.id}@${baseline.version}`] } };
      const resolved = resolve(baseline, [...chain].reverse(), { plugins: library.plugins });
      if (!resolved.ok) return { ok: false, message: `The level above, ${chain[0]!.id}@${chain[0]!.version}, does not resolve: ${resolved.problems[0]?.message ?? 'unknown problem'}` };
      return { ok: true, parent: { template: resolved.template, provenance: resolved.provenance, chain: [`${baseline.id}@${baseline.version}`, ...[...chain].reverse().map((v) => `${v.id}@${v.version}`)] } };
    }
    const variant = variants.find((v) => v.id === current.id && v.version === current.version);
    if (!variant) return { ok: false, message: `${current.id}@${current.version}, which it extends, is not open: open the baseline (and the regional variant) it builds on first.` };
    chain.push(variant);
    current = variant.extends;
  }
  return { ok: false, message: 'The chain of levels is deeper than eight: a baseline, a region and its localities are expected.' };
}

/**
 * The last published version of the document's baseline in the library, for the publish rules:
 * the highest version up to the document's own (the document itself, when it is the published
 * file: the rules then apply as soon as its content changes).
 */
function previousVersion(json: JsonObject, library: DesignLibrary): PathwayTemplate | undefined {
  const { baselines } = catalogue(library);
  const compare = (a: string, b: string) => a.split('.').map(Number).reduce((r, n, i) => r || n - Number(b.split('.')[i] ?? 0), 0);
  return baselines
    .filter((t) => t.id === json.id && typeof json.version === 'string' && compare(t.version, json.version) <= 0)
    .sort((a, b) => compare(b.version, a.version))[0];
}

/**
 * Opens a file: a variant with the level it extends (found in the library), or a baseline with
 * its previous published version. A draft with problems opens: work in progress is never lost.
 */
export function openDocument(file: DesignFile, library: DesignLibrary): OpenResult {
  const read = readJson(file);
  if (!read.ok) return { ok: false, problems: [{ code: 'PWY_JSON_MALFORMED', message: read.message }] };
  const json = withoutLayout(read.json);
  const base = { name: file.name, json, layout: layoutOf(read.json), plugins: library.plugins };
  if (read.json.kind === 'variant') {
    const extendsRef = isObject(json.extends) && typeof json.extends.id === 'string' && typeof json.extends.version === 'string' ? { id: json.extends.id, version: json.extends.version } : undefined;
    if (!extendsRef) return { ok: false, problems: [{ code: 'PWY_VARIANT_BASE_MISMATCH', message: `${file.name} is a variant without "extends": { "id", "version" }: the designer cannot tell which level it overlays.` }] };
    const parent = parentOf(extendsRef, library);
    if (!parent.ok) return { ok: false, problems: [{ code: 'PWY_VARIANT_BASE_MISMATCH', message: parent.message }] };
    return { ok: true, document: { ...base, kind: 'variant', parent: parent.parent } };
  }
  const previous = previousVersion(json, library);
  return { ok: true, document: { ...base, kind: 'baseline', ...(previous ? { previous } : {}) } };
}
