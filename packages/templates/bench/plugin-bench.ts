// Plugins in `pnpm bench`: loading and compiling with a plugin (cold and cached), and a plugin
// node's command as a ratio to the same command at a core node. The two templates are the NZ
// baseline with one extra activity after allocation, identical but for the activity: a core human
// task with a core guard and action, or a plugin node with the plugin's guard and action.
import { compile, createEngine, definePlugin, loadPlugins, parseTemplate, type CaseRecord, type LoadedPlugin, type PathwayTemplate } from '@pathways/core';
import { nzBaselinePlugins, nzNationalBaselineJson } from '@pathways/templates';
import { z } from 'zod';

type Timer = (fn: () => void, runs: number, warmup?: number) => number;
type Row = (name: string, value: string, extra?: string) => void;

/** A fictional scheme's check: its node counts what it is told in the plugin's state and tells the coordinator. */
const benchPlugin = definePlugin({
  name: 'bench-scheme',
  version: '1.0.0',
  engine: '^0.1.0',
  label: { en: 'Bench scheme (fictional)' },
  state: { schema: z.strictObject({ notes: z.number().int() }), initial: { notes: 0 } },
  events: {
    'bench-scheme.noted': { label: { en: 'Note something' }, payload: z.strictObject({ kind: z.enum(['note', 'other']) }) },
    'bench-scheme.done': { label: { en: 'Done' }, payload: z.strictObject({}) },
  },
  nodeTypes: {
    check: { label: { en: 'Scheme check' }, category: 'check', typeVersion: 1, config: z.strictObject({ provider: z.string() }), accepts: ['bench-scheme.noted', 'bench-scheme.done'] },
  },
  guards: { isNote: { check: ({ payload }) => (payload.kind === 'note' ? true : { code: 'PWY_PLUGIN_REFUSED', message: 'Only notes.' }) } },
  actions: { count: { run: ({ state }) => ({ state: { notes: state.notes + 1 }, notify: [{ role: 'coordinator', message: 'noted' }] }) } },
});

type Json = Record<string, unknown> & { nodes: Record<string, unknown>[]; transitions: Record<string, unknown>[]; events: Record<string, unknown>[] };

/** The baseline with a check after allocation: a core human task (plugin: false) or the plugin's node. */
function templateJson(plugin: boolean, version: string): Json {
  const json = structuredClone(nzNationalBaselineJson) as unknown as Json;
  json.version = version;
  const noted = plugin ? 'bench-scheme.noted' : 'bench.noted';
  const done = plugin ? 'bench-scheme.done' : 'bench.done';
  json.nodes.push(
    plugin
      ? { id: 'bench-check', stage: 'allocation', type: 'bench-scheme/check', typeVersion: 1, label: { en: 'Scheme check' }, config: { provider: 'Fictional Provider' } }
      : { id: 'bench-check', stage: 'allocation', type: 'humanTask', label: { en: 'Scheme check' }, ownerRole: 'coordinator' },
  );
  if (!plugin) json.events.push({ type: 'bench.noted', label: { en: 'Note something' }, payload: { kind: { type: 'enum', values: ['note', 'other'] } } }, { type: 'bench.done', label: { en: 'Done' } });
  json.transitions.find((t) => t.id === 'allocation-complete')!.to = 'bench-check';
  json.transitions.push(
    {
      id: 'bench-noted',
      from: 'bench-check',
      to: 'bench-check',
      on: noted,
      guard: plugin ? { name: 'bench-scheme/isNote' } : { name: 'payloadEquals', params: { field: 'kind', value: 'note' } },
      actions: [plugin ? { name: 'bench-scheme/count' } : { name: 'notifyRole', params: { role: 'coordinator', message: 'noted' } }],
    },
    { id: 'bench-done', from: 'bench-check', to: 'plan-owner-route', on: done },
  );
  return json;
}

function parsed(json: unknown, plugins: readonly LoadedPlugin[]): PathwayTemplate {
  const result = parseTemplate(json, { plugins });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.template;
}

const path: [string, string | undefined, Record<string, unknown>][] = [
  ['referral.received', 'referrer', { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'not-yet-sought' }],
  ['referral.recorded', 'administrator', { adultVictimSurvivors: 1, children: 0, linkedToExistingCase: false }],
  ['safety-actions.recorded', 'referrer', { policeAttended: true, safetyOrderIssued: false }],
  ['risk.assessed', undefined, { personId: 'person-aroha', level: 'escalating' }],
  ['screening.completed', 'referrer', { adultVictimSurvivorsScreened: 1, allAdultVictimSurvivorsScreened: true }],
  ['triage.completed', 'coordinator', { tier: 'escalating', repeatEpisode: false }],
  ['lead-agency.assigned', 'coordinator', { leadAgency: 'womens-refuge' }],
  ['contact.made', 'lead-agency-practitioner', { personId: 'person-aroha', method: 'phone', supportAccepted: true }],
  ['whanau-support.offered', 'whanau-support-worker', { outcome: 'accepted' }],
  ['outreach.offered', 'perpetrator-outreach-worker', { outcome: 'engaged' }],
  ['consent.recorded', 'lead-agency-practitioner', { consentStatus: 'given', consentSought: true, sharingDecision: 'share-with-consent', purpose: 'decision-or-plan', reasons: 'reason-code-consent' }],
  ['workers.allocated', 'coordinator', { specialistVictimAdvocate: false, perpetratorOutreach: true, whanauSupport: true }],
  ['cultural-service.chosen', 'coordinator', { choice: 'not-applicable' }],
];

