import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, rebaseDocument, removeChange } from '../src/core/index.js';
import { opened } from './library.js';

// Rebasing on the canvas: Canterbury onto a proposed baseline that locks a value it tailored and
// withdraws the point its service sits at — the CLI's golden fixture. Each conflict is reported
// with its reason and suggestion; dropping the changes that cannot stand clears the problems.

const proposed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'tests', 'cli', 'golden', 'variants', 'nz-national-baseline-4.0.0.json'), 'utf8')) as Record<string, unknown>;

describe('rebasing a variant in the designer', () => {
  it('reports every change, opens the result over the new baseline, and clears once the conflicts are dropped', () => {
    const result = rebaseDocument(opened('canterbury-regional.json'), proposed);
    if (!result.ok) throw new Error(result.message);
    const { document, outcomes, conflicts } = result.rebased;
    expect(conflicts).toBe(2);
    expect(outcomes.filter((o) => o.status === 'conflict').map((o) => [o.change, o.op])).toEqual([
      [2, 'setParameter'],
      [8, 'addFragment'],
    ]);
    expect(document.parent?.chain).toEqual(['nz-national-baseline@4.0.0']);
    expect((document.json.extends as { version: string }).version).toBe('4.0.0');
    expect(checkDocument(document).problems.map((p) => p.code).sort()).toEqual(['PWY_VARIANT_LOCKED', 'PWY_VARIANT_TARGET_MISSING']);
    const withoutFragment = removeChange(document, 8);
    if (!withoutFragment.ok) throw new Error(withoutFragment.refusal.message);
    const resolved = removeChange(withoutFragment.document, 2);
    if (!resolved.ok) throw new Error(resolved.refusal.message);
    expect(checkDocument(resolved.document).problems).toEqual([]);
  });

  it('refuses what cannot be rebased, saying why', () => {
    expect(rebaseDocument(opened('nz-national-baseline.json'), proposed)).toMatchObject({ ok: false, message: 'Only a variant is rebased, onto a newer version of the baseline it extends.' });
    expect(rebaseDocument(opened('rangiora-local.json'), proposed)).toMatchObject({ ok: false, message: 'Rebase the regional variant first; a local variant is rebased onto its rebased region.' });
    expect(rebaseDocument(opened('canterbury-regional.json'), JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline.json'), 'utf8')) as Record<string, unknown>)).toMatchObject({ ok: false, message: 'canterbury-regional.json already extends nz-national-baseline@3.0.0.' });
  });
});
