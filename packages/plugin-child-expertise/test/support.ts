// The plugin inside a small fictional pathway (fixtures/template.json) on the real engine, through
// @pathways/testing. Every case, person and agency decision here is fictional.
import { loadPlugins, parseTemplate, type AnyPluginDefinition, type CasePerson, type PathwayTemplate } from '@pathways/core';
import { createHarness, type CaseHarness } from '@pathways/testing';
import { plugin, type ChildFactors } from '../src/index.js';
import templateJson from './fixtures/template.json' with { type: 'json' };

export type TemplateJson = typeof templateJson & { parameters?: Record<string, unknown> };

/** Loads plugin definitions, failing the test with their problems. */
export function install(...definitions: readonly AnyPluginDefinition[]) {
  const loaded = loadPlugins(definitions);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.registry.plugins;
}

export const plugins = install(plugin);

/** The fixture, optionally edited, parsed with the plugins. */
export function templateWith(edit?: (json: TemplateJson) => void, installed = plugins): PathwayTemplate {
  const json: TemplateJson = structuredClone(templateJson);
  edit?.(json);
  const parsed = parseTemplate(json, { plugins: installed });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
  return parsed.template;
}

export const openedAt = '2026-05-04T09:00:00+12:00';
export const childSpecialist = { role: 'child-specialist' } as const;
export const coordinator = { role: 'coordinator' } as const;
export const practitioner = { role: 'lead-agency-practitioner' } as const;

export const noFactors: ChildFactors = { pregnancyOrBabyUnder18Months: false, childContactConflict: false, childRiskFactors: [] };
export const child: CasePerson = { id: 'person-child-mia', roles: ['child'] };

export interface CaseOptions {
  readonly factors?: ChildFactors;
  readonly persons?: readonly CasePerson[];
  readonly template?: PathwayTemplate;
  readonly installed?: typeof plugins;
  readonly caseId?: string;
}

/** A case referred, with its child factors recorded at the safety check for children (next morning), now developing version 1 of the plan. */
export function atPlan(options: CaseOptions = {}): CaseHarness {
  const harness = createHarness(options.template ?? templateWith(), {
    plugins: options.installed ?? plugins,
    caseId: options.caseId ?? 'case-child-0001',
    openedAt,
    ...(options.persons ? { persons: options.persons } : {}),
  });
  harness.open();
  harness.send('referral.received', {}, { role: 'referrer' });
  harness.send('child-expertise.factors-recorded', options.factors ?? noFactors, { ...childSpecialist, at: '2026-05-05T09:00:00+12:00' });
  harness.expectAt('develop-plan');
  return harness;
}

/** The plan drafted on 6 May at 09:00: the case is at the check, or at approval when none is needed. */
export function planDrafted(options: CaseOptions = {}): CaseHarness {
  const harness = atPlan(options);
  harness.send('safety-plan.drafted', {}, { ...practitioner, at: '2026-05-06T09:00:00+12:00' });
  return harness;
}

export const planSafe = { outcome: 'plan-safe-for-children', reportOfConcernMade: false } as const;
