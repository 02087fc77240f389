import { compile, parseTemplate, validateTemplate, type Problem } from '@pathways/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { tinyTemplateJson } from './fixtures.js';

const codesAndPaths = (problems: readonly Problem[]) => problems.map((p) => `${p.code} ${p.path.join('.')}`);

describe('template checks beyond the schema', () => {
  it('reports invariants, escalations and adjustment points that name missing elements', () => {
    const json = tinyTemplateJson();
    json.invariants = [
      { id: 'must-review', label: { en: 'Review before closure' }, rule: { kind: 'mustPass', from: { node: 'triage' }, to: { node: 'closed' }, via: [{ node: 'no-such-review' }] } },
      { id: 'child-first', label: { en: 'Child check first' }, rule: { kind: 'precedes', first: { milestone: 'child-check-done' }, then: { milestone: 'plan-approved' }, when: 'children-in-household' } },
      { id: 'high-tier', label: { en: 'High' }, rule: { kind: 'reachable', target: { tier: 'high' } } },
    ];
    json.escalations = [
      { id: 'barrier', label: { en: 'Barrier' }, trigger: { kind: 'event', event: 'barrier.raised' }, response: [{ kind: 'route', to: 'hub-review' }, { kind: 'listAtMeeting', meeting: 'icm' }] },
    ];
    json.adjustmentPoints = [
      { kind: 'fragment', id: 'local-services', label: { en: 'Local services' }, stage: 'allocation', transition: 'no-such-transition' },
      { kind: 'fragment', id: 'misplaced', label: { en: 'Misplaced' }, stage: 'recognition', transition: 'plan-approved' },
      { kind: 'entryPoint', id: 'intake-slot', label: { en: 'Intake sources' }, target: 'intake' },
    ];
    expect(codesAndPaths(parseTemplate(json).problems)).toEqual([
      'PWY_REFERENCE_DANGLING escalations.0.trigger.event',
      'PWY_REFERENCE_DANGLING escalations.0.response.0.to',
      'PWY_REFERENCE_DANGLING escalations.0.response.1.meeting',
      'PWY_REFERENCE_DANGLING adjustmentPoints.0.transition',
      'PWY_ADJUSTMENT_POINT_INVALID adjustmentPoints.1.stage',
      'PWY_REFERENCE_DANGLING invariants.0.rule.via.0.node',
      'PWY_REFERENCE_DANGLING invariants.1.rule.first.milestone',
      'PWY_REFERENCE_DANGLING invariants.1.rule.when',
      'PWY_REFERENCE_DANGLING invariants.2.rule.target.tier',
    ]);
  });

  it('checks bounds against values for durations, numbers and enums', () => {
    const json = tinyTemplateJson();
    json.parameters = {
      ...(json.parameters as object),
      incidents: { kind: 'number', value: 5, governance: { mode: 'tailorable', bounds: { value: { min: 1, max: 3 } } } },
      cadence: { kind: 'enum', values: ['daily', 'weekly', 'fortnightly'], value: 'fortnightly', governance: { mode: 'tailorable', bounds: { value: { max: 'weekly' } } } },
      window: { kind: 'duration', value: { workingDays: 5 }, governance: { mode: 'tailorable', bounds: { value: { max: { workingDays: 10 }, min: { workingDays: 11 } } } } },
    };
    expect(codesAndPaths(parseTemplate(json).problems)).toEqual([
      'PWY_BOUNDS_CONTRADICT parameters.incidents.governance.bounds.value.max',
      'PWY_BOUNDS_CONTRADICT parameters.cadence.governance.bounds.value.max',
      'PWY_BOUNDS_CONTRADICT parameters.window.governance.bounds.value.min',
      'PWY_BOUNDS_CONTRADICT parameters.window.governance.bounds.value',
    ]);
  });

  it('treats node types as unknown unless core or installed, and checks installed plugin versions and config', () => {
    const json = tinyTemplateJson();
    json.nodes.push({ id: 'risk-check', stage: 'response', type: 'risk-tools/dash', typeVersion: 2, label: { en: 'Risk checklist' }, config: { threshold: 'high' } });
    json.transitions.push({ id: 'to-risk', from: 'triage', to: 'risk-check', on: 'contact.made' }, { id: 'from-risk', from: 'risk-check', to: 'closed', on: 'contact.made' });
    expect(codesAndPaths(parseTemplate(json).problems)).toEqual(['PWY_PLUGIN_NODE_TYPE_UNKNOWN nodes.9.type']);

    const plugins = [{ name: 'risk-tools', version: '1.0.0', nodeTypes: [{ type: 'risk-tools/dash' as const, versions: [1, 2], config: () => z.strictObject({ threshold: z.number().int() }) }] }];
    expect(codesAndPaths(parseTemplate(json, { plugins }).problems)).toEqual(['PWY_PLUGIN_CONFIG_INVALID nodes.9.config.threshold']);
    (json.nodes[9] as { config: unknown }).config = { threshold: 14 };
    const parsed = parseTemplate(json, { plugins });
    expect(parsed.ok).toBe(true);
    // The parsed template compiles with the plugin that provides its node (by default the plugins
    // it was parsed with), and not without it.
    if (parsed.ok) {
      expect(compile(parsed.template, plugins).plugins).toEqual([{ name: 'risk-tools', version: '1.0.0' }]);
      expect(compile(parsed.template)).toBe(compile(parsed.template, plugins));
      expect(() => compile(parsed.template, [])).toThrow(expect.objectContaining({ code: 'PWY_PLUGIN_MISSING' }));
    }
    (json.nodes[9] as { typeVersion: number }).typeVersion = 3;
    expect(parseTemplate(json, { plugins }).problems[0]).toMatchObject({ code: 'PWY_PLUGIN_NODE_VERSION', message: expect.stringContaining('is not a version of risk-tools/dash the installed plugin provides (1, 2)') });
  });

  it('validateTemplate adds the graph analysis: unreachable nodes, dead ends and empty steps', () => {
    const json = tinyTemplateJson();
    json.nodes.push({ id: 'orphan', stage: 'allocation', type: 'humanTask', label: { en: 'Orphan' }, ownerRole: 'coordinator' });
    expect(parseTemplate(json).ok).toBe(true);
    expect(codesAndPaths(validateTemplate(json).problems)).toEqual(['PWY_NODE_UNREACHABLE nodes.9', 'PWY_DEAD_END nodes.9']);
    expect(validateTemplate(tinyTemplateJson()).ok).toBe(true);
  });
});
