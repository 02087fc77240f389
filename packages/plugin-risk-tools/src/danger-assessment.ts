import type { Parameter, RiskToolDefinition } from '@pathways/core';
import { dangerAssessmentAnswers } from './danger-assessment-items.js';
import { riskToolsOptions } from './options.js';
import { thresholdParameter, tierParameter } from './parameters.js';
import { docsPage, parameterRef } from './plugin-name.js';

const bandsLocked =
  "The instrument's published levels (below 8 variable, 8 to 13 increased, 14 to 17 severe, 18 or more extreme) belong with its licensed weights: moving one without the other would give levels the instrument was never validated for.";

/** The Danger Assessment-style tool's parameters (`risk-tools/<name>` in a pathway). */
export const dangerAssessmentParameters = {
  dangerAssessmentIncreasedFrom: thresholdParameter(8, 'weighted points', 'Danger Assessment-style tool: the weighted score from which danger is increased (below it: variable).', { locked: bandsLocked }),
  dangerAssessmentSevereFrom: thresholdParameter(14, 'weighted points', 'Danger Assessment-style tool: the weighted score from which danger is severe.', { locked: bandsLocked }),
  dangerAssessmentExtremeFrom: thresholdParameter(18, 'weighted points', 'Danger Assessment-style tool: the weighted score from which danger is extreme.', { locked: bandsLocked }),
  dangerAssessmentVariableLevel: tierParameter('emerging', 'Danger Assessment-style tool: the tier variable danger (below 8) gives.', { upTo: 'escalating', reason: 'A locality may respond to variable danger as escalating, never below emerging.' }),
  dangerAssessmentIncreasedLevel: tierParameter('escalating', 'Danger Assessment-style tool: the tier increased danger (8 to 13) gives.', { upTo: 'high', reason: 'A locality may respond to increased danger as high risk, never below escalating.' }),
  dangerAssessmentSevereLevel: tierParameter('high', 'Danger Assessment-style tool: the tier severe danger (14 to 17) gives.', { upTo: 'intensive', reason: 'A locality may respond to severe danger with intensive case management, never below high.' }),
  dangerAssessmentExtremeLevel: tierParameter('intensive', 'Danger Assessment-style tool: the tier extreme danger (18 or more) gives.', { locked: 'Extreme danger gives the highest tier everywhere.' }),
} as const satisfies Record<string, Parameter>;

/**
 * A Danger Assessment-style tool: 20 yes/no items, each `yes` adding its weight. The weights are
 * licensed, so the plugin ships none: an installation that holds the licence sets them in
 * `options.risk-tools.dangerAssessmentWeights`. Without them the score is null: the answers are
 * recorded and the tool gives no level (the practitioner records a judgement-based level instead).
 */
export const dangerAssessment: RiskToolDefinition = {
  label: { en: 'Danger Assessment-style weighted items' },
  version: '1.0.0',
  answers: dangerAssessmentAnswers,
  score: (answers, { options }) => {
    const weights = riskToolsOptions.parse(options ?? {}).dangerAssessmentWeights;
    if (weights === undefined) return null;
    const sum = Object.entries(weights).reduce((total, [code, weight]) => total + (answers[code] === 'yes' ? weight : 0), 0);
    // Fractional weights must not land a score a hair below a band (0.1 + 0.2 is not 0.3 in floating point).
    return Math.round(sum * 1e6) / 1e6;
  },
  levels: [
    { atLeast: parameterRef('dangerAssessmentExtremeFrom'), level: parameterRef('dangerAssessmentExtremeLevel') },
    { atLeast: parameterRef('dangerAssessmentSevereFrom'), level: parameterRef('dangerAssessmentSevereLevel') },
    { atLeast: parameterRef('dangerAssessmentIncreasedFrom'), level: parameterRef('dangerAssessmentIncreasedLevel') },
    { atLeast: 0, level: parameterRef('dangerAssessmentVariableLevel') },
  ],
  docs: `${docsPage}#danger-assessment-style-weighted-items-dangerassessment`,
};
