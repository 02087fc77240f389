import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPublish, diff, formatDiff, impact, parseTemplate, parseVariant, rebase, resolve, type PathwayTemplate, type PathwayTemplateData, type PathwayVariant } from '@pathways/core';
import { nzBaselinePlugins, nzNationalBaseline } from '@pathways/templates';
import { describe, expect, it } from 'vitest';

const read = (name: string): PathwayVariant => {
  const parsed = parseVariant(readFileSync(join(import.meta.dirname, 'valid', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.variant;
};
const canterbury = read('canterbury-regional');
const westCoast = read('west-coast-rural');

/** A proposed 4.0.0 of the baseline: first contact for high risk locked at PT24H, the local-services point withdrawn. */
function proposedV4(version = '4.0.0'): PathwayTemplate {
  const json = JSON.parse(JSON.stringify(nzNationalBaseline)) as PathwayTemplateData & { parameters: Record<string, { governance?: unknown }> };
  json.version = version;
  json.parameters.firstContactHigh!.governance = { mode: 'locked' as const, reason: 'Fixed nationally at 24 hours.' };
  (json as { adjustmentPoints: unknown[] }).adjustmentPoints = json.adjustmentPoints.filter((p) => p.id !== 'local-services');
  const parsed = parseTemplate(json, { plugins: nzBaselinePlugins });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.template;
}

/** Compares with a golden file; `pnpm golden:update` rewrites them after an intended change (never a test). */
function golden(name: string, actual: string): void {
  expect(actual).toBe(readFileSync(join(import.meta.dirname, 'golden', name), 'utf8'));
}

describe('diff', () => {
  it('shows what Canterbury changes, element by element and field by field (golden file)', () => {
    const resolved = resolve(nzNationalBaseline, [canterbury]);
    if (!resolved.ok) throw new Error('resolve failed');
    const result = diff(nzNationalBaseline, resolved.template);
    expect(result.entries).toContainEqual({ kind: 'added', collection: 'nodes', id: 'chc/kaupapa-maori-service' });
    expect(result.entries).toContainEqual(expect.objectContaining({ kind: 'changed', collection: 'parameters', id: 'firstContactHigh', fields: [{ field: 'value', before: 'PT24H', after: 'PT12H' }] }));
    golden('diff-baseline-canterbury.txt', formatDiff(result));
  });

  it('is empty between a template and itself', () => {
    expect(diff(nzNationalBaseline, nzNationalBaseline).entries).toEqual([]);
  });
});

describe('versions', () => {
  it('a new lock needs a major version; a version must go up; published versions are immutable', () => {
    const minor = checkPublish(nzNationalBaseline, proposedV4('3.1.0'));
    expect(minor.problems.map((p) => p.code)).toEqual(['PWY_VERSION_MAJOR_REQUIRED']);
    expect(minor.breaking).toContain('parameter "firstContactHigh" is now locked');
    expect(checkPublish(nzNationalBaseline, proposedV4('4.0.0')).ok).toBe(true);
    expect(checkPublish(nzNationalBaseline, { ...nzNationalBaseline }).problems.map((p) => p.code)).toEqual(['PWY_VERSION_BUMP_REQUIRED']);
    const published = new Map([['4.0.0', 'other content']]);
    expect(checkPublish(nzNationalBaseline, proposedV4('4.0.0'), published).problems.map((p) => p.code)).toEqual(['PWY_VERSION_PUBLISHED']);
  });

  it('a new invariant and a tighter bound are breaking too; a relabel is not', () => {
    const json = JSON.parse(JSON.stringify(nzNationalBaseline)) as PathwayTemplateData & { parameters: Record<string, { governance?: unknown }> };
    json.version = '3.1.0';
    json.parameters.overdueMargin!.governance = { mode: 'tailorable' as const, bounds: { value: { max: 'P3D' } } };
    (json.invariants as unknown[]).push({ id: 'closure-reachable-again', label: { en: 'Closure reachable' }, rule: { kind: 'reachable', target: { node: 'closed' } } });
    const next = parseTemplate(json, { plugins: nzBaselinePlugins });
    if (!next.ok) throw new Error('invalid');
    expect(checkPublish(nzNationalBaseline, next.template).breaking).toEqual(['new invariant "closure-reachable-again"', 'parameter "overdueMargin" has tighter bounds']);
    const relabelled = { ...nzNationalBaseline, version: '3.0.1', title: { en: 'NZ national baseline', mi: 'Te ara ā-motu' } };
    expect(checkPublish(nzNationalBaseline, relabelled).ok).toBe(true);
  });
});

describe('rebase and impact', () => {
  it('re-applies every change, reporting each conflict with a suggested resolution and dropping nothing', () => {
    const result = rebase(canterbury, nzNationalBaseline, proposedV4());
    expect(result.variant.extends).toMatchObject({ id: 'nz-national-baseline', version: '4.0.0' });
    expect(result.variant.changes).toEqual(canterbury.changes);
    const conflicts = result.outcomes.filter((o) => o.status === 'conflict');
    expect(conflicts.map((c) => [c.change, c.op])).toEqual([
      [2, 'setParameter'],
      [8, 'addFragment'],
    ]);
    expect(conflicts[0]!.suggestion).toContain('Remove this change');
    expect(conflicts[1]!.suggestion).toContain('another adjustment point');
  });

  it('reports, before publishing, which variants in the catalogue a proposed version affects', () => {
    const report = impact(proposedV4(), [nzNationalBaseline], [
      { source: 'valid/canterbury-regional.json', variant: canterbury },
      { source: 'valid/west-coast-rural.json', variant: westCoast },
    ]);
    expect(report.variants.map((v) => [v.variant, v.status])).toEqual([
      ['nz-canterbury@3.0.0', 'conflicts'],
      ['nz-west-coast@3.0.0', 'ok'],
    ]);
    expect(report.affected).toBe(1);
  });
});
