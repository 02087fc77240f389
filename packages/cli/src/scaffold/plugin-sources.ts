import type { ScaffoldNames } from './names.js';

// The TypeScript and JSON a new plugin starts with (`pathways plugin new`): a small but real
// definition, its server-side handlers, and a test that drives a case through its node on the
// real engine. Comments in the generated files teach the shape; everything named is fictional.

/** src/index.ts: the definition, isomorphic. */
export function indexSource({ name, title, packageName }: ScaffoldNames): string {
  return `// ${packageName}: a Pathways plugin. This file is its whole definition: what templates can
// use (a node type, an event, a guard, an action), the plugin's state in each case, and its own
// work-item type. It is isomorphic (the designer imports it in a browser), so it imports nothing
// from Node and does no I/O: hooks return what should happen, as data. Work with the outside world
// is in ./server.ts. Every name here is fictional: replace them with your own.
// Guide: "Writing a plugin" (docs/guides/plugins.md); every field: docs/reference/plugin-sdk.md.
import { definePlugin } from '@pathways/core';
import { z } from 'zod';

export const plugin = definePlugin({
  // kebab-case. It namespaces everything below: the node type ${name}/activity, the event
  // ${name}.recorded, the guard ${name}/consentGiven, the work-item type ${name}/activity.
  name: '${name}',
  // Semantic version; keep it equal to package.json's (test/plugin.test.ts checks it).
  version: '0.1.0',
  // The Pathways engine versions this plugin works with; loading refuses it on any other.
  engine: '^0.1.0',
  label: { en: '${title}' },
  description: 'A fictional activity done by a provider, from the pathways plugin new scaffold.',

  // The plugin's own part of each case (context.plugins['${name}']): counts, ids and dates,
  // never personal details. Checked against the schema (and a size bound) on every change.
  state: {
    schema: z.strictObject({ started: z.number().int().min(0), completed: z.number().int().min(0) }),
    initial: { started: 0, completed: 0 },
  },

  // Commands practitioners send to a case at this plugin's nodes. The engine checks the payload
  // against the schema at its boundary, and that the sender acts in one of the roles.
  events: {
    '${name}.recorded': {
      label: { en: 'Record the outcome of the activity' },
      payload: z.strictObject({ consentGiven: z.boolean(), addPlanAction: z.boolean() }),
      roles: ['coordinator'],
    },
  },

  // The plugin's own work-item types, written like a template's; ids are namespaced.
  workItemTypes: [{ id: '${name}/activity', label: { en: 'Do the activity with the provider' }, kind: 'task', ownerRole: 'coordinator', due: 'P5D' }],

  nodeTypes: {
    // A template places it as { "type": "${name}/activity", "typeVersion": 1, "config": { … } }.
    activity: {
      label: { en: '${title} activity' },
      category: 'intervention',
      help: { en: 'A provider does the activity; the coordinator records its outcome.' },
      // Templates pin the version they were written for. When the config's shape changes, bump
      // typeVersion and keep the old version under \`earlier\` with a migration to the next, e.g.:
      //   typeVersion: 2,
      //   config: z.strictObject({ provider: z.string().min(1), urgent: z.boolean() }),
      //   earlier: { 1: { config: z.strictObject({ provider: z.string().min(1) }), migrate: (v1) => ({ ...v1, urgent: false }) } },
      typeVersion: 1,
      // One schema drives the designer's form and the validation of every template that uses it.
      config: z.strictObject({ provider: z.string().min(1).describe('The organisation that does the activity') }),
      // The events this node's outgoing transitions are taken on (the designer offers these).
      accepts: ['${name}.recorded'],
      // Opened when a case enters the node, closed when it leaves (like a human task).
      workItemType: '${name}/activity',
      // Pure: \`config\` and \`state\` are typed from their schemas; no clock, store or network.
      enter: ({ state, config }) => ({
        state: { ...state, started: state.started + 1 },
        // Becomes a plugin.request effect, handled by ./server.ts after the command is committed.
        requests: [{ type: '${name}.notify-provider', payload: { provider: config.provider } }],
      }),
    },
  },

  // A template names it on a transition as { "name": "${name}/consentGiven" }.
  guards: {
    consentGiven: {
      check: ({ payload }) =>
        payload.consentGiven === true ? true : { code: 'PWY_PLUGIN_REFUSED', message: 'Record consent to the activity before recording its outcome.' },
    },
  },

  actions: {
    // Named as { "name": "${name}/complete" }. Opening a plan-action touches a work-item type that
    // is not the plugin's own, so it is declared in \`effects\`: the engine makes an undeclared
    // effect an incident, and \`pathways check\` refuses a variant that places this action where
    // the baseline does not allow local elements to open plan actions (governance.localEffects).
    complete: {
      run: ({ state, payload }) => ({
        state: { ...state, completed: state.completed + 1 },
        ...(payload.addPlanAction === true ? { workItems: [{ workItemType: 'plan-action' }] } : {}),
      }),
      effects: { openWorkItem: ['plan-action'] },
    },
  },
});

// pathways.config.json installs a plugin from its package's default export (or \`plugin\`).
export default plugin;
`;
}

