// The plugin as Pathways loads it: no problems, schemas a designer can draw forms from, parameters
// a pathway can govern, topic labels (never questions), and docs that match the tools' links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlugins, parameter, parseTemplate, validateTemplate, type Parameter } from '@pathways/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import defaultExport, { dangerAssessmentItems, dashHonourBasedItems, dashItems, dashStalkingItems, maramEvidenceCategories, maramRiskLevels, nzTiers, odaraItems, plugin, riskToolsOptions } from '../src/index.js';
import { plugins, templateJson } from './fixtures/risk-tools.js';

const tools = Object.entries(plugin.riskTools ?? {});
const parameters = Object.entries(plugin.parameters ?? {}) as [string, Parameter][];

describe('loading the plugin', () => {
  it('loads with no problems, as risk-tools at the version package.json gives', () => {
    const loaded = loadPlugins([plugin]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.ok && loaded.registry.versions).toEqual([`risk-tools@${packageJson.version}`]);
    expect(defaultExport).toBe(plugin);
    expect(plugin).toMatchObject({ name: 'risk-tools', version: '1.0.0', engine: '^0.1.0' });
  });

  it('provides the four tools, each with a version, an English label and its docs', () => {
    expect(tools.map(([key]) => key)).toEqual(['dash', 'dangerAssessment', 'maram', 'odara']);
    for (const [, tool] of tools) {
      expect(tool.version).toBe('1.0.0');
      expect(tool.label.en.length).toBeGreaterThan(0);
      expect(tool.docs).toMatch(/^docs\/reference\/plugins\/risk-tools\.md#/);
    }
  });

  it('reads a pathway with the four New Zealand tiers with no problems', () => {
    expect(validateTemplate(templateJson, { plugins }).problems).toEqual([]);
  });

  it('refuses a pathway whose tiers lack the levels its parameters may give, naming the parameter', () => {
    const json = structuredClone(templateJson) as { tiers: { levels: { id: string }[] } };
    json.tiers.levels = json.tiers.levels.filter((level) => level.id !== 'intensive');
    const problems = parseTemplate(json, { plugins }).problems;
    expect(problems.map((p) => p.code)).toContain('PWY_PLUGIN_REFERENCE');
    expect(problems.map((p) => p.message)).toContain('"risk-tools/dashHighLevel" may give the level "intensive" to the risk tool "risk-tools/dash", which is not one of this pathway\'s tiers (emerging, escalating, high).');
  });
});

describe('schemas', () => {
  it('converts every answers schema and the options schema to JSON Schema (object, no extra fields)', () => {
    for (const schema of [...tools.map(([, tool]) => tool.answers), riskToolsOptions]) {
      expect(z.toJSONSchema(schema, { io: 'input' })).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('gives each item its topic as the field title, for forms', () => {
    expect(z.toJSONSchema(plugin.riskTools!.dash!.answers, { io: 'input' })).toMatchObject({
      properties: { currentInjury: { title: 'Current injuries', enum: ['yes', 'no', 'not-known'] }, stalkingFollowUp: { properties: { previousStalking: { title: 'Stalking or harassment before' } } } },
    });
    expect(z.toJSONSchema(riskToolsOptions, { io: 'input' })).toMatchObject({ properties: { dangerAssessmentWeights: { required: Object.keys(dangerAssessmentItems), properties: { firearmAccess: { type: 'number', minimum: 0 } } } } });
  });

  it('says in the JSON Schema when each follow-up set is asked, so a form asks it only then', () => {
    const json = z.toJSONSchema(plugin.riskTools!.dash!.answers, { io: 'input' }) as { required: string[]; allOf: unknown[] };
    expect(json.allOf).toEqual([
      { if: { properties: { stalking: { const: 'yes' } }, required: ['stalking'] }, then: { required: ['stalkingFollowUp'] }, else: { not: { required: ['stalkingFollowUp'] } } },
      { if: { properties: { othersThreatening: { const: 'yes' } }, required: ['othersThreatening'] }, then: { required: ['honourBasedFollowUp'] }, else: { not: { required: ['honourBasedFollowUp'] } } },
    ]);
    expect(json.required).not.toContain('stalkingFollowUp');
    // The other tools ask everything, always.
    for (const [key, tool] of tools.filter(([name]) => name !== 'dash')) expect(z.toJSONSchema(tool.answers, { io: 'input' }), key).not.toHaveProperty('allOf');
  });

  it('ships topics, never questions: short labels, none asking anything', () => {
    const labels = [dashItems, dashStalkingItems, dashHonourBasedItems, dangerAssessmentItems, odaraItems, maramRiskLevels, maramEvidenceCategories].flatMap((items) => Object.values(items));
    expect(labels.length).toBe(24 + 11 + 7 + 20 + 13 + 4 + 5);
    for (const label of labels) {
      expect(label.length).toBeLessThanOrEqual(100);
      expect(label).not.toMatch(/\?/);
      expect(label).not.toMatch(/^(has|have|is|are|do|does|did|can|will)\b/i);
    }
  });
});

describe('parameters', () => {
  it('are valid template parameters, each with a description and governance', () => {
    expect(parameters).toHaveLength(23);
    for (const [name, declared] of parameters) {
      expect(parameter.safeParse(declared).success, name).toBe(true);
      expect(declared.description, name).toBeTruthy();
      expect(declared.governance?.mode, name).toMatch(/^(locked|tailorable)$/);
    }
  });

  it('map bands to the New Zealand tiers; a tailorable tier only upward from its default', () => {
    for (const [name, declared] of parameters) {
      if (declared.kind !== 'enum') continue;
      expect(declared.values, name).toEqual([...nzTiers]);
      if (declared.governance?.mode === 'tailorable') expect(declared.governance.bounds.value?.min, name).toBe(declared.value);
    }
  });

  it('hold their defaults within their own bounds', () => {
    for (const [name, declared] of parameters) {
      if (declared.kind !== 'number' || declared.governance?.mode !== 'tailorable') continue;
      const { min, max } = declared.governance.bounds.value ?? {};
      expect(declared.value, name).toBeGreaterThanOrEqual(min as number);
      expect(declared.value, name).toBeLessThanOrEqual(max as number);
    }
  });

  it('are every parameter a band reads, and only those', () => {
    const read = tools.flatMap(([, tool]) => tool.levels.flatMap((band) => [band.atLeast, band.level])).flatMap((value) => (typeof value === 'object' ? [value.param] : []));
    expect(new Set(read)).toEqual(new Set(parameters.map(([name]) => `risk-tools/${name}`)));
  });
});

describe('documentation', () => {
  const docs = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'reference', 'plugins', 'risk-tools.md'), 'utf8');
  // GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
  const anchors = new Set([...docs.matchAll(/^#+ (.+)$/gm)].map((match) => match[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));

  it('has the section each tool links to', () => {
    for (const [key, tool] of tools) expect(anchors, key).toContain(tool.docs!.split('#')[1]);
  });

  it('names every parameter', () => {
    for (const [name] of parameters) expect(docs).toContain(`risk-tools/${name}`);
  });
});
