import { checkVariant } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { baselineJson } from './case-driver.js';
import { loaded, parsedWith, sanctuaryPlugin } from './plugin-fixtures.js';

// A parent read with its plugins holds the plugins' own work-item types and facts (they sit beside
// the template's). The CLI reads every level that way, so the national floor must still see them
// as the plugin's elements, not the level above's: a variant may place the plugin's node (which
// opens its own work-item type) and a human task of the plugin's work-item type. All fictional.

const plugins = loaded(sanctuaryPlugin);

const variant = (nodes: unknown[]) => ({
  kind: 'variant',
  id: 'nz-chc-sanctuary',
  version: '1.0.0',
  title: { en: 'Canterbury with the sanctuary scheme (fictional)' },
  locality: { id: 'chc', level: 'regional', name: 'Canterbury' },
  extends: { id: 'nz-national-baseline', version: '2.0.0' },
  effectiveFrom: '2027-01-01',
  changes: [
    {
      op: 'addFragment',
      point: 'local-services',
      nodes,
      transitions: [{ id: 'chc/assessed', from: 'chc/home-security', to: 'chc/security-works', on: 'sanctuary-safety.assessed' }],
      entry: 'chc/home-security',
      exit: { node: 'chc/security-works', on: 'sanctuary-safety.assessed' },
    },
  ],
});
const nodes = [
  { id: 'chc/home-security', stage: 'allocation', type: 'sanctuary-safety/assessment', typeVersion: 2, label: { en: 'Home security assessment' }, config: { provider: 'Fictional Locks Ltd', urgent: false } },
  { id: 'chc/security-works', stage: 'allocation', type: 'humanTask', workItemType: 'sanctuary-safety/security-works', label: { en: 'Arrange the security works' } },
];

describe('the national floor, with a parent read with the plugins', () => {
  it("treats the plugin's own work-item types as the plugin's, as with a parent read without them", () => {
    // A parent that lists the plugin holds its work-item types beside its own.
    const withPlugins = parsedWith({ ...baselineJson(), plugins: { 'sanctuary-safety': '^1.0.0' } }, plugins);
    expect(withPlugins.workItemTypes.map((type) => type.id)).toContain('sanctuary-safety/home-assessment');
    expect(checkVariant(withPlugins, variant(nodes), undefined, { plugins }).problems).toEqual([]);
    expect(checkVariant(parsedWith(baselineJson(), []), variant(nodes), undefined, { plugins }).problems).toEqual([]);
  });

  it('still judges a work-item type the parent declares itself under the same id', () => {
    const json = baselineJson() as { workItemTypes: unknown[] };
    json.workItemTypes.push({ id: 'sanctuary-safety/security-works', label: { en: 'Security works (national)' }, kind: 'task', ownerRole: 'coordinator', due: 'P3D', governance: { mode: 'locked', reason: 'Fictional: the national team runs the works.' } });
    const problems = checkVariant(parsedWith(json, plugins), variant(nodes), undefined, { plugins }).problems;
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual([['PWY_VARIANT_LOCAL_EFFECT', 'changes.0.nodes.1.workItemType']]);
  });
});
