// The ODARA-style count on the real engine: every bin boundary with the defaults (moderate from 2,
// high from 5, highest from 7). Fictional cases.
import { describe, expect, it } from 'vitest';
import { odaraItems } from '../src/index.js';
import { assess, completed, odaraWith, openCase } from './fixtures/risk-tools.js';

describe('ODARA-style count: bins at their defaults', () => {
  it.each([
    { score: 0, level: 'emerging', where: 'the lowest score' },
    { score: 1, level: 'emerging', where: 'just below moderate' },
    { score: 2, level: 'escalating', where: 'at moderate' },
    { score: 3, level: 'escalating', where: 'just above moderate' },
    { score: 4, level: 'escalating', where: 'just below high' },
    { score: 5, level: 'high', where: 'at high' },
    { score: 6, level: 'high', where: 'just above high, just below highest' },
    { score: 7, level: 'intensive', where: 'at highest' },
    { score: 8, level: 'intensive', where: 'just above highest' },
    { score: 13, level: 'intensive', where: 'every item yes' },
  ])('$score yes answers ($where) give $level', ({ score, level }) => {
    const harness = openCase();
    const answers = odaraWith(score);
    expect(assess(harness, 'odara', answers)).toMatchObject({ tool: 'risk-tools/odara', toolVersion: '1.0.0', score, scoreLevel: level, level, answers });
    harness.expectTier(level);
  });

  it('has 13 items answered yes or no', () => {
    expect(Object.keys(odaraItems)).toHaveLength(13);
    const refused = openCase().expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'riskTool.completed', completed('odara', { ...odaraWith(2), confinement: 'not-known' }));
    expect(refused.problems.map((p) => p.path.join('.'))).toEqual(['payload.answers.confinement']);
  });
});
