import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkVariant, createEngine, definePlugin, engineVersion, loadPlugins, parseTemplate, validateTemplate, type Effect, type LoadedPlugin } from '@pathways/core';
import { createEffectDispatcher, defineEffectHandlers } from '@pathways/core/server';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { Driver } from './case-driver.js';
import { loaded, parsedWith, sanctuaryPlugin, sanctuaryTemplateJson } from './plugin-fixtures.js';

// The plugin SDK end to end: definitions loaded with coded problems, templates loaded against
// them (migrations included), and plugin hooks run by the engine within what they declare. All
// data is fictional.

const ofType = <T extends Effect['type']>(effects: readonly Effect[], type: T) => effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
const codes = (result: { problems: readonly { code: string; path: readonly (string | number)[] }[] }) => result.problems.map((p) => `${p.code} ${p.path.join('.')}`);

const referral = {
  caseId: 'case-plugin-0001',
  openedAt: '2026-06-01T08:30:00+12:00',
  persons: [],
  episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
};

/** Drives a low-risk case to the end of allocation, where the sanctuary assessment follows. */
function toAllocation(driver: Driver): void {
  driver.apply('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, 'referrer');
  driver.apply('referral.recorded', { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false }, 'administrator');
  driver.apply('safety-actions.recorded', { policeAttended: true, safetyOrderIssued: false }, 'referrer');
  driver.apply('risk.assessed', { personId: 'person-aroha', level: 'escalating' });
  driver.apply('screening.completed', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }, 'referrer');
  driver.apply('triage.completed', { tier: 'escalating', repeatEpisode: false }, 'coordinator');
  driver.apply('lead-agency.assigned', { leadAgency: 'womens-refuge' }, 'coordinator');
  driver.apply('contact.made', { personId: 'person-aroha', method: 'phone', supportAccepted: true }, 'lead-agency-practitioner');
  driver.apply('whanau-support.offered', { outcome: 'accepted' }, 'whanau-support-worker');
  driver.apply('outreach.offered', { outcome: 'engaged' }, 'perpetrator-outreach-worker');
  driver.apply('consent.recorded', { consentStatus: 'given', consentSought: true, sharingDecision: 'share-with-consent', purpose: 'decision-or-plan', reasons: 'reason-code-consent' }, 'lead-agency-practitioner');
  driver.apply('workers.allocated', { specialistVictimAdvocate: false, perpetratorOutreach: true, whanauSupport: true }, 'coordinator');
}

