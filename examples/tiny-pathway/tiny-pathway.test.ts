import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, parseTemplate, runScenario } from '@pathways/core';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const parsed = parseTemplate(readFileSync(join(here, 'tiny-pathway.json'), 'utf8'));

describe('the tiny pathway', () => {
  it('is a valid template', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.ok).toBe(true);
  });

  for (const file of readdirSync(join(here, 'scenarios')).filter((name) => name.endsWith('.json'))) {
    it(`meets every expectation of scenarios/${file}`, () => {
      if (!parsed.ok) throw new Error('template invalid');
      const scenario = parseScenario(readFileSync(join(here, 'scenarios', file), 'utf8'));
      if (!scenario.ok) throw new Error(JSON.stringify(scenario.problems));
      const report = runScenario(parsed.template, scenario.scenario);
      expect(report.failures).toEqual([]);
      expect(report.passed).toBe(true);
    });
  }
});
