import { definePlugin, loadPlugins, parseTemplate, type AnyPluginDefinition, type LoadedPlugin, type PathwayTemplate } from '@pathways/core';
import { z } from 'zod';
import { baselineJson } from './case-driver.js';

// A fictional sanctuary (home security) scheme as a plugin, and the NZ baseline with one of its
// assessment nodes after allocation, for the SDK's tests. All names and data are fictional.

export const sanctuaryPlugin = definePlugin({
  name: 'sanctuary-safety',
  version: '1.2.0',
  engine: '^0.1.0',
  label: { en: 'Sanctuary safety scheme', mi: 'Kaupapa haumaru kāinga' },
  state: { schema: z.strictObject({ assessments: z.number().int().min(0), lastProvider: z.string().nullable() }), initial: { assessments: 0, lastProvider: null } },
  events: {
    'sanctuary-safety.assessed': {
      label: { en: 'Record the home security assessment' },
      payload: z.strictObject({ outcome: z.enum(['eligible', 'not-eligible']), worksNeeded: z.boolean() }),
      roles: ['lead-agency-practitioner', 'coordinator'],
    },
  },
  workItemTypes: [
    { id: 'sanctuary-safety/home-assessment', label: { en: 'Assess the home for security works' }, kind: 'assessment', ownerRole: 'lead-agency-practitioner', due: 'P5D' },
    { id: 'sanctuary-safety/security-works', label: { en: 'Arrange the security works' }, kind: 'task', ownerRole: 'coordinator', due: 'P10D' },
  ],
  facts: [{ id: 'sanctuary-safety/worksCompletedAt', label: { en: 'Security works completed' }, type: 'instant' }],
  nodeTypes: {
    assessment: {
      label: { en: 'Home security assessment', mi: 'Aromatawai haumaru kāinga' },
      category: 'assessment',
      icon: 'home-shield',
      colour: '#2f6f5e',
      help: { en: 'A provider assesses the home and recommends security works.' },
      typeVersion: 2,
      config: z.strictObject({ provider: z.string().min(1), urgent: z.boolean() }),
      earlier: { 1: { config: z.strictObject({ provider: z.string().min(1) }), migrate: (previous) => ({ ...previous, urgent: false }) } },
      accepts: ['sanctuary-safety.assessed'],
      workItemType: 'sanctuary-safety/home-assessment',
      enter({ state, config }) {
        return {
          state: { assessments: state.assessments + 1, lastProvider: config.provider },
          requests: [{ type: 'sanctuary-safety.book-visit', payload: { provider: config.provider, urgent: config.urgent } }],
        };
      },
    },
  },
  guards: {
    eligible: {
      check: ({ payload }) => (payload.outcome === 'eligible' ? true : { code: 'PWY_PLUGIN_REFUSED', message: 'The home is not eligible for the scheme: record the outcome and carry on without it.' }),
    },
  },
  actions: {
    arrangeWorks: {
      run: ({ payload }) => (payload.worksNeeded === true ? { workItems: [{ workItemType: 'sanctuary-safety/security-works' }] } : undefined),
    },
    addPlanAction: {
      run: () => ({ workItems: [{ workItemType: 'plan-action' }] }),
      effects: { openWorkItem: ['plan-action'] },
    },
  },
  riskTools: {
    homeRisk: {
      label: { en: 'Home risk questions (fictional)' },
      answers: z.strictObject({ addressKnown: z.boolean(), locksBroken: z.boolean(), threatsToHome: z.boolean() }),
      score: (answers) => Object.values(answers).filter((answer) => answer === true).length,
      levels: [
        { atLeast: 3, level: 'high' },
        { atLeast: 2, level: 'escalating' },
        { atLeast: 0, level: 'emerging' },
      ],
    },
  },
  triggers: {
    worksNeeded: {
      label: { en: 'Security works are needed' },
      on: ['sanctuary-safety.assessed'],
      fires: ({ payload }) => payload.worksNeeded === true,
    },
  },
});

/** Loads plugin definitions, failing the test with their problems. */
export function loaded(...definitions: readonly AnyPluginDefinition[]): readonly LoadedPlugin[] {
  const result = loadPlugins(definitions);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.registry.plugins;
}

type Json = Record<string, unknown> & { nodes: Record<string, unknown>[]; transitions: Record<string, unknown>[]; escalations: Record<string, unknown>[] };

/**
 * The baseline with a sanctuary assessment between allocation and the plan: written for version 1
 * of the node type (so loading migrates it), entered from allocation, left on the plugin's event
 * when its guard passes, with the plugin's action on the way out.
 */
export function sanctuaryTemplateJson(edit?: (json: Json) => void): Json {
  const json = baselineJson() as Json;
  json.nodes.push({ id: 'home-security-assessment', stage: 'allocation', type: 'sanctuary-safety/assessment', typeVersion: 1, label: { en: 'Home security assessment' }, config: { provider: 'Fictional Locks Ltd' } });
  json.transitions.find((t) => t.id === 'allocation-complete')!.to = 'home-security-assessment';
  json.transitions.push({
    id: 'home-security-assessed',
    from: 'home-security-assessment',
    to: 'plan-owner-route',
    on: 'sanctuary-safety.assessed',
    guard: { name: 'sanctuary-safety/eligible' },
    actions: [{ name: 'sanctuary-safety/arrangeWorks' }],
  });
  edit?.(json);
  return json;
}

/** Parses a template with plugins, failing the test with its problems. */
export function parsedWith(json: unknown, plugins: readonly LoadedPlugin[]): PathwayTemplate {
  const result = parseTemplate(json, { plugins });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5), null, 2));
  return result.template;
}
