import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@pathways/config';
import { parseTemplate } from '@pathways/core';
import { nzNationalBaselineJson } from '@pathways/templates';
import { expectScenarioPasses, runScenarioFile } from '@pathways/testing';
import { describe, expect, it } from 'vitest';

// The NZ baseline run as an installation that holds a licence runs it: the Danger Assessment-style
// tool's item weights come from pathways.config.json (fictional weights here, every item 1: not
// the instrument's), read the way `pathways simulate --config` reads them.

const here = import.meta.dirname;
const loaded = await loadConfig(join(here, 'pathways.config.json'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
const baseline = parseTemplate(nzNationalBaselineJson, { plugins: loaded.plugins });
if (!baseline.ok) throw new Error(JSON.stringify(baseline.problems, null, 2));

describe('an installation with the Danger Assessment weights configured', () => {
  it('installs the built-in plugins with the weights as the risk tools\' options', () => {
    expect(loaded.plugins.map((plugin) => `${plugin.name}@${plugin.version}`)).toEqual(['risk-tools@1.0.0', 'child-expertise@1.0.0']);
    expect(loaded.plugins[0]!.options).toMatchObject({ dangerAssessmentWeights: { violenceIncreased: 1, victimSurvivorSuicideRisk: 1 } });
  });

  for (const file of readdirSync(join(here, 'scenarios')).filter((name) => name.endsWith('.json'))) {
    it(`meets every expectation of scenarios/${file}`, () => {
      expectScenarioPasses(runScenarioFile(baseline.template, join(here, 'scenarios', file)));
    });
  }

  it('is what gives the tool a level: without the weights the same answers give none', () => {
    const without = parseTemplate(nzNationalBaselineJson, { plugins: loaded.plugins.map((plugin) => ({ ...plugin, options: undefined })) });
    if (!without.ok) throw new Error(JSON.stringify(without.problems));
    const report = runScenarioFile(without.template, join(here, 'scenarios', 'danger-assessment-each-level.json'));
    expect(report.passed).toBe(false);
    expect(report.failures.map((failure) => failure.message)).toEqual(expect.arrayContaining(['expected tier emerging, got none', expect.stringContaining('"score":7,"scoreLevel":"emerging"')]));
  });
});
