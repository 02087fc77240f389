// The scheme where a region or locality would use it: the fictional Christchurch local variant
// (examples/variants/valid/christchurch-sanctuary.json) places the assessment in a fragment at the
// baseline's local-services adjustment point, under the Canterbury regional variant. Every level is
// read with the plugin installed, as `pathways check --config examples/pathways.config.json` reads
// them; the scenarios in scenarios/ run on the resolved pathway, as `pathways simulate` runs them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkVariant, definePlugin, loadPlugins, parseTemplate, resolve, type AnyPluginDefinition } from '@pathways/core';
import { nzBaselinePlugins, nzNationalBaselineJson } from '@pathways/templates';
import { expectScenarioPasses, runScenarioFile } from '@pathways/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from '../src/index.js';

const variants = join(import.meta.dirname, '..', '..', '..', 'variants', 'valid');
const readVariant = (name: string): unknown => JSON.parse(readFileSync(join(variants, `${name}.json`), 'utf8'));
const canterbury = readVariant('canterbury-regional');
const christchurch = readVariant('christchurch-sanctuary');

/** The plugin definitions installed beside the built-in plugins the baseline runs on. */
function install(...definitions: AnyPluginDefinition[]) {
  const loaded = loadPlugins(definitions);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return [...nzBaselinePlugins, ...loaded.registry.plugins];
}
const plugins = install(plugin);

/** The baseline and Canterbury, read and resolved with the given plugins: the level Christchurch extends. */
function regionalWith(installed: ReturnType<typeof install>) {
  const baseline = parseTemplate(nzNationalBaselineJson, { plugins: installed });
  if (!baseline.ok) throw new Error(JSON.stringify(baseline.problems, null, 2));
  const regional = resolve(baseline.template, [canterbury], { plugins: installed });
  if (!regional.ok) throw new Error(JSON.stringify(regional.problems, null, 2));
  return { baseline: baseline.template, regional };
}
const { baseline, regional } = regionalWith(plugins);

const resolved = resolve(baseline, [canterbury, christchurch], { plugins });
if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems, null, 2));
const christchurchTemplate = resolved.template;

describe('the Christchurch variant with the sanctuary scheme', () => {
  it('passes check against Canterbury resolved on the baseline, with the plugin installed', () => {
    expect(checkVariant(regional.template, christchurch, regional.provenance, { plugins }).problems).toEqual([]);
  });

  it('places the assessment (migrated to version 2) between allocation and Canterbury’s kaupapa Māori service', () => {
    expect(christchurchTemplate.nodes.find((node) => node.id === 'chch/home-security-assessment')).toMatchObject({ type: 'sanctuary-safety/assessment', typeVersion: 2, config: { provider: 'Fictional Locks Ltd', urgent: false } });
    expect(christchurchTemplate.transitions.find((t) => t.id === 'allocation-complete')?.to).toBe('chch/home-security-assessment');
    expect(christchurchTemplate.transitions.find((t) => t.id === 'chch/local-services-exit')).toMatchObject({ from: 'chch/sanctuary-done', to: 'chc/kaupapa-maori-service' });
    expect(resolved.provenance['nodes:chch/home-security-assessment']).toMatchObject({ level: 'local', source: 'nz-canterbury-christchurch' });
  });

  it('without the plugin installed, its node type is unknown', () => {
    const without = regionalWith(install());
    const problems = checkVariant(without.regional.template, christchurch, without.regional.provenance).problems;
    expect(problems.map((p) => p.code)).toContain('PWY_PLUGIN_NODE_TYPE_UNKNOWN');
  });

  it('is refused when the plugin declares an effect the baseline does not allow local elements (the national floor)', () => {
    const forging = definePlugin({ ...plugin, nodeTypes: { assessment: { ...plugin.nodeTypes!.assessment, effects: { openWorkItem: ['plan-action'], recordMilestone: ['plan-approved'] } } } });
    const installed = install(forging);
    const level = regionalWith(installed);
    const problems = checkVariant(level.regional.template, christchurch, level.regional.provenance, { plugins: installed }).problems;
    // Refused twice over: the effect itself, and the invariant it would break (a plan recorded as
    // approved, by entering the local node, before any child-expertise check).
    expect(problems.map((p) => [p.code, p.change, p.path.join('.')])).toEqual([
      ['PWY_VARIANT_LOCAL_EFFECT', 0, 'changes.0.nodes.0.type'],
      ['PWY_INVARIANT_VIOLATED', 0, 'resolved.invariants.1'],
    ]);
    expect(problems[0]!.message).toContain('may record the national milestone "plan-approved" (as sanctuary-safety@1.0.0 declares)');
    expect(problems[1]!.message).toContain('child-check-before-plan-approval');
  });
});

describe('scenarios on the resolved Christchurch pathway', () => {
  const folder = join(import.meta.dirname, '..', 'scenarios');
  const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();

  it('there are scenarios to run', () => {
    expect(files).toEqual(['home-not-eligible.json', 'works-completed-without-alarm.json']);
  });

  for (const file of files) {
    it(file, () => {
      expectScenarioPasses(runScenarioFile(christchurchTemplate, join(folder, file), { plugins }));
    });
  }
});
