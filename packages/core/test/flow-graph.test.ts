import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, evaluateInvariants, flowGraph, parseTemplate, type CompiledPathway, type PathwayTemplate } from '@pathways/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validTemplateArbitrary } from './template-arbitraries.js';

// The flow graph is the one description of what a case can do; the compiler builds the machine
// from it. These tests hold the two equal: every machine transition is a graph edge (same source,
// event, target, sentries) and every edge is a machine transition.

interface GuardConfig {
  readonly type: string;
  readonly params?: { readonly guards?: readonly GuardConfig[]; readonly condition?: unknown };
}

/** The sentries (conditionHolds guards) of a compiled transition, in the order it checks them. */
function sentries(guard: GuardConfig | undefined): unknown[] {
  if (!guard) return [];
  const refs = guard.type === 'all' ? (guard.params?.guards ?? []) : [guard];
  return refs.filter((ref) => ref.type === 'conditionHolds').map((ref) => ref.params?.condition);
}

function machineEdges(compiled: CompiledPathway): string[] {
  const edges: string[] = [];
  for (const node of compiled.template.nodes) {
    const state = compiled.machine.getStateNodeById(`node:${node.id}`);
    const transitions = [...[...state.transitions.values()].flat(), ...(state.always ?? [])];
    for (const t of transitions) {
      // Targetless handlers (the reasoned lowering taken at a review point) do not move the flow.
      if (!t.target) continue;
      const meta = t.meta as { transition?: string } | undefined;
      edges.push(JSON.stringify([node.id, t.eventType, t.target?.map((target) => target.id), meta?.transition, sentries(t.guard as GuardConfig | undefined)]));
    }
  }
  const routes = compiled.machine.getStateNodeById('flow').transitions.get('escalation.route') ?? [];
  for (const t of routes) edges.push(JSON.stringify(['route', t.target?.map((target) => target.id)]));
  return edges.sort();
}

function graphEdges(template: PathwayTemplate): string[] {
  const graph = flowGraph(template);
  const edges = graph.edges.map((e) => JSON.stringify([e.from, e.on ?? '', [`node:${e.to}`], e.id, e.conditions]));
  for (const to of new Set(graph.routes.map((r) => r.to))) edges.push(JSON.stringify(['route', [`node:${to}`]]));
  return edges.sort();
}

function parsed(json: unknown): PathwayTemplate {
  const result = parseTemplate(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.template;
}

describe('one flow graph', () => {
  it('the compiled machine of the NZ national baseline has exactly the flow graph\'s edges', () => {
    const baseline = parsed(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8'));
    const machine = machineEdges(compile(baseline));
    expect(machine).toEqual(graphEdges(baseline));
    // 64 transitions and the routes: the comparison is not vacuous.
    expect(machine.length).toBeGreaterThanOrEqual(baseline.transitions.length);
    expect(flowGraph(baseline).edges).toHaveLength(baseline.transitions.length);
  });

  it('…and so does the machine of every generated template', () => {
    fc.assert(
      fc.property(validTemplateArbitrary, (json) => {
        const template = parsed(json);
        expect(machineEdges(compile(template))).toEqual(graphEdges(template));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('is built once per parsed template and shared by its readers', () => {
    const baseline = parsed(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8'));
    expect(flowGraph(baseline)).toBe(flowGraph(baseline));
    // Equal content compiles once (cached by content hash): the compiled pathway keeps the template it was built from.
    const compiled = compile(baseline);
    expect(compiled.resolved.graph).toBe(flowGraph(compiled.template));
  });

  it('counts entry points as ways in from the start, and routes as ways in from anywhere', () => {
    const baseline = parsed(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8'));
    const graph = flowGraph(baseline);
    expect(graph.entries).toEqual([{ kind: 'entryPoint', point: 'entry-point-slot', from: 'intake', to: 'record-referral' }]);
    expect(graph.incoming('record-referral').map((edge) => edge.kind)).toEqual(['transition', 'entryPoint']);
    expect(graph.reachable().size).toBe(baseline.nodes.length);
    expect(graph.canEnd().size).toBe(baseline.nodes.length);
  });

  it('the invariant evaluator sees the same ways in: a local intake source skips what the national intake transition records', () => {
    const json = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8')) as { invariants: unknown[] };
    json.invariants.push({ id: 'referral-before-triage', label: { en: 'Referral received before triage' }, rule: { kind: 'precedes', first: { milestone: 'referral-received' }, then: { milestone: 'triaged' } } });
    const verdict = evaluateInvariants(parsed(json)).find((v) => v.invariant === 'referral-before-triage')!;
    expect(verdict.holds).toBe(false);
    expect(verdict.witness?.[1]).toEqual({ kind: 'entryPoint', node: 'record-referral', tier: null, point: 'entry-point-slot' });
    expect(verdict.message).toContain('a local intake source, entry point entry-point-slot');
  });
});
