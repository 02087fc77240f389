// The sanctuary scheme inside a tiny fictional pathway (test/fixtures/template.json: referral, the
// home security assessment written for version 1 of the node type, the security works, closure),
// on the real engine through @pathways/testing. Every case, person and provider is fictional.
import { definePlugin, loadPlugins, parseTemplate, validateTemplate, type AnyPluginDefinition } from '@pathways/core';
import { createHarness, type HarnessOptions } from '@pathways/testing';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { plugin } from '../src/index.js';
import templateJson from './fixtures/template.json' with { type: 'json' };

function install(...definitions: AnyPluginDefinition[]) {
  const loaded = loadPlugins(definitions);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.registry.plugins;
}
const plugins = install(plugin);

/** The fixture, optionally edited, read with the plugins. */
function templateWith(edit?: (json: typeof templateJson) => void, installed = plugins) {
  const json = structuredClone(templateJson);
  edit?.(json);
  const parsed = parseTemplate(json, { plugins: installed });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
  return parsed.template;
}

const options: HarnessOptions = { plugins, caseId: 'case-sanctuary-0001', openedAt: '2026-08-03T09:00:00+12:00' };
const practitioner = { role: 'lead-agency-practitioner' };
const coordinator = { role: 'coordinator' };

/** A case referred and now at the assessment. */
function atAssessment(template = templateWith(), harnessOptions = options) {
  const harness = createHarness(template, harnessOptions);
  harness.open();
  harness.send('referral.received', {}, { role: 'referrer' });
  return harness;
}

/** A case whose works were ordered. */
function atWorks(urgentWorks = false) {
  const harness = atAssessment();
  harness.send('sanctuary-safety.assessed', { outcome: 'eligible', consentToWorks: true, urgentWorks }, { ...practitioner, at: '2026-08-05T10:00:00+12:00' });
  return harness;
}

describe('loading', () => {
  it('loads with no problems, at the version package.json gives', () => {
    expect(plugins.map((p) => `${p.name}@${p.version}`)).toEqual([`sanctuary-safety@${packageJson.version}`]);
  });

  it('migrates a node written for version 1 of the assessment to version 2, and says so', () => {
    const result = validateTemplate(templateJson, { plugins });
    expect(result.ok && result.migrations).toEqual([{ node: 'home-security', type: 'sanctuary-safety/assessment', from: 1, to: 2 }]);
    const node = templateWith().nodes.find((n) => n.id === 'home-security');
    expect(node).toMatchObject({ typeVersion: 2, config: { provider: 'Fictional Locks Ltd', urgent: false } });
  });

  it('refuses a version 2 node without its urgent setting, at the config field', () => {
    const json = structuredClone(templateJson);
    Object.assign(json.nodes[3]!, { typeVersion: 2 });
    const result = validateTemplate(json, { plugins });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path.join('.')])).toEqual([['PWY_PLUGIN_CONFIG_INVALID', 'nodes.3.config.urgent']]);
  });
});

