// The MARAM-style structured professional judgement on the real engine: each level of risk, its
// ordinal score and tier, and the evidence categories it must name. Fictional cases.
import { describe, expect, it } from 'vitest';
import { maramEvidenceCategoryCodes, maramRiskLevelCodes } from '../src/index.js';
import { assess, completed, openCase } from './fixtures/risk-tools.js';

const evidence = ['victim-survivor-self-assessment', 'behaviour-toward-adult-or-child'];

describe('MARAM-style judgement: each level of risk is a band (ordinal 0 to 3)', () => {
  it.each([
    { riskLevel: 'at-risk', score: 0, level: 'emerging', where: 'the lowest band' },
    { riskLevel: 'elevated-risk', score: 1, level: 'escalating', where: 'at the elevated band, just above at risk' },
    { riskLevel: 'serious-risk', score: 2, level: 'high', where: 'at the serious band, just above elevated' },
    { riskLevel: 'requires-immediate-protection', score: 3, level: 'intensive', where: 'at the top band, just above serious' },
  ])('$riskLevel scores $score ($where) and gives $level', ({ riskLevel, score, level }) => {
    const harness = openCase();
    const answers = { riskLevel, evidenceConsidered: evidence, practiceLevel: 'comprehensive' };
    expect(assess(harness, 'maram', answers)).toMatchObject({ tool: 'risk-tools/maram', toolVersion: '1.0.0', score, scoreLevel: level, level, answers });
    harness.expectTier(level);
  });

  it('orders the levels as their scores', () => {
    expect(maramRiskLevelCodes).toEqual(['at-risk', 'elevated-risk', 'serious-risk', 'requires-immediate-protection']);
  });

  it('takes the practice level as optional', () => {
    expect(assess(openCase(), 'maram', { riskLevel: 'serious-risk', evidenceConsidered: ['children-circumstances'] })).toMatchObject({ score: 2, level: 'high' });
  });
});

describe('MARAM-style judgement: the evidence considered', () => {
  const refused = (answers: Record<string, unknown>) =>
    openCase()
      .expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'riskTool.completed', completed('maram', answers))
      .problems.map((p) => ({ path: p.path.join('.'), message: p.message }));

  it('needs at least one evidence category', () => {
    expect(refused({ riskLevel: 'serious-risk', evidenceConsidered: [] })).toEqual([
      { path: 'payload.answers.evidenceConsidered', message: 'A list names no evidence category: name at least one the determination considered.' },
    ]);
    expect(refused({ riskLevel: 'serious-risk' }).map((p) => p.path)).toEqual(['payload.answers.evidenceConsidered']);
  });

  it('takes each category once, from the list', () => {
    expect(refused({ riskLevel: 'at-risk', evidenceConsidered: ['children-circumstances', 'children-circumstances'] })).toEqual([
      { path: 'payload.answers.evidenceConsidered', message: 'A list names an evidence category more than once: name each once.' },
    ]);
    expect(refused({ riskLevel: 'at-risk', evidenceConsidered: ['a-hunch'] }).map((p) => p.path)).toEqual(['payload.answers.evidenceConsidered.0']);
    expect(maramEvidenceCategoryCodes).toHaveLength(5);
  });

  it('refuses a level of risk that is not one of the four', () => {
    expect(refused({ riskLevel: 'low', evidenceConsidered: evidence })).toEqual([
      { path: 'payload.answers.riskLevel', message: 'The text "low" is not a level of risk: give one of at-risk, elevated-risk, serious-risk, requires-immediate-protection.' },
    ]);
  });
});