/** Runs `commands` notes at the check and returns the milliseconds they took. */
function notesAtTheCheck(template: PathwayTemplate, plugins: readonly LoadedPlugin[], event: string, commands: number): number {
  const engine = createEngine(template, { plugins });
  let { record } = engine.startCase({ caseId: 'case-bench-plugin', openedAt: '2026-05-04T08:30:00+12:00', episode: { episodeId: 'episode-1', sourceAgency: 'nz-police', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: false } });
  const send = (type: string, payload: Record<string, unknown>, actorRole: string | undefined, key: string): CaseRecord => {
    const result = engine.send(record, { type, payload, at: new Date(Date.parse(record.clock) + 60_000).toISOString(), actor: 'kaimahi-bench', idempotencyKey: key, expectedVersion: record.version, ...(actorRole ? { actorRole } : {}) });
    if (result.kind !== 'applied') throw new Error(`bench: ${type} ${JSON.stringify(result)}`);
    return result.record;
  };
  path.forEach(([type, role, payload], i) => (record = send(type, payload, role, `path-${i}`)));
  const start = performance.now();
  for (let i = 0; i < commands; i += 1) record = send(event, { kind: 'note' }, undefined, `note-${i}`);
  return performance.now() - start;
}

/** Prints the plugin figures. */
export function benchPlugins(time: Timer, row: Row): void {
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  console.log('\nPlugins: loading, compiling, and a plugin node\'s command against a core node\'s');
  row('loadPlugins (one plugin: schemas checked and converted to JSON Schema)', ms(time(() => loadPlugins([benchPlugin]), 200, 20)));
  const loaded = loadPlugins([benchPlugin]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  // The baseline runs on the built-in plugins: both templates have them; only the check differs.
  const builtIn = nzBaselinePlugins;
  const plugins = [...builtIn, ...loaded.registry.plugins];
  const coreJson = templateJson(false, '9.0.0');
  const pluginJson = templateJson(true, '9.0.0');
  const parseCore = time(() => parsed(coreJson, builtIn), 50);
  const parsePlugin = time(() => parsed(pluginJson, plugins), 50);
  row('parseTemplate, core check / plugin check', `${ms(parseCore)} / ${ms(parsePlugin)}`, `  (${(parsePlugin / parseCore).toFixed(2)}x)`);
  // Cold: each run compiles content it has not seen.
  const coreVersions = Array.from({ length: 40 }, (_, i) => parsed(templateJson(false, `9.1.${i}`), builtIn));
  const pluginVersions = Array.from({ length: 40 }, (_, i) => parsed(templateJson(true, `9.1.${i}`), plugins));
  let a = 0;
  let b = 0;
  const coldCore = time(() => compile(coreVersions[(a += 1) % coreVersions.length]!), 30, 0);
  const coldPlugin = time(() => compile(pluginVersions[(b += 1) % pluginVersions.length]!, plugins), 30, 0);
  row('compile cold, core check / plugin check', `${ms(coldCore)} / ${ms(coldPlugin)}`, `  (${(coldPlugin / coldCore).toFixed(2)}x)`);
  const cachedTemplate = parsed(pluginJson, plugins);
  compile(cachedTemplate, plugins);
  row('compile cached with the plugin (same template object)', ms(time(() => compile(cachedTemplate, plugins), 200)));
  const coreTemplate = parsed(coreJson, builtIn);
  const pluginTemplate = parsed(pluginJson, plugins);
  const commands = 400;
  const coreTimes: number[] = [];
  const pluginTimes: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    coreTimes.push(notesAtTheCheck(coreTemplate, builtIn, 'bench.noted', commands));
    pluginTimes.push(notesAtTheCheck(pluginTemplate, plugins, 'bench-scheme.noted', commands));
  }
  const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
  const coreRate = (commands / median(coreTimes)) * 1000;
  const pluginRate = (commands / median(pluginTimes)) * 1000;
  row('a note at a core human task (core guard and action)', `${coreRate.toFixed(0)} cmd/s`);
  row('a note at a plugin node (plugin guard, action, state)', `${pluginRate.toFixed(0)} cmd/s`);
  console.log(`  → plugin node / core node: ${(pluginRate / coreRate).toFixed(2)}x`);
}