/** src/server.ts: the `./server` entry, effect handlers for the plugin's requests. */
export function serverSource({ name, packageName }: ScaffoldNames): string {
  return `// ${packageName}/server: handlers for the requests the plugin's hooks return. They run on the
// server after the command that emitted the request is committed, so they never refuse it; a
// failing handler is retried with backoff, then becomes an incident someone retries. Delivery is
// at least once: use effectId to do the work once. Kept apart from the definition, which the
// designer imports in a browser.
import { defineEffectHandlers } from '@pathways/core/server';
import { plugin } from './index.js';

/** What the handlers need from the outside world, passed in (tests pass a fake). */
export interface ProviderClient {
  /** Tells the provider about new work. \`reference\` is the same on every retry of one request. */
  notify(reference: string, provider: string): Promise<void>;
}

/** The plugin's handlers, by the request types its hooks return; give them to the server's dispatcher. */
export function createHandlers(client: ProviderClient) {
  return defineEffectHandlers(plugin, {
    '${name}.notify-provider': async (request, { effectId }) => {
      await client.notify(effectId, String(request.payload.provider));
      return undefined;
    },
  });
}
`;
}

/** test/plugin.test.ts: the plugin inside a tiny pathway, on the real engine. */
export function testSource({ name }: ScaffoldNames): string {
  return `// The plugin inside a tiny fictional pathway (test/fixtures/template.json: a referral, the plugin's
// activity, closure; notify nodes fill the other practice steps), on the real engine through @pathways/testing: its work item, its
// request, its state, its guard's refusal and its action's declared effect. Then its server-side
// handler under retries. Every case, person and provider here is fictional.
import { loadPlugins, parseTemplate, validateTemplate } from '@pathways/core';
import { createEffectDispatcher } from '@pathways/core/server';
import { createHarness } from '@pathways/testing';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { plugin } from '../src/index.js';
import { createHandlers } from '../src/server.js';
import templateJson from './fixtures/template.json' with { type: 'json' };

// Install the plugin as pathways.config.json would, and read the template with it.
const loaded = loadPlugins([plugin]);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
const plugins = loaded.registry.plugins;
const parsed = parseTemplate(templateJson, { plugins });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
const template = parsed.template;

/** A case referred and now at the plugin's node. */
function atActivity() {
  const harness = createHarness(template, { plugins, caseId: 'case-${name}-0001', openedAt: '2026-03-02T09:00:00+13:00' });
  harness.open();
  harness.send('referral.received', {}, { role: 'coordinator' });
  return harness;
}

describe('${name}', () => {
  it('loads with no problems, at the version package.json gives', () => {
    expect(plugins.map((installed) => \`\${installed.name}@\${installed.version}\`)).toEqual([\`${name}@\${packageJson.version}\`]);
  });

  it('makes the fixture a valid template, as pathways validate checks it', () => {
    const result = validateTemplate(templateJson, { plugins });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('entering its node opens the work item, asks the provider and counts in the plugin state', () => {
    const harness = atActivity();
    harness.expectAt('activity');
    harness.expectWorkItems({ workItemType: '${name}/activity', status: 'open', ownerRole: 'coordinator', due: '2026-03-07T09:00:00+13:00', count: 1 });
    harness.expectEffects([{ type: 'plugin.request', plugin: \`${name}@\${plugin.version}\`, request: '${name}.notify-provider', payload: { provider: 'Fictional Provider Ltd' } }]);
    harness.expectPluginState(plugin, { started: 1, completed: 0 });
  });

  it('its guard refuses an outcome recorded without consent, and the case does not change', () => {
    const harness = atActivity();
    const refusal = harness.expectRefused('PWY_PLUGIN_REFUSED', '${name}.recorded', { consentGiven: false, addPlanAction: false }, { role: 'coordinator' });
    expect(refusal.message).toBe('Record consent to the activity before recording its outcome.');
    harness.expectAt('activity');
    harness.expectPluginState(plugin, { completed: 0 });
  });

  it('only a coordinator may record the outcome', () => {
    atActivity().expectRefused('PWY_COMMAND_ROLE_NOT_ALLOWED', '${name}.recorded', { consentGiven: true, addPlanAction: false }, { role: 'referrer' });
  });

  it('with consent, its action completes the activity and opens the plan action it declares', () => {
    const harness = atActivity();
    harness.send('${name}.recorded', { consentGiven: true, addPlanAction: true }, { role: 'coordinator' });
    harness.expectEffects([
      { type: 'workItem.updated', node: 'activity', status: 'done' },
      { type: 'workItem.created', workItemType: 'plan-action', ownerRole: 'coordinator' },
    ]);
    harness.expectAt('closed');
    harness.expectPluginState(plugin, (state) => state.started === 1 && state.completed === 1);
  });

  it('its server-side handler is retried with backoff and does the work under one reference', async () => {
    const harness = atActivity();
    const calls: string[] = [];
    const waits: number[] = [];
    const dispatcher = createEffectDispatcher({
      handlers: [
        createHandlers({
          notify: async (reference) => {
            calls.push(reference);
            if (calls.length === 1) throw new Error('The provider is unavailable (fictional).');
          },
        }),
      ],
      retry: { attempts: 3, baseDelayMs: 100 },
      sleep: async (ms) => void waits.push(ms),
    });
    const outcomes = await dispatcher.dispatch('case-${name}-0001', harness.effects);
    expect(outcomes).toMatchObject([{ status: 'handled', attempts: 2 }]);
    expect(waits).toEqual([100]);
    expect(new Set(calls).size).toBe(1);
    expect(dispatcher.incidents).toEqual([]);
  });
});
`;
}

