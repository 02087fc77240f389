import { createEngine, definePlugin, loadPlugins, type PluginDefinition } from '@pathways/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { baselineJson, Driver } from './case-driver.js';
import { loaded, parsedWith } from './plugin-fixtures.js';

// A plugin event that is a case record (its `record` hook): taken at any step where no transition
// of the pathway takes it, its guard after the transition's own, its action before the transition's. A fictional
// "welfare check" plugin on the NZ baseline 2.0.0; all data is fictional.

const raised = 'welfare-check.concern-raised';
const resolved = 'welfare-check.concern-resolved';

const welfareCheck = {
  name: 'welfare-check',
  version: '1.0.0',
  engine: '^0.1.0',
  label: { en: 'Welfare check' },
  state: { schema: z.strictObject({ raised: z.number().int().min(0), resolved: z.number().int().min(0) }), initial: { raised: 0, resolved: 0 } },
  events: {
    [raised]: { label: { en: 'Raise a welfare concern' }, payload: z.strictObject({ urgent: z.boolean() }), roles: ['coordinator', 'lead-agency-practitioner'], record: { action: 'openCheck' } },
    [resolved]: { label: { en: 'Resolve the welfare concerns' }, payload: z.strictObject({}), record: { action: 'closeChecks', guard: 'checkOpen' } },
  },
  workItemTypes: [{ id: 'welfare-check/visit', label: { en: 'Welfare visit' }, kind: 'referral', ownerRole: 'coordinator', due: 'P1D' }],
  guards: {
    checkOpen: {
      check: ({ case: view }) => (view.workItems.some((item) => item.workItemType === 'welfare-check/visit') ? true : { code: 'PWY_PLUGIN_REFUSED', message: 'No welfare visit is open.' }),
    },
  },
  actions: {
    openCheck: {
      run: ({ state, payload, at }) => ({
        state: { ...state, raised: state.raised + 1 },
        workItems: [{ workItemType: 'welfare-check/visit', ...(payload.urgent === true ? { due: new Date(Date.parse(at) + 4 * 3_600_000).toISOString() } : {}) }],
      }),
    },
    closeChecks: {
      run: ({ state }) => ({ state: { ...state, resolved: state.resolved + 1 }, closeWorkItems: [{ workItemType: 'welfare-check/visit', status: 'done' }] }),
    },
  },
} satisfies PluginDefinition<z.ZodType<{ raised: number; resolved: number }>, Record<never, never>>;

const plugin = definePlugin(welfareCheck);
const plugins = loaded(plugin);

const referral = {
  caseId: 'case-welfare-0001',
  openedAt: '2026-06-01T08:30:00+12:00',
  persons: [],
  episode: { episodeId: 'episode-0001', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false },
};

const open = (driver: Driver) => driver.engine.view(driver.record).workItems.filter((item) => item.workItemType === 'welfare-check/visit' && item.status === 'open');
const stateOf = (driver: Driver) => driver.record.snapshot.context.plugins['welfare-check'];

type Json = Record<string, unknown> & { transitions: Record<string, unknown>[] };

function driverFor(edit?: (json: Json) => void): Driver {
  // The pathway lists the plugin: its events are named by no element of the baseline.
  const json = baselineJson() as Json;
  json.plugins = { 'welfare-check': '^1.0.0' };
  edit?.(json);
  return new Driver(createEngine(parsedWith(json, plugins)), referral);
}

