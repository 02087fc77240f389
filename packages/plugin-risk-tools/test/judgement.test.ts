// Professional judgement on each tool's result, on the real engine: it may raise the level the
// score gives (the reason kept with the assessment), never lower it. Fictional cases and reasons.
import { describe, expect, it } from 'vitest';
import { assess, completed, dangerAssessmentWith, dashAnswersWith, odaraWith, openCase, templateWith, weightedPlugins } from './fixtures/risk-tools.js';

const maramAnswers = (riskLevel: string) => ({ riskLevel, evidenceConsidered: ['victim-survivor-self-assessment'] });

// For each tool: answers whose score gives `scoreLevel`, a level above it and one below it.
const tools = [
  { tool: 'dash', answers: dashAnswersWith(11), score: 11, scoreLevel: 'escalating', higher: 'high', lower: 'emerging' },
  { tool: 'dangerAssessment', answers: dangerAssessmentWith(14), score: 14, scoreLevel: 'high', higher: 'intensive', lower: 'escalating' },
  { tool: 'maram', answers: maramAnswers('elevated-risk'), score: 1, scoreLevel: 'escalating', higher: 'intensive', lower: 'emerging' },
  { tool: 'odara', answers: odaraWith(5), score: 5, scoreLevel: 'high', higher: 'intensive', lower: 'escalating' },
];
// The Danger Assessment-style tool scores only with weights (fictional ones here).
const harnessFor = () => openCase(templateWith(weightedPlugins), weightedPlugins);

describe('professional judgement', () => {
  it.each(tools)('$tool: raises $scoreLevel to $higher, and the reason is kept with the assessment', ({ tool, answers, score, scoreLevel, higher }) => {
    const harness = harnessFor();
    const judgement = { level: higher, reason: 'Recent escalation the answers do not show (fictional).' };
    expect(assess(harness, tool, answers, judgement)).toMatchObject({ score, scoreLevel, level: higher, judgement });
    harness.expectTier(higher);
    expect(harness.view().assessments).toMatchObject([{ tool: `risk-tools/${tool}`, level: higher, score, scoreLevel, judgement }]);
  });

  it.each(tools)('$tool: never lowers $scoreLevel to $lower (PWY_RISK_JUDGEMENT_LOWERS), and the case is unchanged', ({ tool, answers, score, scoreLevel, lower }) => {
    const harness = harnessFor();
    const refusal = harness.expectRefused('PWY_RISK_JUDGEMENT_LOWERS', 'riskTool.completed', completed(tool, answers, { level: lower, reason: 'Seems settled now (fictional).' }));
    expect(refusal.message).toContain(`risk-tools/${tool} scored ${score}, which gives "${scoreLevel}"; professional judgement may raise that level, never lower it to "${lower}".`);
    harness.expectTier(null);
    expect(harness.view().assessments).toEqual([]);
  });

  it.each(tools)('$tool: a judgement at the scored level is kept as given', ({ tool, answers, scoreLevel }) => {
    const harness = harnessFor();
    const judgement = { level: scoreLevel, reason: 'Agrees with the score (fictional).' };
    expect(assess(harness, tool, answers, judgement)).toMatchObject({ scoreLevel, level: scoreLevel, judgement });
  });

  it('needs a reason', () => {
    const refusal = harnessFor().expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'riskTool.completed', completed('dash', dashAnswersWith(3), { level: 'high' }));
    expect(refusal.problems.map((p) => p.path.join('.'))).toEqual(['payload.judgement.reason']);
  });

  it('a later, lower score records the new level but does not lower the tier (only a reasoned review does)', () => {
    const harness = harnessFor();
    assess(harness, 'dash', dashAnswersWith(14));
    harness.expectTier('high');
    expect(assess(harness, 'dash', dashAnswersWith(3))).toMatchObject({ score: 3, level: 'emerging' });
    harness.expectTier('high');
  });
});

describe('a level typed in (risk.assessed)', () => {
  it('may not claim to be an installed tool\'s result: that comes from its answers', () => {
    const harness = harnessFor();
    const refusal = harness.expectRefused('PWY_COMMAND_PAYLOAD_INVALID', 'risk.assessed', { personId: 'person-aroha', level: 'emerging', tool: 'risk-tools/dash' });
    expect(refusal.problems?.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['payload.tool', 'The text "risk-tools/dash" names the installed risk tool "risk-tools/dash": record its answers with riskTool.completed, which scores them; risk.assessed records a level typed in.'],
    ]);
    harness.expectTier(null);
    // Naming an instrument that is not an installed tool stays allowed (the level is the practitioner's).
    harness.send('risk.assessed', { personId: 'person-aroha', level: 'escalating', tool: 'agency-safety-screen' });
    harness.expectTier('escalating');
  });
});