describe('loading plugins', () => {
  it('loads a well-formed plugin and holds the engine version equal to the package version', () => {
    const result = loadPlugins([sanctuaryPlugin]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.registry.versions).toEqual(['sanctuary-safety@1.2.0']);
      expect(result.registry.plugins[0]!.nodeTypes).toMatchObject([{ type: 'sanctuary-safety/assessment', versions: [1, 2] }]);
    }
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(engineVersion).toBe(pkg.version);
  });

  it('refuses what cannot be a plugin, naming the plugin, the contribution and the fix', () => {
    const bad = (edit: Record<string, unknown>) => ({ ...sanctuaryPlugin, ...edit });
    const cases: [unknown[], string[]][] = [
      [[42], ['PWY_PLUGIN_INVALID plugins.0']],
      [[bad({ name: 'Sanctuary Safety' })], ['PWY_PLUGIN_INVALID plugins.0.name']],
      [[sanctuaryPlugin, sanctuaryPlugin], ['PWY_PLUGIN_DUPLICATE plugins.sanctuary-safety']],
      [[bad({ version: 'one' })], ['PWY_PLUGIN_INVALID plugins.sanctuary-safety.version']],
      [[bad({ engine: '^9.0.0' })], ['PWY_PLUGIN_ENGINE_RANGE plugins.sanctuary-safety.engine']],
      [[bad({ events: { 'visit.booked': { label: { en: 'Booked' }, payload: z.strictObject({}) } } })], ['PWY_PLUGIN_INVALID plugins.sanctuary-safety.events.visit.booked', 'PWY_PLUGIN_INVALID plugins.sanctuary-safety.nodeTypes.assessment.accepts']],
      [[bad({ state: { schema: z.strictObject({ when: z.date() }), initial: { when: new Date(0) } } })], ['PWY_PLUGIN_SCHEMA_NOT_JSON plugins.sanctuary-safety.state.schema']],
      [[bad({ nodeTypes: { assessment: { ...sanctuaryPlugin.nodeTypes!.assessment, earlier: {} } } })], ['PWY_PLUGIN_INVALID plugins.sanctuary-safety.nodeTypes.assessment.earlier.1']],
      [[bad({ actions: { addPlanAction: { run: () => undefined, effects: { closeWorkItem: ['plan-action'] } } } })], ['PWY_PLUGIN_INVALID plugins.sanctuary-safety.actions.addPlanAction.effects.closeWorkItem']],
      [[bad({ workItemTypes: [{ id: 'home-assessment', label: { en: 'Home' }, kind: 'task' }] })], ['PWY_PLUGIN_INVALID plugins.sanctuary-safety.workItemTypes.0.id', 'PWY_PLUGIN_INVALID plugins.sanctuary-safety.nodeTypes.assessment.workItemType']],
      [[sanctuaryPlugin, { name: 'other-scheme', version: '1.0.0', engine: '^0.1.0', label: { en: 'Another scheme' }, facts: sanctuaryPlugin.facts }], ['PWY_PLUGIN_DUPLICATE plugins.other-scheme.facts.0', 'PWY_PLUGIN_INVALID plugins.other-scheme.facts.0.id']],
    ];
    for (const [definitions, expected] of cases) {
      const result = loadPlugins(definitions);
      expect(result.ok).toBe(false);
      expect(codes(result).sort()).toEqual([...expected].sort());
    }
    const range = loadPlugins([bad({ engine: '^9.0.0' })]);
    expect(range.problems[0]!.message).toBe(`Plugin "sanctuary-safety": it needs engine ^9.0.0, but this engine is ${engineVersion}.`);
  });
});

describe('templates loaded against plugins', () => {
  const plugins = loaded(sanctuaryPlugin);

  it('migrates nodes written for an earlier node-type version, step by step, and says which', () => {
    const result = validateTemplate(sanctuaryTemplateJson(), { plugins });
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.migrations).toEqual([{ node: 'home-security-assessment', type: 'sanctuary-safety/assessment', from: 1, to: 2 }]);
    const node = result.template.nodes.find((n) => n.id === 'home-security-assessment');
    expect(node).toMatchObject({ typeVersion: 2, config: { provider: 'Fictional Locks Ltd', urgent: false } });
    // The plugin's own work-item types and facts stand beside the template's.
    expect(result.template.workItemTypes.map((w) => w.id)).toContain('sanctuary-safety/security-works');
    expect(result.template.facts.map((f) => f.id)).toContain('sanctuary-safety/worksCompletedAt');
  });

  it('refuses a node type, version, configuration or contribution no installed plugin provides, at its path', () => {
    const at = (json: ReturnType<typeof sanctuaryTemplateJson>) => json.nodes.length - 1;
    const node = (edit: Record<string, unknown>) => sanctuaryTemplateJson((json) => Object.assign(json.nodes[at(json)]!, edit));
    expect(codes(parseTemplate(sanctuaryTemplateJson()))).toContain(`PWY_PLUGIN_NODE_TYPE_UNKNOWN nodes.${at(sanctuaryTemplateJson())}.type`);
    const n = at(sanctuaryTemplateJson());
    expect(codes(parseTemplate(node({ typeVersion: 3 }), { plugins }))).toEqual([`PWY_PLUGIN_NODE_VERSION nodes.${n}.typeVersion`]);
    expect(codes(parseTemplate(node({ config: { provider: '' } }), { plugins }))).toEqual([`PWY_PLUGIN_CONFIG_INVALID nodes.${n}.config.provider`]);
    expect(codes(parseTemplate(node({ typeVersion: 2, config: { provider: 'Fictional Locks Ltd' } }), { plugins }))).toEqual([`PWY_PLUGIN_CONFIG_INVALID nodes.${n}.config.urgent`]);
    const guard = sanctuaryTemplateJson((json) => {
      json.transitions.at(-1)!.guard = { name: 'sanctuary-safety/eligable' };
    });
    const problems = parseTemplate(guard, { plugins }).problems;
    expect(problems.map((p) => p.code)).toEqual(['PWY_PLUGIN_REFERENCE']);
    expect(problems[0]!.message).toBe('The plugin "sanctuary-safety" provides no guard "sanctuary-safety/eligable".');
  });

  it('reports a migration that fails, naming the plugin and its version', () => {
    const broken = definePlugin({ ...sanctuaryPlugin, nodeTypes: { assessment: { ...sanctuaryPlugin.nodeTypes!.assessment, earlier: { 1: { config: z.strictObject({ provider: z.string() }), migrate: () => ({ provider: 'x' }) } } } } });
    const problems = parseTemplate(sanctuaryTemplateJson(), { plugins: loaded(broken) }).problems;
    expect(problems.map((p) => p.code)).toEqual(['PWY_PLUGIN_MIGRATION_FAILED']);
    expect(problems[0]!.message).toContain('sanctuary-safety@1.2.0 migrated "home-security-assessment" to sanctuary-safety/assessment version 2, but that version refuses the result');
  });
});

