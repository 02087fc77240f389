import { describe, expect, it } from 'vitest';
import { checkDocument, setGovernance } from '../src/core/index.js';
import { opened } from './library.js';

// A national team setting governance in the designer (baseline mode): the value read with the
// template's governance schema, the result judged by the template's checks and the publish rules.

const nodeOf = (json: Record<string, unknown>, id: string) => (json.nodes as { id: string; governance?: unknown }[]).find((node) => node.id === id);

describe('setGovernance', () => {
  it('locks a tailorable activity with its reason and the effects local elements may have, and frees it again', () => {
    const baseline = opened('nz-national-baseline.json');
    const free = { id: 'agree-follow-up' };
    const locked = setGovernance(baseline, 'nodes', free.id, { mode: 'locked', reason: 'A national safeguard (fictional reason).', localEffects: ['recordMilestone'] });
    if (!locked.ok) throw new Error(locked.refusal.message);
    expect(nodeOf(locked.document.json, free.id)?.governance).toEqual({ mode: 'locked', reason: 'A national safeguard (fictional reason).', localEffects: ['recordMilestone'] });
    const freed = setGovernance(locked.document, 'nodes', free.id, undefined);
    if (!freed.ok) throw new Error(freed.refusal.message);
    expect(nodeOf(freed.document.json, free.id)?.governance).toBeUndefined();
  });

  it('holds a new lock to the publish rules: a minor version in the making must become a major one', () => {
    const published = opened('nz-national-baseline.json');
    const draft = { ...published, json: { ...published.json, version: '3.1.0' } };
    expect(checkDocument(draft).problems).toEqual([]);
    // Locking what variants may tailor today can break them: a breaking change.
    const locked = setGovernance(draft, 'nodes', 'agree-follow-up', { mode: 'locked', reason: 'Follow-up is a national safeguard (fictional).' });
    if (!locked.ok) throw new Error(locked.refusal.message);
    const problems = checkDocument(locked.document).problems;
    expect(problems.map((p) => p.code)).toContain('PWY_VERSION_MAJOR_REQUIRED');
    expect(problems.find((p) => p.code === 'PWY_VERSION_MAJOR_REQUIRED')?.message).toContain('4.0.0');
    // Loosening a lock is compatible with every variant (a minor version), but lowers the national
    // floor: a warning for national assurance, and the draft stays publishable.
    const unlocked = setGovernance(draft, 'nodes', 'intake', undefined);
    if (!unlocked.ok) throw new Error(unlocked.refusal.message);
    const unlockedCheck = checkDocument(unlocked.document);
    expect(unlockedCheck.problems.map((p) => `${p.severity} ${p.code} ${p.message}`)).toEqual(['warning PWY_PUBLISH_SAFEGUARD_LOOSENED Loosened for variants: nodes "intake" was locked and is now free.']);
    expect(unlockedCheck.publishable).toBe(true);
  });

  it("tailors a parameter within bounds the check then holds variants to, and says when bounds name a field the element lacks", () => {
    const baseline = opened('nz-national-baseline.json');
    const tailored = setGovernance(baseline, 'parameters', 'overdueMargin', { mode: 'tailorable', bounds: { value: { max: 'P3D' } }, reason: 'Overdue work reaches the coordinator within three days.' });
    if (!tailored.ok) throw new Error(tailored.refusal.message);
    expect((tailored.document.json.parameters as Record<string, { governance?: unknown }>).overdueMargin?.governance).toMatchObject({ mode: 'tailorable', bounds: { value: { max: 'P3D' } } });
    const unknownField = setGovernance(baseline, 'parameters', 'overdueMargin', { mode: 'tailorable', bounds: { colour: { values: ['red'] } } });
    if (!unknownField.ok) throw new Error(unknownField.refusal.message);
    expect(checkDocument(unknownField.document).problems.some((p) => p.code === 'PWY_GOVERNANCE_FIELD_UNKNOWN')).toBe(true);
  });

  it('refuses a value the governance schema does not allow, and any governance change in a variant', () => {
    const baseline = opened('nz-national-baseline.json');
    const noReason = setGovernance(baseline, 'parameters', 'overdueMargin', { mode: 'locked', reason: '' });
    expect(noReason.ok === false && noReason.refusal.code).toBe('PWY_SCHEMA_INVALID_VALUE');
    expect(noReason.ok === false && noReason.refusal.message).toContain('at reason');
    const variant = setGovernance(opened('canterbury-regional.json'), 'nodes', 'triage-listing', { mode: 'free' });
    expect(variant.ok === false && variant.refusal.code).toBe('PWY_VARIANT_UNLOCK');
    expect(setGovernance(baseline, 'nodes', 'no-such-activity', { mode: 'free' }).ok).toBe(false);
  });
});