/** test/fixtures/template.json: referral → the plugin's node → closure, valid as `pathways validate` wants it. */
export function templateFixture({ name, title }: ScaffoldNames): string {
  // Every practice step needs an activity: notify nodes (which move on at once) fill the ones the
  // plugin's node does not, so the case goes straight from the referral to the node and on to the end.
  const notify = (id: string, stage: string, text: string) => ({ id, stage, type: 'notify', label: { en: text }, role: 'coordinator', message: { en: text } });
  const template = {
    $schema: '../../node_modules/@pathways/core/schema/pathway-template.schema.json',
    id: `${name}-test-pathway`,
    version: '0.1.0',
    title: { en: `A tiny fictional pathway through the ${title.toLowerCase()} activity` },
    description: "For the plugin's tests: a referral, the plugin's activity, closure. Fictional.",
    jurisdiction: 'NZ',
    kind: 'baseline',
    effectiveFrom: '2026-01-01',
    locality: { timeZone: 'Pacific/Auckland', workingWeekdays: [1, 2, 3, 4, 5], holidays: [] },
    stages: [
      { step: 'recognition', reportingCode: 'FV-REC' },
      { step: 'response', reportingCode: 'FV-RES' },
      { step: 'entryIntoSupport', reportingCode: 'FV-EIS' },
      { step: 'allocation', reportingCode: 'FV-ALL' },
      { step: 'integratedResponse', reportingCode: 'FV-INT' },
      { step: 'monitoring', reportingCode: 'FV-MON' },
    ],
    roles: [
      { id: 'referrer', label: { en: 'Referrer' } },
      { id: 'coordinator', label: { en: 'Coordinator' } },
    ],
    workItemTypes: [{ id: 'plan-action', label: { en: 'Plan action' }, kind: 'task', ownerRole: 'coordinator', due: 'P7D' }],
    events: [{ type: 'referral.received', label: { en: 'Record a referral' } }],
    nodes: [
      { id: 'intake', stage: 'recognition', type: 'start', label: { en: 'Referral intake' } },
      notify('referral-noted', 'response', 'A referral is waiting for the activity'),
      { id: 'activity', stage: 'entryIntoSupport', type: `${name}/activity`, typeVersion: 1, label: { en: `${title} activity` }, config: { provider: 'Fictional Provider Ltd' } },
      notify('outcome-noted', 'allocation', 'The outcome of the activity is recorded'),
      notify('plan-noted', 'integratedResponse', 'Bring the outcome into the safety plan'),
      { id: 'closed', stage: 'monitoring', type: 'end', label: { en: 'Closed' } },
    ],
    transitions: [
      { id: 'referral-received', from: 'intake', to: 'referral-noted', on: 'referral.received' },
      { id: 'to-activity', from: 'referral-noted', to: 'activity' },
      { id: 'activity-recorded', from: 'activity', to: 'outcome-noted', on: `${name}.recorded`, guard: { name: `${name}/consentGiven` }, actions: [{ name: `${name}/complete` }] },
      { id: 'to-plan', from: 'outcome-noted', to: 'plan-noted' },
      { id: 'to-closed', from: 'plan-noted', to: 'closed' },
    ],
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}
