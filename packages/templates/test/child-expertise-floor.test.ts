import { checkVariant, evaluateInvariants, parseTemplate, type PathwayTemplate } from '@pathways/core';
import { nzBaselinePlugins as plugins, nzNationalBaseline, nzNationalBaselineJson } from '@pathways/templates';
import { describe, expect, it } from 'vitest';

// The child-expertise check in the NZ baseline (3.0.0) is the child-expertise plugin's node: its
// lock, the invariant and plan approval point at it. A fictional local variant adds a second check
// at the local-meeting-forms adjustment point: what the national floor says about the milestone the
// plugin's action records.

type Json = Record<string, unknown> & { milestones: { id: string; governance?: Record<string, unknown> }[]; workItemTypes: { id: string; governance?: Record<string, unknown> }[]; planTypes: unknown[]; transitions: unknown[]; invariants: unknown[] };

function baseline(edit?: (json: Json) => void): PathwayTemplate {
  const json = structuredClone(nzNationalBaselineJson) as unknown as Json;
  edit?.(json);
  const parsed = parseTemplate(json, { plugins });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 5), null, 2));
  return parsed.template;
}

const variant = (withAction: boolean) => ({
  kind: 'variant',
  id: 'nz-fictional-child-check',
  version: '1.0.0',
  title: { en: 'A fictional locality with a second child-expertise check' },
  locality: { id: 'fic', level: 'local', name: 'Fictional locality' },
  extends: { id: 'nz-national-baseline', version: '3.0.0' },
  effectiveFrom: '2027-01-01',
  changes: [
    {
      op: 'addFragment',
      point: 'local-meeting-forms',
      nodes: [
        { id: 'fic/child-check', stage: 'integratedResponse', type: 'child-expertise/check', typeVersion: 1, label: { en: 'Child-expertise check at the whānau hui' }, config: { planType: 'family-safety-plan' } },
        { id: 'fic/child-check-noted', stage: 'integratedResponse', type: 'notify', label: { en: 'Check noted' }, role: 'coordinator', message: { en: 'The child-expertise check is recorded' } },
      ],
      transitions: [
        {
          id: 'fic/child-check-completed',
          from: 'fic/child-check',
          to: 'fic/child-check-noted',
          on: 'child-expertise.check-completed',
          ...(withAction ? { actions: [{ name: 'child-expertise/recordCheck' }] } : {}),
        },
      ],
      entry: 'fic/child-check',
      exit: { node: 'fic/child-check-noted' },
    },
  ],
});