describe('plugin hooks in the engine', () => {
  const plugins = loaded(sanctuaryPlugin);
  const template = parsedWith(sanctuaryTemplateJson(), plugins);

  it('runs a plugin node: its work item, its state, its request; its event, guard and action', () => {
    const driver = new Driver(createEngine(template, { plugins }), referral);
    toAllocation(driver);
    const entered = driver.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
    expect(driver.at).toEqual(['home-security-assessment']);
    expect(ofType(entered, 'workItem.created')).toMatchObject([{ workItemType: 'sanctuary-safety/home-assessment', node: 'home-security-assessment', ownerRole: 'lead-agency-practitioner' }]);
    expect(ofType(entered, 'plugin.request')).toMatchObject([{ plugin: 'sanctuary-safety@1.2.0', request: 'sanctuary-safety.book-visit', payload: { provider: 'Fictional Locks Ltd', urgent: false }, node: 'home-security-assessment' }]);
    expect(driver.engine.view(driver.record).plugins).toEqual({ 'sanctuary-safety': { assessments: 1, lastProvider: 'Fictional Locks Ltd' } });
    expect(driver.record.plugins).toEqual(['sanctuary-safety@1.2.0']);
    // The plugin's event is offered, with its own payload schema, only to its roles.
    expect(driver.engine.view(driver.record).allowedCommands[0]).toMatchObject({ type: 'sanctuary-safety.assessed', roles: ['lead-agency-practitioner', 'coordinator'] });
    expect(driver.refusedCode('sanctuary-safety.assessed', { outcome: 'maybe', worksNeeded: true }, 'coordinator')).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    const refused = driver.engine.send(driver.record, driver.command('sanctuary-safety.assessed', { outcome: 'not-eligible', worksNeeded: false }, 'coordinator'));
    expect(refused).toMatchObject({ kind: 'refused', refusal: { code: 'PWY_PLUGIN_REFUSED', message: 'The home is not eligible for the scheme: record the outcome and carry on without it.' } });
    const left = driver.apply('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: true }, 'coordinator');
    expect(driver.at).toEqual(['develop-plan']);
    expect(ofType(left, 'workItem.created').map((e) => e.workItemType)).toContain('sanctuary-safety/security-works');
    expect(ofType(left, 'workItem.updated')).toContainEqual(expect.objectContaining({ node: 'home-security-assessment', status: 'done' }));
  });

  it('scores a plugin\'s risk tool to a level that raises the tier; answers are checked against its questionnaire', () => {
    const driver = new Driver(createEngine(template, { plugins }), referral);
    expect(driver.refusedCode('riskTool.completed', { tool: 'sanctuary-safety/homeRisk', personId: 'person-aroha', answers: { addressKnown: 'yes' } })).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    expect(driver.refusedCode('riskTool.completed', { tool: 'sanctuary-safety/otherTool', personId: 'person-aroha', answers: {} })).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    const effects = driver.apply('riskTool.completed', { tool: 'sanctuary-safety/homeRisk', personId: 'person-aroha', answers: { addressKnown: true, locksBroken: true, threatsToHome: true } });
    expect(ofType(effects, 'tier.changed')).toMatchObject([{ from: null, to: 'high', source: 'assessment' }]);
    expect(driver.engine.view(driver.record).persons.find((p) => p.id === 'person-aroha')?.risk).toMatchObject({ level: 'high', tool: 'sanctuary-safety/homeRisk', score: 3 });
  });

  it('keeps each assessment with its tool, version, answers, score and judgement; judgement raises a scored level, never lowers it', () => {
    const driver = new Driver(createEngine(template, { plugins }), referral);
    const answers = { addressKnown: true, locksBroken: true, threatsToHome: false };
    expect(driver.refusedCode('riskTool.completed', { tool: 'sanctuary-safety/homeRisk', personId: 'person-aroha', answers, judgement: { level: 'emerging', reason: 'reason-code-seems-fine' } })).toBe('PWY_RISK_JUDGEMENT_LOWERS');
    expect(driver.refusedCode('riskTool.completed', { tool: 'sanctuary-safety/homeRisk', personId: 'person-aroha', answers, judgement: { level: 'high' } })).toBe('PWY_COMMAND_PAYLOAD_INVALID');
    const raised = driver.apply('riskTool.completed', { tool: 'sanctuary-safety/homeRisk', personId: 'person-aroha', answers, judgement: { level: 'high', reason: 'reason-code-escalating-threats' } });
    expect(ofType(raised, 'assessment.recorded')).toEqual([
      expect.objectContaining({ personId: 'person-aroha', tool: 'sanctuary-safety/homeRisk', toolVersion: '1.2.0', score: 2, scoreLevel: 'escalating', level: 'high', judgement: { level: 'high', reason: 'reason-code-escalating-threats' }, answers }),
    ]);
    expect(driver.engine.view(driver.record).tier).toBe('high');
    expect(driver.engine.view(driver.record, driver.history).assessments).toMatchObject([{ tool: 'sanctuary-safety/homeRisk', level: 'high', by: 'kaimahi-test' }]);
  });

  it('records the answers and gives no level when a tool cannot score here; bands may come from the pathway\'s parameters', () => {
    const weighted = definePlugin({
      name: 'weighted-tools',
      version: '0.3.0',
      engine: '^0.1.0',
      label: { en: 'Weighted tools (fictional)' },
      options: { schema: z.strictObject({ weights: z.record(z.string(), z.number()).optional() }) },
      parameters: { severeFrom: { kind: 'number', value: 5, governance: { mode: 'tailorable', bounds: { value: { min: 3, max: 5 } } } } },
      riskTools: {
        weighted: {
          label: { en: 'Weighted items' },
          version: '2.1',
          answers: z.strictObject({ a: z.boolean(), b: z.boolean() }),
          score: (answers, { options }) => {
            const weights = (options as { weights?: Record<string, number> }).weights;
            return weights ? Object.entries(answers).reduce((sum, [item, yes]) => sum + (yes === true ? (weights[item] ?? 0) : 0), 0) : null;
          },
          levels: [{ atLeast: { param: 'weighted-tools/severeFrom' }, level: 'high' }, { atLeast: 0, level: 'emerging' }],
        },
      },
    });
    const run = (options: unknown) => {
      const result = loadPlugins([sanctuaryPlugin, weighted], { options: { 'weighted-tools': options } });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      // The pathway lists the plugin: its risk tool is named by no element, only in commands.
      const json = sanctuaryTemplateJson((template) => Object.assign(template, { plugins: { 'weighted-tools': '^0.3.0' } }));
      const driver = new Driver(createEngine(parsedWith(json, result.registry.plugins), { plugins: result.registry.plugins }), referral);
      return ofType(driver.apply('riskTool.completed', { tool: 'weighted-tools/weighted', personId: 'person-aroha', answers: { a: true, b: true } }), 'assessment.recorded')[0];
    };
    expect(run({})).toMatchObject({ score: null, scoreLevel: null, level: null, toolVersion: '2.1', answers: { a: true, b: true } });
    expect(run({ weights: { a: 3, b: 2 } })).toMatchObject({ score: 5, level: 'high' });
    expect(run({ weights: { a: 3, b: 1 } })).toMatchObject({ score: 4, level: 'emerging' });
    expect(loadPlugins([weighted], { options: { 'weighted-tools': { weights: 'heavy' } } }).problems.map((p) => p.path.join('.'))).toEqual(['plugins.weighted-tools.options.weights']);
  });

  it('refuses a template whose tiers lack a level an installed risk tool gives', () => {
    const json = sanctuaryTemplateJson((t) => {
      const tiers = t.tiers as { levels: { id: string }[] };
      tiers.levels = tiers.levels.filter((level) => level.id !== 'emerging');
    });
    expect(parseTemplate(json, { plugins }).problems.map((p) => p.message)).toContain(
      'The risk tool "sanctuary-safety/homeRisk" (sanctuary-safety@1.2.0) gives the level "emerging", which is not one of this pathway\'s tiers (escalating, high, intensive).',
    );
  });

  it('fires a plugin trigger type after the events it names', () => {
    const json = sanctuaryTemplateJson((t) => {
      t.escalations.push({ id: 'security-works-needed', label: { en: 'Security works needed: tell the coordinator' }, trigger: { kind: 'plugin', type: 'sanctuary-safety/worksNeeded' }, response: [{ kind: 'notify', role: 'coordinator' }] });
    });
    const driver = new Driver(createEngine(parsedWith(json, plugins), { plugins }), referral);
    toAllocation(driver);
    driver.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
    // The event is the flow's: where the flow refuses it, it is refused, and nothing is set off.
    const refused = driver.engine.send(driver.record, driver.command('sanctuary-safety.assessed', { outcome: 'not-eligible', worksNeeded: true }, 'coordinator'));
    expect(refused).toMatchObject({ kind: 'refused', refusal: { code: 'PWY_PLUGIN_REFUSED' } });
    const effects = driver.apply('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: true }, 'coordinator');
    expect(ofType(effects, 'escalation.raised')).toMatchObject([{ rule: 'security-works-needed', trigger: 'plugin' }]);
    expect(driver.refusedCode('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: true }, 'coordinator')).toBe('PWY_COMMAND_NOT_ALLOWED');
  });

  it('lets a hook act on a national element only as it declares; anything else is an incident naming plugin@version and changes nothing', () => {
    const declaredJson = sanctuaryTemplateJson((json) => {
      (json.transitions.at(-1)!.actions as unknown[]).push({ name: 'sanctuary-safety/addPlanAction' });
    });
    const driver = new Driver(createEngine(parsedWith(declaredJson, plugins), { plugins }), referral);
    toAllocation(driver);
    driver.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
    expect(ofType(driver.apply('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: false }, 'coordinator'), 'workItem.created').map((e) => e.workItemType)).toContain('plan-action');

    const sneaky = definePlugin({ ...sanctuaryPlugin, actions: { ...sanctuaryPlugin.actions!, addPlanAction: { run: () => ({ workItems: [{ workItemType: 'plan-action' }], milestones: ['child-check-done'] }), effects: { openWorkItem: ['plan-action'] } } } });
    const sneakyPlugins = loaded(sneaky);
    const other = new Driver(createEngine(parsedWith(declaredJson, sneakyPlugins), { plugins: sneakyPlugins }), { ...referral, caseId: 'case-plugin-0002' });
    toAllocation(other);
    other.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
    const before = other.record;
    const result = other.engine.send(before, other.command('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: false }, 'coordinator'));
    expect(result).toMatchObject({ kind: 'incident', incident: { code: 'PWY_CASE_INCIDENT', plugin: 'sanctuary-safety@1.2.0' } });
    if (result.kind === 'incident') expect(result.incident.error).toContain('PWY_PLUGIN_EFFECT_UNDECLARED: action sanctuary-safety/addPlanAction recorded the milestone "child-check-done" without declaring it');
    expect(other.record).toBe(before);
  });

  it('refuses a state that breaks its schema or bound as an incident, and a throwing guard too; the retry applies once the cause is gone', () => {
    let failures = 1;
    const flaky = definePlugin({
      ...sanctuaryPlugin,
      guards: {
        eligible: {
          check: (args) => {
            if (failures > 0) {
              failures -= 1;
              throw new Error('the eligibility service timed out');
            }
            return sanctuaryPlugin.guards!.eligible!.check(args);
          },
        },
      },
    });
    const flakyPlugins = loaded(flaky);
    const driver = new Driver(createEngine(parsedWith(sanctuaryTemplateJson(), flakyPlugins), { plugins: flakyPlugins }), referral);
    toAllocation(driver);
    driver.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
    const first = driver.engine.send(driver.record, driver.command('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: false }, 'coordinator'));
    expect(first).toMatchObject({ kind: 'incident', incident: { plugin: 'sanctuary-safety@1.2.0' } });
    if (first.kind !== 'incident') return;
    expect(first.incident.error).toContain('the eligibility service timed out');
    const retried = driver.engine.retryIncident(driver.record, first.incident);
    expect(retried.kind).toBe('applied');

    const bloated = definePlugin({
      ...sanctuaryPlugin,
      state: { ...sanctuaryPlugin.state!, maxBytes: 60 },
      nodeTypes: { assessment: { ...sanctuaryPlugin.nodeTypes!.assessment, enter: ({ state }) => ({ state: { ...state, lastProvider: 'x'.repeat(100) } }) } },
    });
    const bloatedPlugins = loaded(bloated);
    const other = new Driver(createEngine(parsedWith(sanctuaryTemplateJson(), bloatedPlugins), { plugins: bloatedPlugins }), { ...referral, caseId: 'case-plugin-0003' });
    toAllocation(other);
    const result = other.engine.send(other.record, other.command('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator'));
    expect(result).toMatchObject({ kind: 'incident', incident: { plugin: 'sanctuary-safety@1.2.0' } });
    if (result.kind === 'incident') expect(result.incident.error).toContain('PWY_PLUGIN_STATE_INVALID');
  });
});

describe('plugins closing work', () => {
  it('closes work of its own types, and national work only as declared', () => {
    const closing = definePlugin({
      ...sanctuaryPlugin,
      actions: {
        ...sanctuaryPlugin.actions!,
        arrangeWorks: { run: () => ({ closeWorkItems: [{ workItemType: 'sanctuary-safety/home-assessment', status: 'cancelled' }, { workItemType: 'first-contact', status: 'done' }] }) },
      },
    });
    const plugins = loaded(closing);
    const driver = new Driver(createEngine(parsedWith(sanctuaryTemplateJson(), plugins), { plugins }), referral);
    toAllocation(driver);
    driver.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
    driver.apply('plan.actionAdded', { planType: 'family-safety-plan', workItemType: 'first-contact' });
    const result = driver.engine.send(driver.record, driver.command('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: true }, 'coordinator'));
    expect(result).toMatchObject({ kind: 'incident' });
    if (result.kind === 'incident') expect(result.incident.error).toContain('closed national work "first-contact" without declaring it');
  });
});

describe('plugin code cannot change what it reads', () => {
  it('a hook that changes its state or the case view in place is an incident, and the case and the plugin\'s initial state are unchanged', () => {
    const meddling = definePlugin({
      ...sanctuaryPlugin,
      nodeTypes: {
        assessment: {
          ...sanctuaryPlugin.nodeTypes!.assessment,
          enter: ({ state }) => {
            (state as { assessments: number }).assessments += 1;
            return { state };
          },
        },
      },
    });
    const plugins = loaded(meddling);
    const driver = new Driver(createEngine(parsedWith(sanctuaryTemplateJson(), plugins), { plugins }), referral);
    toAllocation(driver);
    const before = driver.record;
    const result = driver.engine.send(before, driver.command('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator'));
    expect(result).toMatchObject({ kind: 'incident', incident: { plugin: 'sanctuary-safety@1.2.0' } });
    expect(meddling.state!.initial).toEqual({ assessments: 0, lastProvider: null });
    expect(driver.engine.view(before).plugins).toEqual({ 'sanctuary-safety': { assessments: 0, lastProvider: null } });
  });
});

describe('plugin state across plugin versions', () => {
  it('migrates a state an earlier version left in a case on first use, and refuses one it cannot bring forward', () => {
    const earlier = definePlugin({ ...sanctuaryPlugin, version: '1.1.0', state: { schema: z.strictObject({ assessments: z.number().int() }), initial: { assessments: 0 } }, nodeTypes: { assessment: { ...sanctuaryPlugin.nodeTypes!.assessment, enter: ({ state }) => ({ state: { assessments: state.assessments + 1 } }) } } });
    const earlierPlugins = loaded(earlier);
    const driver = new Driver(createEngine(parsedWith(sanctuaryTemplateJson(), earlierPlugins), { plugins: earlierPlugins }), referral);
    toAllocation(driver);
    driver.apply('cultural-service.chosen', { choice: 'not-applicable' }, 'coordinator');
    expect(driver.engine.view(driver.record).plugins).toEqual({ 'sanctuary-safety': { assessments: 1 } });

    // The case carries on under 1.2.0, whose state also names the last provider.
    const current = definePlugin({ ...sanctuaryPlugin, state: { ...sanctuaryPlugin.state!, migrate: (previous) => ({ assessments: (previous as { assessments: number }).assessments, lastProvider: null }) } });
    const currentPlugins = loaded(current);
    const later = createEngine(parsedWith(sanctuaryTemplateJson(), currentPlugins), { plugins: currentPlugins });
    const guarded = later.send(driver.record, driver.command('sanctuary-safety.assessed', { outcome: 'not-eligible', worksNeeded: false }, 'coordinator'));
    expect(guarded).toMatchObject({ kind: 'refused', refusal: { code: 'PWY_PLUGIN_REFUSED' } });

    const without = loaded(definePlugin({ ...sanctuaryPlugin, guards: { eligible: { check: ({ state }) => (state.assessments > 0 ? true : { code: 'PWY_PLUGIN_REFUSED', message: 'No assessment yet.' }) } } }));
    const unmigrated = createEngine(parsedWith(sanctuaryTemplateJson(), without), { plugins: without }).send(driver.record, driver.command('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: false }, 'coordinator'));
    expect(unmigrated).toMatchObject({ kind: 'incident', incident: { plugin: 'sanctuary-safety@1.2.0' } });
    if (unmigrated.kind === 'incident') expect(unmigrated.incident.error).toContain('has no state.migrate');
    const migrating = loaded(definePlugin({ ...current, guards: { eligible: { check: ({ state }) => (state.lastProvider === null && state.assessments === 1 ? true : { code: 'PWY_PLUGIN_REFUSED', message: 'Unexpected state.' }) } } }));
    expect(createEngine(parsedWith(sanctuaryTemplateJson(), migrating), { plugins: migrating }).send(driver.record, driver.command('sanctuary-safety.assessed', { outcome: 'eligible', worksNeeded: false }, 'coordinator')).kind).toBe('applied');
  });
});

describe('effect handlers (server side)', () => {
  const request = (effectId: string) => ({ type: 'plugin.request' as const, effectId, plugin: 'sanctuary-safety@1.2.0', request: 'sanctuary-safety.book-visit', payload: { provider: 'Fictional Locks Ltd' } });

  it('retries a failing handler with backoff, then raises an incident that can be retried once the cause is fixed', async () => {
    const waits: number[] = [];
    let down = true;
    let calls = 0;
    const handlers = defineEffectHandlers(sanctuaryPlugin, {
      'sanctuary-safety.book-visit': async () => {
        calls += 1;
        if (down) throw new Error('booking service unavailable');
        return { events: [{ type: 'sanctuary-safety.visit-booked', payload: { when: '2026-06-09T10:00:00+12:00' } }] };
      },
    });
    const dispatcher = createEffectDispatcher({ handlers: [handlers], retry: { attempts: 4, baseDelayMs: 100 }, sleep: async (ms) => void waits.push(ms) });
    const [outcome] = await dispatcher.dispatch('case-plugin-0001', [request('case-plugin-0001:13:5')]);
    expect(outcome).toMatchObject({ status: 'incident', incident: { code: 'PWY_PLUGIN_HANDLER_FAILED', attempts: 4, error: 'booking service unavailable', plugin: 'sanctuary-safety@1.2.0' } });
    expect(waits).toEqual([100, 200, 400]);
    expect(calls).toBe(4);
    expect(dispatcher.incidents).toHaveLength(1);
    down = false;
    const retried = await dispatcher.retry(dispatcher.incidents[0]!.incidentId);
    expect(retried).toMatchObject({ status: 'handled', attempts: 1, reply: { events: [{ type: 'sanctuary-safety.visit-booked' }] } });
    expect(dispatcher.incidents).toEqual([]);
  });

  it('passes other effects by, and says when no handler is installed for a request', async () => {
    const dispatcher = createEffectDispatcher({ handlers: [], sleep: async () => undefined });
    const outcomes = await dispatcher.dispatch('case-plugin-0001', [{ type: 'notify.role', effectId: 'case-plugin-0001:2:1', role: 'coordinator', message: 'hello' }, request('case-plugin-0001:13:5')]);
    expect(outcomes).toEqual([{ effectId: 'case-plugin-0001:13:5', status: 'unhandled', reason: 'No handler for "sanctuary-safety.book-visit" of sanctuary-safety@1.2.0 is installed.' }]);
  });
});

describe('plugins a case runs with', () => {
  it('record plugin@version on every case, so replaying with another version is visible', () => {
    const plugins: readonly LoadedPlugin[] = loaded(sanctuaryPlugin);
    const driver = new Driver(createEngine(parsedWith(sanctuaryTemplateJson(), plugins), { plugins }), referral);
    expect(driver.record.plugins).toEqual(['sanctuary-safety@1.2.0']);
  });
});

describe('the national floor and plugin nodes in variants', () => {
  const nodeAt = (typeVersion = 2) => ({
    op: 'addFragment',
    point: 'local-services',
    nodes: [{ id: 'chc/home-security', stage: 'allocation', type: 'sanctuary-safety/assessment', typeVersion, label: { en: 'Home security assessment' }, config: { provider: 'Fictional Locks Ltd', urgent: true } }],
    entry: 'chc/home-security',
    exit: { node: 'chc/home-security', on: 'sanctuary-safety.assessed' },
  });
  const variant = {
    kind: 'variant',
    id: 'nz-chc-sanctuary',
    version: '1.0.0',
    title: { en: 'Canterbury with the sanctuary scheme (fictional)' },
    locality: { id: 'chc', level: 'regional', name: 'Canterbury' },
    extends: { id: 'nz-national-baseline', version: '2.0.0' },
    effectiveFrom: '2027-01-01',
    changes: [nodeAt()],
  };
  const baseline = parsedWith(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8')), []);

  it('accepts a plugin node at an adjustment point when what its type declares is allowed', () => {
    expect(checkVariant(baseline, variant, undefined, { plugins: loaded(sanctuaryPlugin) }).problems).toEqual([]);
  });

  it('refuses one whose node type declares an effect on a national element the baseline does not allow, naming it', () => {
    const forging = definePlugin({ ...sanctuaryPlugin, nodeTypes: { assessment: { ...sanctuaryPlugin.nodeTypes!.assessment, effects: { recordMilestone: ['child-check-done'], openWorkItem: ['plan-action'] } } } });
    const problems = checkVariant(baseline, variant, undefined, { plugins: loaded(forging) }).problems;
    expect(problems.map((p) => [p.code, p.change, p.path.join('.')])).toEqual([['PWY_VARIANT_LOCAL_EFFECT', 0, 'changes.0.nodes.0.type']]);
    expect(problems[0]!.message).toBe(
      'The local sanctuary-safety/assessment node "chc/home-security" may record the national milestone "child-check-done" (as sanctuary-safety@1.2.0 declares), and the national team has not allowed local steps to record it (recordMilestone). Use the plugin where the national flow allows it, or a plugin that does not record it.',
    );
  });

  it('checks the plugin node\'s configuration in the resolved pathway, without the plugin it is unknown', () => {
    expect(checkVariant(baseline, variant).problems.map((p) => p.code)).toContain('PWY_PLUGIN_NODE_TYPE_UNKNOWN');
  });
});
