// The Danger Assessment-style tool on the real engine: without licensed weights it records the
// answers and gives no level; with weights (fictional here, never the instrument's) every band
// boundary; and the weights' own checks when the plugin is installed. Fictional cases.
import { loadPlugins } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { dangerAssessmentItems, plugin } from '../src/index.js';
import { assess, dangerAssessmentWith, install, odaraWith, openCase, plugins, templateWith, unitWeights, weightedPlugins } from './fixtures/risk-tools.js';

describe('Danger Assessment-style tool without configured weights', () => {
  it('records the answers and gives no level: score null, no tier', () => {
    const harness = openCase(templateWith(plugins), plugins);
    const answers = dangerAssessmentWith(20);
    const recorded = assess(harness, 'dangerAssessment', answers);
    expect(recorded).toMatchObject({ tool: 'risk-tools/dangerAssessment', toolVersion: '1.0.0', score: null, scoreLevel: null, level: null, answers });
    harness.expectTier(null);
    harness.expectNoEffect({ type: 'tier.changed' });
  });

  it('takes the practitioner\'s judgement as the level instead, with its reason', () => {
    const harness = openCase(templateWith(plugins), plugins);
    const judgement = { level: 'high', reason: 'Weights not licensed here; threats to kill and strangulation reported (fictional).' };
    expect(assess(harness, 'dangerAssessment', dangerAssessmentWith(3), judgement)).toMatchObject({ score: null, scoreLevel: null, level: 'high', judgement });
    harness.expectTier('high');
  });

  it('leaves a level already recorded as it is', () => {
    const harness = openCase(templateWith(plugins), plugins);
    assess(harness, 'odara', odaraWith(3));
    harness.expectTier('escalating');
    expect(assess(harness, 'dangerAssessment', dangerAssessmentWith(20))).toMatchObject({ level: null });
    harness.expectTier('escalating');
    expect(harness.view().persons.find((person) => person.id === 'person-aroha')?.risk).toMatchObject({ level: 'escalating', tool: 'risk-tools/odara' });
  });
});

describe('Danger Assessment-style tool with weights (fictional: 1 per item)', () => {
  it.each([
    { score: 0, level: 'emerging', band: 'variable' },
    { score: 7, level: 'emerging', band: 'variable, just below increased' },
    { score: 8, level: 'escalating', band: 'increased, at its threshold' },
    { score: 9, level: 'escalating', band: 'increased, just above' },
    { score: 13, level: 'escalating', band: 'increased, just below severe' },
    { score: 14, level: 'high', band: 'severe, at its threshold' },
    { score: 15, level: 'high', band: 'severe, just above' },
    { score: 17, level: 'high', band: 'severe, just below extreme' },
    { score: 18, level: 'intensive', band: 'extreme, at its threshold' },
    { score: 19, level: 'intensive', band: 'extreme, just above' },
    { score: 20, level: 'intensive', band: 'extreme, every item yes' },
  ])('a weighted score of $score ($band) gives $level', ({ score, level }) => {
    const harness = openCase(templateWith(weightedPlugins), weightedPlugins);
    expect(assess(harness, 'dangerAssessment', dangerAssessmentWith(score))).toMatchObject({ score, scoreLevel: level, level });
    harness.expectTier(level);
  });

  it('adds each yes item\'s own weight (fictional, fractional weights included)', () => {
    const weights = { ...unitWeights, violenceIncreased: 4, firearmAccess: 2.5, separationAfterLivingTogether: 0.5, unemployed: 0.1, weaponUsedOrThreatened: 0.2 };
    const installed = install({ dangerAssessmentWeights: weights });
    const harness = openCase(templateWith(installed), installed);
    // 4 + 2.5 + 0.5 + 0.1 + 0.2, then five items of 1.
    expect(assess(harness, 'dangerAssessment', dangerAssessmentWith(10))).toMatchObject({ score: 12.3, scoreLevel: 'escalating' });
  });

  it('never lands a score a hair below a band through floating point', () => {
    // Added in order these make 7.999999999999999 in floating point; the score is 8: increased.
    const weights = { ...unitWeights, violenceIncreased: 0.1, firearmAccess: 0.1, separationAfterLivingTogether: 0.1, unemployed: 3.3, weaponUsedOrThreatened: 1.1, threatsToKill: 3.3 };
    const installed = install({ dangerAssessmentWeights: weights });
    expect(assess(openCase(templateWith(installed), installed), 'dangerAssessment', dangerAssessmentWith(6))).toMatchObject({ score: 8, scoreLevel: 'escalating' });
  });
});

describe('Danger Assessment-style weights as installation options', () => {
  const problems = (weights: unknown) =>
    loadPlugins([plugin], { options: { 'risk-tools': { dangerAssessmentWeights: weights } } }).problems.map((p) => ({ code: p.code, path: p.path.join('.'), message: p.message }));

  it('accepts all 20 item codes with weights of 0 or more', () => {
    expect(problems(unitWeights)).toEqual([]);
    expect(problems({ ...unitWeights, unemployed: 0 })).toEqual([]);
    expect(Object.keys(dangerAssessmentItems)).toHaveLength(20);
  });

  it('refuses a key that is not an item code, naming it and the codes', () => {
    expect(problems({ ...unitWeights, gunOwnership: 3 })).toEqual([
      {
        code: 'PWY_PLUGIN_INVALID',
        path: 'plugins.risk-tools.options.dangerAssessmentWeights',
        message: expect.stringContaining('"gunOwnership" is not an item code of the Danger Assessment-style tool (its codes: violenceIncreased, firearmAccess,'),
      },
    ]);
  });

  it('refuses a missing item, a negative weight and a weight that is not a number, each at its item', () => {
    const { firearmAccess: _missing, ...withoutOne } = unitWeights;
    expect(problems({ ...withoutOne, unemployed: -1, threatsToKill: 'three' })).toEqual([
      { code: 'PWY_PLUGIN_INVALID', path: 'plugins.risk-tools.options.dangerAssessmentWeights.firearmAccess', message: expect.stringContaining('every item needs its weight from the licence holder; this one has none') },
      { code: 'PWY_PLUGIN_INVALID', path: 'plugins.risk-tools.options.dangerAssessmentWeights.unemployed', message: expect.stringContaining('a weight is 0 or more') },
      { code: 'PWY_PLUGIN_INVALID', path: 'plugins.risk-tools.options.dangerAssessmentWeights.threatsToKill', message: expect.stringContaining('a weight is a number') },
    ]);
  });

  it('refuses an option the plugin does not take', () => {
    expect(loadPlugins([plugin], { options: { 'risk-tools': { odaraBins: [0, 2, 5, 7] } } }).problems.map((p) => p.path.join('.'))).toEqual(['plugins.risk-tools.options']);
  });
});