describe('the child-expertise check of the NZ baseline', () => {
  it('is the plugin\'s node, locked, routed by the plugin\'s guards and recording the milestone plan approval and the invariant read', () => {
    const node = nzNationalBaseline.nodes.find((n) => n.id === 'child-expertise-check');
    expect(node).toMatchObject({ type: 'child-expertise/check', typeVersion: 1, config: { planType: 'family-safety-plan' }, governance: { mode: 'locked' } });
    const routes = nzNationalBaseline.transitions.filter((t) => t.from === 'plan-children-route');
    expect(routes.map((t) => [t.to, t.guard?.name])).toEqual([
      ['child-expertise-check', 'child-expertise/needed'],
      ['confirm-plan', 'child-expertise/notNeeded'],
    ]);
    const leaving = nzNationalBaseline.transitions.filter((t) => t.from === 'child-expertise-check');
    expect(leaving.every((t) => t.on === 'child-expertise.check-completed' && t.actions.some((a) => a.name === 'child-expertise/recordCheck'))).toBe(true);
    expect(nzNationalBaseline.invariants.find((i) => i.id === 'child-check-before-plan-approval')?.rule).toMatchObject({ kind: 'precedes', first: { milestone: 'child-check-done' }, then: { milestone: 'plan-approved' } });
    expect(nzNationalBaseline.planTypes[0]?.approval.requires).toEqual({ any: [{ not: { persons: { role: 'child', atLeast: 1 } } }, { milestone: 'child-check-done' }] });
  });

  it('is what records the milestone invariants read: the check counts as recording what its action declares', () => {
    // A national team's invariant that the check can be done at all: it holds only because the
    // plugin's action declares it records child-check-done (core actions are not involved).
    const withReachable = (edit?: (json: Json) => void) =>
      baseline((json) => {
        json.invariants.push({ id: 'child-check-reachable', label: { en: 'The child-expertise check can be done' }, rule: { kind: 'reachable', target: { milestone: 'child-check-done' } } });
        edit?.(json);
      });
    const verdict = (template: PathwayTemplate) => evaluateInvariants(template).find((v) => v.invariant === 'child-check-reachable')!;
    expect(verdict(withReachable()).holds).toBe(true);
    const withoutAction = withReachable((json) => {
      for (const t of json.transitions as { from: string; actions?: unknown[] }[]) if (t.from === 'child-expertise-check') t.actions = [];
    });
    expect(verdict(withoutAction)).toMatchObject({ holds: false, message: expect.stringContaining('no case can reach it') });
  });

  it('is guarded at approval too: the flow alone cannot keep it, as a child may join after the plan was routed', () => {
    // Without the approval condition, a child added after the route lets a version be approved
    // unchecked: the invariant check finds that path, so the condition is what keeps the floor.
    const unguarded = baseline((json) => {
      delete (json.planTypes as { approval: { requires?: unknown } }[])[0]!.approval.requires;
      delete (json.transitions as { id: string; when?: unknown }[]).find((t) => t.id === 'plan-approved')!.when;
    });
    const verdict = evaluateInvariants(unguarded).find((v) => v.invariant === 'child-check-before-plan-approval')!;
    expect(verdict.holds).toBe(false);
    expect(verdict.witness?.map((step) => step.node)).toEqual(expect.arrayContaining(['plan-children-route', 'confirm-plan', 'plan-approval']));
    expect(evaluateInvariants(nzNationalBaseline).find((v) => v.invariant === 'child-check-before-plan-approval')!.holds).toBe(true);
  });

  it('cannot be routed round by a variant: the route and the check are locked, and dropping the check breaks the invariant', () => {
    const bypass = { ...variant(false), changes: [{ op: 'setField', collection: 'transitions', id: 'plan-needs-child-check', field: 'to', value: 'confirm-plan' }] };
    expect(checkVariant(nzNationalBaseline, bypass).problems.map((p) => p.code)).toContain('PWY_VARIANT_LOCKED');
  });
});

describe('the national floor and a local child-expertise check', () => {
  // The baseline declares the check's work-item type itself (its reporting code, locked), so it is
  // national: a local check node opens national work, and recordCheck records a national milestone.
  const allowing = (...effects: ('openWorkItem' | 'recordMilestone')[]) =>
    baseline((json) => {
      if (effects.includes('recordMilestone')) {
        const milestone = json.milestones.find((m) => m.id === 'child-check-done')!;
        milestone.governance = { ...milestone.governance, localEffects: ['recordMilestone'] };
      }
      if (effects.includes('openWorkItem')) {
        const type = json.workItemTypes.find((w) => w.id === 'child-expertise/check')!;
        type.governance = { ...type.governance, localEffects: ['openWorkItem'] };
      }
    });
  const located = (problems: readonly { code: string; path: readonly (string | number)[] }[]) => problems.map((p) => [p.code, p.path.join('.')]);

  it('refuses a local check node while the national team does not let local elements open the national check\'s work', () => {
    const problems = checkVariant(baseline(), variant(false), undefined, { plugins }).problems;
    expect(located(problems)).toEqual([['PWY_VARIANT_LOCAL_EFFECT', 'changes.0.nodes.0.type']]);
    expect(problems[0]!.message).toContain('opens work of the national work-item type "child-expertise/check"');
  });

  it('refuses recordCheck on a local transition while local steps may not record child-check-done', () => {
    const problems = checkVariant(allowing('openWorkItem'), variant(true), undefined, { plugins }).problems;
    expect(located(problems)).toEqual([['PWY_VARIANT_LOCAL_EFFECT', 'changes.0.transitions.0.actions.0']]);
    expect(problems[0]!.message).toContain('may record the national milestone "child-check-done" (as child-expertise@1.0.0 declares)');
  });

  it('accepts both once the national team allows them (localEffects)', () => {
    expect(checkVariant(allowing('openWorkItem'), variant(false), undefined, { plugins }).problems).toEqual([]);
    expect(checkVariant(allowing('openWorkItem', 'recordMilestone'), variant(true), undefined, { plugins }).problems).toEqual([]);
  });
});
