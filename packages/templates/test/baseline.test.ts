import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, parseScenario, practiceSteps, runScenario, validateTemplate } from '@pathways/core';
import { nzBaselinePlugins, nzNationalBaseline, nzNationalBaselineJson } from '@pathways/templates';
import { describe, expect, it } from 'vitest';

const scenarioFolder = join(import.meta.dirname, '..', 'scenarios');

describe('the NZ national baseline', () => {
  it('validates with zero problems and compiles', () => {
    expect(validateTemplate(nzNationalBaselineJson, { plugins: nzBaselinePlugins }).problems).toEqual([]);
    expect(compile(nzNationalBaseline).machine.id).toBe('case');
  });

  it('has the six practice steps in order, each with activities and a national reporting code', () => {
    expect(nzNationalBaseline.stages.map((stage) => stage.step)).toEqual([...practiceSteps]);
    for (const stage of nzNationalBaseline.stages) {
      expect(stage.reportingCode).toMatch(/^FV-/);
      expect(nzNationalBaseline.nodes.some((node) => node.stage === stage.step)).toBe(true);
    }
  });

  it('locks the national safeguards', () => {
    const locked = (collection: readonly { id?: string; governance?: { mode: string } }[], id: string) =>
      collection.find((element) => element.id === id)?.governance?.mode === 'locked';
    expect(nzNationalBaseline.stages.every((stage) => stage.governance?.mode === 'locked')).toBe(true);
    expect(nzNationalBaseline.parameters.repeatWindow?.governance?.mode).toBe('locked');
    expect(nzNationalBaseline.tiers?.governance?.mode).toBe('locked');
    for (const id of ['intake', 'screen-adult-victim-survivors', 'triage-listing', 'child-expertise-check', 'closure-confirmation']) {
      expect(locked(nzNationalBaseline.nodes, id), id).toBe(true);
    }
    for (const id of ['tier-raised-high', 'repeat-episode', 'barrier-to-regional-hub', 'information-requested']) {
      expect(locked(nzNationalBaseline.escalations, id), id).toBe(true);
    }
  });

  it('bounds the first-contact parameter for high risk at PT24H', () => {
    const firstContact = nzNationalBaseline.parameters.firstContactHigh;
    expect(firstContact?.kind === 'duration' && firstContact.value).toBe('PT24H');
    expect(firstContact?.governance).toMatchObject({ mode: 'tailorable', bounds: { value: { max: 'PT24H' } } });
  });

  const files = readdirSync(scenarioFolder).filter((name) => name.endsWith('.json')).sort();
  it('ships a scenario for every practice rule it runs', () => {
    expect(files).toEqual([
      'child-check-before-plan-approval.json',
      'child-factor-routes-to-check.json',
      'danger-assessment-without-weights.json',
      'dash-12-raised-by-judgement.json',
      'dash-13-no-conference-listing.json',
      'dash-14-judgement-cannot-lower.json',
      'dash-14-visible-high-risk.json',
      'escalation-to-high-risk.json',
      'incident-retried.json',
      'low-risk-closed-after-follow-up.json',
      'maram-each-level.json',
      'no-screening-out.json',
      'odara-each-bin.json',
      'overdue-work-item.json',
      'plan-versions-before-release.json',
      'potential-escalation.json',
      'repeat-episode-window.json',
      'repeat-episode.json',
      'report-of-concern-response-overdue.json',
      'safety-order-follow-up.json',
      'stale-command-refused.json',
      'triage-decision-raises-tier.json',
      'triage-decision-sets-tier.json',
    ]);
  });

  for (const file of files) {
    it(`meets every expectation of scenarios/${file}`, () => {
      const scenario = parseScenario(readFileSync(join(scenarioFolder, file), 'utf8'));
      if (!scenario.ok) throw new Error(JSON.stringify(scenario.problems));
      const report = runScenario(nzNationalBaseline, scenario.scenario);
      expect(report.failures).toEqual([]);
      expect(report.passed).toBe(true);
    });
  }
});
