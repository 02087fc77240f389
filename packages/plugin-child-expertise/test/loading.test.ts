import { parseTemplate, validateTemplate, type WorkItemType } from '@pathways/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import defaultExport, { plugin } from '../src/index.js';
import templateJson from './fixtures/template.json' with { type: 'json' };
import { plugins } from './support.js';

describe('loading the plugin', () => {
  it('loads with no problems, at the version package.json gives, as the default and the named export', () => {
    expect(plugins.map((p) => `${p.name}@${p.version}`)).toEqual([`child-expertise@${packageJson.version}`]);
    expect(defaultExport).toBe(plugin);
    expect(plugins[0]!.nodeTypes).toMatchObject([{ type: 'child-expertise/check', versions: [1] }]);
  });

  it('contributes these names, and no others (templates and the baseline depend on them)', () => {
    expect({
      nodeTypes: Object.keys(plugin.nodeTypes ?? {}),
      events: Object.keys(plugin.events ?? {}),
      guards: Object.keys(plugin.guards ?? {}),
      actions: Object.keys(plugin.actions ?? {}),
      triggers: Object.keys(plugin.triggers ?? {}),
      // Typed loosely by the SDK (any work-item type input), so read as written.
      workItemTypes: ((plugin.workItemTypes ?? []) as readonly WorkItemType[]).map((type) => [type.id, type.ownerRole]),
      parameters: Object.keys(plugin.parameters ?? {}),
    }).toEqual({
      nodeTypes: ['check'],
      events: ['child-expertise.factors-recorded', 'child-expertise.check-completed', 'child-expertise.report-of-concern-made', 'child-expertise.report-of-concern-responded'],
      guards: ['needed', 'notNeeded', 'responseAwaited'],
      actions: ['recordFactors', 'recordCheck', 'recordReportOfConcern', 'recordResponse'],
      triggers: ['factorsPresent'],
      workItemTypes: [
        ['child-expertise/check', 'child-specialist'],
        ['child-expertise/report-of-concern-response', 'child-specialist'],
      ],
      parameters: ['otherResponseWithin'],
    });
  });

  it('declares one effect on national elements: the child-check-done milestone, recorded by recordCheck', () => {
    const declared = Object.fromEntries(Object.entries(plugin.actions ?? {}).flatMap(([name, action]) => (action.effects ? [[name, action.effects]] : [])));
    expect(declared).toEqual({ recordCheck: { recordMilestone: ['child-check-done'] } });
    expect(plugin.nodeTypes?.check.effects).toBeUndefined();
  });

  it('has schemas that convert to JSON Schema objects (designer forms, OpenAPI)', () => {
    const schemas: [string, z.ZodType | undefined][] = [
      ['state', plugin.state?.schema],
      ['check config', plugin.nodeTypes?.check.config],
      ...Object.entries(plugin.events ?? {}).map(([type, event]): [string, z.ZodType] => [`${type} payload`, event.payload]),
      ...Object.entries({ ...plugin.guards, ...plugin.actions, ...plugin.triggers }).map(([name, hook]): [string, z.ZodType | undefined] => [`${name} params`, hook.params]),
    ];
    for (const [what, schema] of schemas) {
      expect(schema, what).toBeDefined();
      const json = z.toJSONSchema(schema!, { io: 'input' }) as { type?: string; additionalProperties?: boolean };
      expect([what, json.type, json.additionalProperties]).toEqual([what, 'object', false]);
    }
    const factors = z.toJSONSchema(plugin.events!['child-expertise.factors-recorded']!.payload, { io: 'input' }) as { required: string[] };
    expect(factors.required).toEqual(['pregnancyOrBabyUnder18Months', 'childContactConflict', 'childRiskFactors']);
  });
});

describe('a template that uses it', () => {
  it('the test pathway passes validation with the plugin: its node, guards, actions, trigger, work-item types and parameter resolve', () => {
    const result = validateTemplate(templateJson, { plugins });
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.migrations).toEqual([]);
    expect(result.template.workItemTypes.map((type) => type.id)).toEqual(expect.arrayContaining(['child-expertise/check', 'child-expertise/report-of-concern-response']));
    expect(result.template.parameters['child-expertise/otherResponseWithin']).toMatchObject({ kind: 'duration', value: 'P7D' });
  });

  it('is refused without the plugin, naming the node type it misses', () => {
    const index = templateJson.nodes.findIndex((node) => node.id === 'child-check');
    const problems = parseTemplate(templateJson).problems;
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['PWY_PLUGIN_REFERENCE', 'plugins.child-expertise'],
      ['PWY_PLUGIN_NODE_TYPE_UNKNOWN', `nodes.${index}.type`],
    ]);
    expect(problems[0]!.message).toBe('The pathway uses the plugin "child-expertise" (^1.0.0), which is not installed.');
    expect(problems[1]!.message).toContain('child-expertise/check');
  });

  it('refuses a check node without its plan type, at the config field', () => {
    const json = structuredClone(templateJson);
    const index = json.nodes.findIndex((node) => node.id === 'child-check');
    Object.assign(json.nodes[index]!, { config: {} });
    const result = validateTemplate(json, { plugins });
    expect(result.problems.map((p) => [p.code, p.path.join('.')])).toEqual([['PWY_PLUGIN_CONFIG_INVALID', `nodes.${index}.config.planType`]]);
  });
});
