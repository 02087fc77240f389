import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, runScenario } from '@pathways/core';
import { nzNationalBaseline } from '@pathways/templates';
import { describe, expect, it } from 'vitest';
import { applyScenarioStep, Simulation } from '../src/core/index.js';
import { library } from './library.js';

// The walk-through applies a saved run step by step; at the end the case is where the CLI's
// scenario runner leaves it.

describe('walking through a scenario', () => {
  it('ends where the scenario runner ends, step by step', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'scenarios', 'safety-order-follow-up.json'), 'utf8');
    const scenario = parseScenario(text);
    if (!scenario.ok) throw new Error('scenario');
    const { id, expect: _expect, ...referral } = scenario.scenario.case;
    const simulation = new Simulation(nzNationalBaseline, library.plugins, { ...referral, caseId: id });
    for (const step of scenario.scenario.steps) applyScenarioStep(simulation, step);
    const report = runScenario(nzNationalBaseline, scenario.scenario, { plugins: library.plugins });
    expect(report.passed).toBe(true);
    const last = report.trace.at(-1)!;
    expect(simulation.view().active.map((node) => node.node)).toEqual(last.state);
    expect(simulation.record.version).toBe(last.version);
  });
});
