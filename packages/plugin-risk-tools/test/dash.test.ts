// The Dash-style checklist on the real engine: every band boundary with the national defaults,
// what counts (only yes), and the follow-up sets its trigger items require. Fictional cases.
import { describe, expect, it } from 'vitest';
import { dashItems, dashStalkingItems } from '../src/index.js';
import { assess, completed, dashAnswersWith, honourBasedSetNo, openCase, stalkingSetNo } from './fixtures/risk-tools.js';

describe('Dash-style checklist: bands at their defaults (medium from 10, visible high risk from 14)', () => {
  it.each([
    { score: 0, level: 'emerging', where: 'the lowest score' },
    { score: 9, level: 'emerging', where: 'just below medium' },
    { score: 10, level: 'escalating', where: 'at medium' },
    { score: 11, level: 'escalating', where: 'just above medium' },
    { score: 13, level: 'escalating', where: 'just below visible high risk' },
    { score: 14, level: 'high', where: 'at visible high risk' },
    { score: 15, level: 'high', where: 'just above visible high risk' },
    { score: 24, level: 'high', where: 'every item yes' },
  ])('$score yes answers ($where) give $level', ({ score, level }) => {
    const harness = openCase();
    const recorded = assess(harness, 'dash', dashAnswersWith(score));
    expect(recorded).toMatchObject({ tool: 'risk-tools/dash', toolVersion: '1.0.0', personId: 'person-aroha', score, scoreLevel: level, level });
    expect(recorded.judgement).toBeUndefined();
    harness.expectTier(level);
  });

  it('counts only yes: not-known is not counted', () => {
    const harness = openCase();
    expect(assess(harness, 'dash', dashAnswersWith(13, 'not-known'))).toMatchObject({ score: 13, scoreLevel: 'escalating' });
    expect(assess(harness, 'dash', dashAnswersWith(0, 'not-known'))).toMatchObject({ score: 0, scoreLevel: 'emerging' });
  });

  it('keeps the answers with the assessment, as item codes', () => {
    const harness = openCase();
    const answers = dashAnswersWith(12);
    expect(assess(harness, 'dash', answers).answers).toEqual(answers);
    expect(Object.keys(dashItems)).toHaveLength(24);
  });
});

describe('Dash-style checklist: follow-up sets', () => {
  const refusal = (answers: Record<string, unknown>) => {
    const harness = openCase();
    const refused = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'riskTool.completed', completed('dash', answers), { role: 'specialist-victim-advocate' });
    harness.expectTier(null);
    return refused.problems.map((p) => ({ path: p.path.join('.'), message: p.message }));
  };

  it('requires the stalking set when stalking is yes, naming it', () => {
    const answers = { ...dashAnswersWith(3), stalking: 'yes' };
    expect(refusal(answers)).toEqual([
      { path: 'payload.answers.stalkingFollowUp', message: 'Nothing is given for the stalking follow-up set (stalkingFollowUp), which is required when stalking is yes: answer its 11 topics (yes, no or not-known).' },
    ]);
  });

  it("requires the 'honour'-based violence set when othersThreatening is yes, naming it", () => {
    const answers = { ...dashAnswersWith(3), othersThreatening: 'yes' };
    expect(refusal(answers)).toEqual([
      { path: 'payload.answers.honourBasedFollowUp', message: "Nothing is given for the 'honour'-based violence follow-up set (honourBasedFollowUp), which is required when othersThreatening is yes: answer its 7 topics (yes, no or not-known)." },
    ]);
  });

  it('names both sets when both are missing', () => {
    const answers = { ...dashAnswersWith(3), stalking: 'yes', othersThreatening: 'yes' };
    expect(refusal(answers).map((p) => p.path)).toEqual(['payload.answers.stalkingFollowUp', 'payload.answers.honourBasedFollowUp']);
  });

  it('refuses a set its trigger did not ask for (stalking no or not known)', () => {
    expect(refusal({ ...dashAnswersWith(3), stalkingFollowUp: stalkingSetNo })).toEqual([
      { path: 'payload.answers.stalkingFollowUp', message: 'An object is given for the stalking follow-up set (stalkingFollowUp), which is answered only when stalking is yes, and it is no: answer stalking yes, or leave the set out.' },
    ]);
    expect(refusal({ ...dashAnswersWith(3), othersThreatening: 'not-known', honourBasedFollowUp: honourBasedSetNo })).toEqual([
      { path: 'payload.answers.honourBasedFollowUp', message: expect.stringContaining("'honour'-based violence follow-up set (honourBasedFollowUp), which is answered only when othersThreatening is yes, and it is not-known") },
    ]);
  });

  it('refuses an incomplete set at the missing topic, and an answer that is not yes, no or not-known', () => {
    const { pastViolence: _left, ...incomplete } = stalkingSetNo;
    expect(refusal({ ...dashAnswersWith(3), stalking: 'yes', stalkingFollowUp: incomplete }).map((p) => p.path)).toEqual(['payload.answers.stalkingFollowUp.pastViolence']);
    expect(refusal({ ...dashAnswersWith(3), currentInjury: 'maybe' })).toEqual([{ path: 'payload.answers.currentInjury', message: 'The text "maybe" is not an answer: answer yes, no or not-known.' }]);
    const { isolation: _unanswered, ...missing } = dashAnswersWith(3);
    expect(refusal(missing)).toEqual([{ path: 'payload.answers.isolation', message: 'Nothing is given: answer yes, no or not-known.' }]);
    expect(refusal({ ...dashAnswersWith(3), unknownTopic: 'yes' }).map((p) => p.path)).toEqual(['payload.answers']);
  });

  it('records the follow-up answers without changing the count', () => {
    const harness = openCase();
    const everyYes = Object.fromEntries(Object.keys(dashStalkingItems).map((code) => [code, 'yes']));
    const answers = { ...dashAnswersWith(9), stalking: 'yes', stalkingFollowUp: everyYes };
    // Nine yes answers besides stalking (the triggers are the last the builder marks): ten in all.
    const recorded = assess(harness, 'dash', answers);
    expect(recorded).toMatchObject({ score: 10, scoreLevel: 'escalating', level: 'escalating' });
    expect(recorded.answers).toMatchObject({ stalking: 'yes', stalkingFollowUp: everyYes });
  });

  it('accepts both sets when both triggers are yes', () => {
    const harness = openCase();
    expect(assess(harness, 'dash', dashAnswersWith(24))).toMatchObject({ score: 24, level: 'high', answers: { stalkingFollowUp: stalkingSetNo, honourBasedFollowUp: honourBasedSetNo } });
  });
});
