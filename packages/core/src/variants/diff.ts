import { canonicalJson } from '../compiler/content-hash.js';
import type { PathwayTemplateData } from '../model/template.js';
import { elementIdOf } from './apply-variant.js';
import { elementCollections, type ElementCollection } from './variant.js';

/** One field that differs. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One element added, removed or changed (with its changed fields). */
export interface DiffEntry {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly collection: ElementCollection | 'parameters' | 'metadata' | 'locality' | 'stages' | 'tiers';
  readonly id: string;
  readonly fields?: readonly FieldChange[];
}

/** A semantic diff: element- and field-level, in a stable order. */
export interface TemplateDiff {
  readonly from: { readonly id: string; readonly version: string };
  readonly to: { readonly id: string; readonly version: string };
  readonly entries: readonly DiffEntry[];
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields.flatMap((field) => {
    const a = before[field];
    const b = after[field];
    return canonicalJson(a) === canonicalJson(b) ? [] : [{ field, before: a, after: b }];
  });
}

function compareKeyed(collection: DiffEntry['collection'], before: ReadonlyMap<string, Record<string, unknown>>, after: ReadonlyMap<string, Record<string, unknown>>): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(id);
    const b = after.get(id);
    if (!a) entries.push({ kind: 'added', collection, id });
    else if (!b) entries.push({ kind: 'removed', collection, id });
    else {
      const fields = fieldChanges(a, b);
      if (fields.length > 0) entries.push({ kind: 'changed', collection, id, fields });
    }
  }
  return entries;
}

/** Compares two templates (e.g. a baseline and a resolved variant, or two baseline versions). */
export function diff(a: PathwayTemplateData, b: PathwayTemplateData): TemplateDiff {
  const entries: DiffEntry[] = [];
  const metadata = (t: PathwayTemplateData) => ({ id: t.id, version: t.version, title: t.title, description: t.description, jurisdiction: t.jurisdiction, kind: t.kind, effectiveFrom: t.effectiveFrom, plugins: t.plugins });
  const meta = fieldChanges(metadata(a), metadata(b));
  if (meta.length > 0) entries.push({ kind: 'changed', collection: 'metadata', id: 'template', fields: meta });
  const locality = fieldChanges(a.locality as unknown as Record<string, unknown>, b.locality as unknown as Record<string, unknown>);
  if (locality.length > 0) entries.push({ kind: 'changed', collection: 'locality', id: 'locality', fields: locality });
  entries.push(...compareKeyed('stages', new Map(a.stages.map((s) => [s.step, s as unknown as Record<string, unknown>])), new Map(b.stages.map((s) => [s.step, s as unknown as Record<string, unknown>]))));
  if (canonicalJson(a.tiers) !== canonicalJson(b.tiers)) {
    entries.push({ kind: 'changed', collection: 'tiers', id: 'tiers', fields: fieldChanges((a.tiers ?? {}) as Record<string, unknown>, (b.tiers ?? {}) as Record<string, unknown>) });
  }
  entries.push(...compareKeyed('parameters', new Map(Object.entries(a.parameters) as [string, Record<string, unknown>][]), new Map(Object.entries(b.parameters) as [string, Record<string, unknown>][])));
  for (const collection of elementCollections) {
    const keyed = (t: PathwayTemplateData) => new Map((t[collection] as readonly unknown[]).map((element) => [elementIdOf(collection, element), element as Record<string, unknown>]));
    entries.push(...compareKeyed(collection, keyed(a), keyed(b)));
  }
  return { from: { id: a.id, version: a.version }, to: { id: b.id, version: b.version }, entries };
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const isPrimitiveList = (value: unknown): value is (string | number | boolean)[] => Array.isArray(value) && value.every((v) => typeof v !== 'object');

/** A field change as people read it: lists of plain values as items added and removed. */
function showChange(before: unknown, after: unknown): string {
  if (isPrimitiveList(before) && isPrimitiveList(after)) {
    const added = after.filter((v) => !before.includes(v)).map((v) => `+${String(v)}`);
    const removed = before.filter((v) => !after.includes(v)).map((v) => `-${String(v)}`);
    if (added.length + removed.length > 0) return [...removed, ...added].join(' ');
  }
  return `${show(before)} → ${show(after)}`;
}

/** Human form of a diff: grouped by collection, `+` added, `-` removed, `~` changed with each field. */
export function formatDiff(result: TemplateDiff): string {
  const lines = [`${result.from.id}@${result.from.version} → ${result.to.id}@${result.to.version}: ${result.entries.length} difference${result.entries.length === 1 ? '' : 's'}`];
  let collection = '';
  for (const entry of result.entries) {
    if (entry.collection !== collection) {
      collection = entry.collection;
      lines.push('', collection);
    }
    const mark = entry.kind === 'added' ? '+' : entry.kind === 'removed' ? '-' : '~';
    if (!entry.fields) lines.push(`  ${mark} ${entry.id}`);
    else for (const field of entry.fields) lines.push(`  ${mark} ${entry.id}.${field.field}: ${showChange(field.before, field.after)}`);
  }
  return `${lines.join('\n')}\n`;
}
