import { checkVariant, parseTemplate, practiceSteps, type PathwayTemplate, type PathwayTemplateInput } from '@pathways/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Property: for every mustPass(from, to, via), adding a bypass edge — from a predecessor of `via`
// to a successor of `via` — makes `check` fail with the invariant's code and a witness that goes
// through the new edge. Templates are random chains with random detours that never skip `via`.

interface Shape {
  readonly before: number; // nodes before via
  readonly after: number; // nodes after via
  readonly detours: readonly [number, number][]; // extra edges inside the prefix or the suffix (may loop back)
  readonly fromIndex: number; // which prefix node is `from`
}

function buildTemplate(shape: Shape): PathwayTemplate {
  const chain = [...Array.from({ length: shape.before }, (_, i) => `p${i}`), 'via', ...Array.from({ length: shape.after }, (_, i) => `s${i}`)];
  // Spread the chain over the six practice steps so every step has activities.
  const stageOf = (i: number) => practiceSteps[Math.min(practiceSteps.length - 1, Math.floor((i * practiceSteps.length) / chain.length))]!;
  const nodes: PathwayTemplateInput['nodes'] = [
    { id: 'start', stage: 'recognition', type: 'start', label: { en: 'Start' } },
    ...chain.map((id, i) => ({ id, stage: stageOf(i), type: 'humanTask' as const, label: { en: id }, ownerRole: 'coordinator' })),
    { id: 'end', stage: 'monitoring', type: 'end', label: { en: 'End' } },
  ];
  const path = ['start', ...chain, 'end'];
  const transitions: PathwayTemplateInput['transitions'] = path.slice(1).map((to, i) => ({ id: `t-${path[i]}-${to}`, from: path[i]!, to, on: 'work.done' }));
  shape.detours.forEach(([a, b], i) => {
    // Detours stay on one side of `via`, so `via` remains a chokepoint between them.
    const side = a % 2 === 0 ? 'p' : 's';
    const length = side === 'p' ? shape.before : shape.after;
    const from = `${side}${a % length}`;
    const to = `${side}${b % length}`;
    transitions.push({ id: `detour-${i}`, from, to, on: 'work.detour' });
  });
  const input: PathwayTemplateInput = {
    id: 'generated-chain',
    version: '1.0.0',
    title: { en: 'Generated chain' },
    jurisdiction: 'NZ',
    kind: 'baseline',
    effectiveFrom: '2026-01-01',
    locality: { timeZone: 'Pacific/Auckland' },
    stages: practiceSteps.map((step) => ({ step })),
    roles: [{ id: 'coordinator', label: { en: 'Coordinator' } }],
    events: [
      { type: 'work.done', label: { en: 'Done' } },
      { type: 'work.detour', label: { en: 'Detour' } },
    ],
    nodes,
    transitions,
    invariants: [{ id: 'must-pass-via', label: { en: 'Every path passes via' }, rule: { kind: 'mustPass', from: { node: `p${shape.fromIndex % shape.before}` }, to: { node: 'end' }, via: [{ node: 'via' }] } }],
  };
  const parsed = parseTemplate(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.template;
}

const shapes = fc.record({
  before: fc.integer({ min: 3, max: 12 }),
  after: fc.integer({ min: 3, max: 12 }),
  detours: fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 8 }),
  fromIndex: fc.nat(40),
});

function variantAdding(template: PathwayTemplate, from: string, to: string) {
  return {
    kind: 'variant',
    id: 'bypass',
    version: '1.0.0',
    title: { en: 'Bypass' },
    locality: { id: 'loc', level: 'regional', name: 'Fictional' },
    extends: { id: template.id, version: template.version },
    effectiveFrom: '2026-02-01',
    changes: [{ op: 'add', collection: 'transitions', element: { id: 'loc/bypass', from, to, on: 'work.done' } }],
  };
}

describe('mustPass and bypass edges', () => {
  it('holds on every generated template, and any bypass around via breaks it with a witness through the new edge', () => {
    fc.assert(
      fc.property(shapes, fc.nat(40), fc.nat(40), (shape, predecessorPick, successorPick) => {
        const template = buildTemplate(shape);
        const clean = checkVariant(template, { ...variantAdding(template, 'p0', 'p0'), changes: [] });
        expect(clean.problems.filter((p) => p.code === 'PWY_INVARIANT_VIOLATED')).toEqual([]);

        // A predecessor of via at or after `from` (so the obligation is open), a successor of via.
        const fromIndex = shape.fromIndex % shape.before;
        const predecessor = `p${fromIndex + (predecessorPick % (shape.before - fromIndex))}`;
        const successor = `s${successorPick % shape.after}`;
        const result = checkVariant(template, variantAdding(template, predecessor, successor));
        const broken = result.problems.find((p) => p.code === 'PWY_INVARIANT_VIOLATED');
        expect(broken, JSON.stringify(result.problems)).toBeDefined();
        expect(broken!.witness!.some((step) => step.transition === 'loc/bypass')).toBe(true);
        expect(broken!.witness!.some((step) => step.node === 'via')).toBe(false);
        expect(broken!.witness!.at(-1)!.node).toBe('end');
        expect(broken!.change).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