describe('a plugin event recorded at any step', () => {
  it('is taken wherever the case is, runs its action and leaves the flow where it was', () => {
    const driver = driverFor();
    driver.apply('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, 'referrer');
    expect(driver.at).toEqual(['record-referral']);
    driver.apply(raised, { urgent: true }, 'coordinator', '2026-06-01T10:00:00+12:00');
    expect(driver.at).toEqual(['record-referral']);
    expect(open(driver)).toMatchObject([{ due: '2026-06-01T02:00:00.000Z' }]);
    driver.apply('referral.recorded', { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false }, 'administrator');
    driver.apply(raised, { urgent: false }, 'lead-agency-practitioner');
    expect(driver.at).toEqual(['immediate-safety-actions']);
    expect(open(driver)).toHaveLength(2);
    expect(stateOf(driver)).toEqual({ raised: 2, resolved: 0 });
    // The engine offers it among the commands the case takes now.
    expect(driver.engine.view(driver.record).allowedCommands.map((command) => command.type)).toEqual(expect.arrayContaining([raised, resolved]));
  });

  it('asks its guard: refused with the guard\'s code and message, the case unchanged', () => {
    const driver = driverFor();
    expect(driver.refusedCode(resolved, {}, 'coordinator')).toBe('PWY_PLUGIN_REFUSED');
    const refused = driver.send(resolved, {}, 'coordinator');
    expect(refused.kind === 'refused' && refused.refusal.message).toBe('No welfare visit is open.');
    driver.apply(raised, { urgent: false }, 'coordinator');
    driver.apply(resolved, {}, 'coordinator');
    expect(open(driver)).toEqual([]);
    expect(stateOf(driver)).toEqual({ raised: 1, resolved: 1 });
  });

  it('keeps the event\'s roles and payload schema', () => {
    const driver = driverFor();
    expect(driver.refusedCode(raised, { urgent: false }, 'referrer')).toBe('PWY_COMMAND_ROLE_NOT_ALLOWED');
    expect(driver.refusedCode(raised, { urgent: 'yes' }, 'coordinator')).toBe('PWY_COMMAND_PAYLOAD_INVALID');
  });

  it('belongs to the pathways that use the plugin: one that does not is untouched by it', () => {
    const unused = new Driver(createEngine(parsedWith(baselineJson(), plugins)), referral);
    expect(unused.refusedCode(raised, { urgent: false }, 'coordinator')).toBe('PWY_COMMAND_NOT_ALLOWED');
    expect(unused.record.snapshot.context.plugins).toEqual({});
  });

  it('where the pathway takes the event, is taken there only, the record action first and once', () => {
    const driver = driverFor((json) => {
      json.transitions.push({ id: 'welfare-at-intake', from: 'record-referral', to: 'record-referral', on: raised, actions: [{ name: 'welfare-check/openCheck' }] });
    });
    expect(driver.refusedCode(raised, { urgent: false }, 'coordinator')).toBe('PWY_COMMAND_NOT_ALLOWED');
    driver.apply('referral.received', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }, 'referrer');
    driver.apply(raised, { urgent: false }, 'coordinator');
    expect(open(driver)).toHaveLength(1);
    expect(stateOf(driver)).toEqual({ raised: 1, resolved: 0 });
  });
});

describe('loading a record hook', () => {
  const withEvents = (events: Record<string, unknown>, extra: Record<string, unknown> = {}) => loadPlugins([{ ...welfareCheck, ...extra, events: { ...welfareCheck.events, ...events } }]);
  const problems = (result: ReturnType<typeof loadPlugins>) => (result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path.join('.')}: ${p.message}`));

  it('refuses an action or guard the plugin does not declare', () => {
    expect(problems(withEvents({ [raised]: { ...welfareCheck.events[raised], record: { action: 'openVisit' } } }))).toEqual([
      'PWY_PLUGIN_INVALID plugins.welfare-check.events.welfare-check.concern-raised.record.action: Plugin "welfare-check": "welfare-check.concern-raised" is recorded by the action "openVisit", which the plugin does not declare under actions.',
    ]);
    expect(problems(withEvents({ [resolved]: { ...welfareCheck.events[resolved], record: { action: 'closeChecks', guard: 'visitOpen' } } }))).toHaveLength(1);
    expect(problems(withEvents({ [raised]: { ...welfareCheck.events[raised], record: 'openCheck' } }))[0]).toContain('must be { action, guard? }');
  });

  it('refuses an action that needs params or declares effects on the pathway', () => {
    const actions = (openCheck: Record<string, unknown>) => ({ actions: { ...welfareCheck.actions, openCheck: { ...welfareCheck.actions.openCheck, ...openCheck } } });
    expect(problems(withEvents({}, actions({ params: z.strictObject({ team: z.string() }) })))[0]).toContain('must take no params');
    expect(problems(withEvents({}, actions({ effects: { recordMilestone: ['triaged'] } })))[0]).toContain('declares effects on the pathway');
    expect(problems(withEvents({}, actions({ effects: { recordMilestone: [] } })))).toEqual([]);
  });
});
