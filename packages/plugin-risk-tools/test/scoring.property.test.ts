// Properties of the scoring over arbitrary answers (fast-check), through the real engine where
// the tier is concerned: the score is what each tool says it is, and more risk never gives a lower
// level. Weights are fictional.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dangerAssessmentItems, dashHonourBasedItems, dashItems, dashStalkingItems, nzTiers, odaraItems, plugin } from '../src/index.js';
import { assess, openCase, templateWith, weightedPlugins as weighted } from './fixtures/risk-tools.js';

const rank = (level: string | null) => (level === null ? -1 : nzTiers.indexOf(level as (typeof nzTiers)[number]));
const codes = (items: Record<string, string>) => Object.keys(items);
const answersOf = (items: Record<string, string>, values: readonly string[]) => fc.record(Object.fromEntries(codes(items).map((code) => [code, fc.constantFrom(...values)])));
/** The follow-up sets a Dash-style checklist's triggers require, answered throughout with `answer`. */
const withSets = (answers: Record<string, string>, answer = 'not-known'): Record<string, unknown> => ({
  ...answers,
  ...(answers.stalking === 'yes' ? { stalkingFollowUp: Object.fromEntries(codes(dashStalkingItems).map((code) => [code, answer])) } : {}),
  ...(answers.othersThreatening === 'yes' ? { honourBasedFollowUp: Object.fromEntries(codes(dashHonourBasedItems).map((code) => [code, answer])) } : {}),
});
const tool = (key: string) => plugin.riskTools![key]!;
const context = (options: unknown) => ({ options, parameter: () => undefined });

describe('scores', () => {
  it('Dash-style: the count of yes among the 24 items (follow-up sets answered yes do not count)', () => {
    fc.assert(
      fc.property(answersOf(dashItems, ['yes', 'no', 'not-known']), (answers) => {
        expect(tool('dash').score(withSets(answers, 'yes'), context({}))).toBe(Object.values(answers).filter((a) => a === 'yes').length);
      }),
    );
  });

  it('ODARA-style: the count of yes, 0 to 13', () => {
    fc.assert(
      fc.property(answersOf(odaraItems, ['yes', 'no']), (answers) => {
        const score = tool('odara').score(answers, context({}));
        expect(score).toBe(Object.values(answers).filter((a) => a === 'yes').length);
      }),
    );
  });

  it('Danger Assessment-style: the sum of the yes items\' weights with weights, null without', () => {
    const weights = fc.record(Object.fromEntries(codes(dangerAssessmentItems).map((code) => [code, fc.integer({ min: 0, max: 500 }).map((n) => n / 100)])));
    fc.assert(
      fc.property(answersOf(dangerAssessmentItems, ['yes', 'no']), weights, (answers, w) => {
        const expected = Object.entries(answers).reduce((sum, [code, answer]) => sum + (answer === 'yes' ? w[code]! * 100 : 0), 0) / 100;
        expect(tool('dangerAssessment').score(answers, context({ dangerAssessmentWeights: w }))).toBeCloseTo(expected, 9);
        expect(tool('dangerAssessment').score(answers, context({}))).toBeNull();
      }),
    );
  });
});

describe('levels through the engine', () => {
  const template = templateWith(weighted);

  /** Answering one more item yes never gives a lower level. */
  const monotone = (key: string, items: Record<string, string>, values: string[], prepare: (a: Record<string, string>) => Record<string, unknown> = (a) => a) =>
    fc.assert(
      fc.property(answersOf(items, values), fc.constantFrom(...codes(items)), (answers, code) => {
        const lower = assess(openCase(template, weighted), key, prepare({ ...answers, [code]: answers[code] === 'yes' ? 'no' : answers[code]! }));
        const higher = assess(openCase(template, weighted), key, prepare({ ...answers, [code]: 'yes' }));
        expect(higher.score!).toBeGreaterThanOrEqual(lower.score!);
        expect(rank(higher.level)).toBeGreaterThanOrEqual(rank(lower.level));
      }),
      { numRuns: 40 },
    );

  it('Dash-style: one more yes never gives a lower level', () => {
    monotone('dash', dashItems, ['yes', 'no', 'not-known'], withSets);
  });

  it('ODARA-style: one more yes never gives a lower level', () => monotone('odara', odaraItems, ['yes', 'no']));
  it('Danger Assessment-style: one more yes never gives a lower level', () => monotone('dangerAssessment', dangerAssessmentItems, ['yes', 'no']));
});