describe('the assessment', () => {
  it('opens its work item, books the visit and keeps count in the plugin state', () => {
    const harness = atAssessment();
    harness.expectAt('home-security');
    harness.expectWorkItems({ workItemType: 'sanctuary-safety/home-assessment', status: 'open', ownerRole: 'lead-agency-practitioner', due: '2026-08-08T09:00:00+12:00', count: 1 });
    harness.expectEffects([{ type: 'plugin.request', plugin: 'sanctuary-safety@1.0.0', request: 'sanctuary-safety.book-visit', payload: { provider: 'Fictional Locks Ltd', urgent: false } }]);
    harness.expectNoEffect({ type: 'workItem.created', workItemType: 'plan-action' });
    harness.expectPluginState(plugin, { assessments: 1, worksOrdered: 0, worksCompleted: 0, provider: 'Fictional Locks Ltd' });
  });

  it('when urgent, also opens a plan action for interim measures: the national effect it declares', () => {
    const urgent = templateWith((json) => Object.assign(json.nodes[3]!, { typeVersion: 2, config: { provider: 'Fictional Alarms Ltd', urgent: true } }));
    const harness = atAssessment(urgent);
    harness.expectEffects([
      { type: 'workItem.created', workItemType: 'plan-action', ownerRole: 'lead-agency-practitioner' },
      { type: 'plugin.request', request: 'sanctuary-safety.book-visit', payload: { provider: 'Fictional Alarms Ltd', urgent: true } },
    ]);
  });

  it('without the declaration the same plan action is an incident naming the plugin, and the case does not change', () => {
    const undeclared = definePlugin({ ...plugin, nodeTypes: { assessment: { ...plugin.nodeTypes!.assessment, effects: {} } } });
    const installed = install(undeclared);
    const urgent = templateWith((json) => Object.assign(json.nodes[3]!, { typeVersion: 2, config: { provider: 'Fictional Alarms Ltd', urgent: true } }), installed);
    const harness = createHarness(urgent, { ...options, plugins: installed });
    harness.open();
    const incident = harness.expectIncident('referral.received', {}, { role: 'referrer' });
    expect(incident.plugin).toBe('sanctuary-safety@1.0.0');
    expect(JSON.stringify(incident.error)).toContain('PWY_PLUGIN_EFFECT_UNDECLARED');
    harness.expectAt('intake');
  });

  it("its guard refuses works without the victim-survivor's consent, and nothing changes", () => {
    const harness = atAssessment();
    const refusal = harness.expectRefused('PWY_PLUGIN_REFUSED', 'sanctuary-safety.assessed', { outcome: 'eligible', consentToWorks: false, urgentWorks: true }, practitioner);
    expect(refusal.message).toBe("The security works need the victim-survivor's consent: record it first, or record the home as not eligible.");
    harness.expectAt('home-security');
    harness.expectPluginState(plugin, { worksOrdered: 0 });
  });

  it('only the lead agency or the coordinator records it, with a payload its schema accepts', () => {
    const harness = atAssessment();
    harness.expectRefused('PWY_COMMAND_ROLE_NOT_ALLOWED', 'sanctuary-safety.assessed', { outcome: 'eligible', consentToWorks: true, urgentWorks: false }, { role: 'referrer' });
    const invalid = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'sanctuary-safety.assessed', { outcome: 'eligible', consentToWorks: 'yes', urgentWorks: false }, practitioner);
    expect(invalid.problems.map((p) => p.path.join('.'))).toEqual(['payload.consentToWorks']);
  });

  it('a home that is not eligible goes on without works (the guard leaves it to the other transition)', () => {
    const harness = atAssessment();
    harness.send('sanctuary-safety.assessed', { outcome: 'not-eligible', consentToWorks: false, urgentWorks: false }, practitioner);
    harness.expectAt('closed');
    harness.expectNoEffect({ type: 'plugin.request', request: 'sanctuary-safety.order-works' });
    harness.expectPluginState(plugin, { worksOrdered: 0 });
  });
});

describe('the security works', () => {
  it('are ordered from the provider that assessed the home, and the coordinator arranges them', () => {
    const harness = atWorks(true);
    harness.expectAt('security-works');
    harness.expectEffects([
      { type: 'workItem.updated', node: 'home-security', status: 'done' },
      { type: 'plugin.request', request: 'sanctuary-safety.order-works', transition: 'home-eligible', payload: { provider: 'Fictional Locks Ltd', urgent: true } },
      { type: 'workItem.created', workItemType: 'sanctuary-safety/security-works', ownerRole: 'coordinator', due: '2026-08-15T10:00:00+12:00' },
    ]);
    harness.expectPluginState(plugin, { assessments: 1, worksOrdered: 1 });
  });

  it('completed: the date is recorded as the plugin case fact, and the count kept', () => {
    const harness = atWorks();
    harness.expectFacts({ 'sanctuary-safety/worksCompletedAt': null });
    harness.send('sanctuary-safety.works-completed', { completedAt: '2026-08-12T15:30:00+12:00', alarmFitted: true }, { ...coordinator, at: '2026-08-12T16:00:00+12:00' });
    harness.expectAt('closed');
    harness.expectFacts({ 'sanctuary-safety/worksCompletedAt': '2026-08-12T03:30:00Z' });
    harness.expectWorkItems({ workItemType: 'sanctuary-safety/security-works', status: 'done', count: 1 });
    harness.expectNoEffect({ type: 'escalation.raised' });
    harness.expectPluginState(plugin, (state) => state.worksOrdered === 1 && state.worksCompleted === 1);
  });

  it('completed without a monitored alarm: the trigger fires the escalation that tells the coordinator', () => {
    const harness = atWorks();
    harness.send('sanctuary-safety.works-completed', { completedAt: '2026-08-12T15:30:00+12:00', alarmFitted: false }, { ...coordinator, at: '2026-08-12T16:00:00+12:00' });
    harness.expectEffects([
      { type: 'escalation.raised', rule: 'works-without-alarm', trigger: 'plugin' },
      { type: 'notify.role', role: 'coordinator' },
    ]);
  });

  it('the completion date must be an instant with its offset', () => {
    const refusal = atWorks().expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'sanctuary-safety.works-completed', { completedAt: 'last Tuesday', alarmFitted: true }, coordinator);
    expect(refusal.problems.map((p) => p.path.join('.'))).toEqual(['payload.completedAt']);
  });
});
