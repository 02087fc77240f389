import type { Parameter, RiskToolDefinition } from '@pathways/core';
import type { z } from 'zod';
import { countYes, itemsObject, yesNo } from './items.js';
import { thresholdParameter, tierParameter } from './parameters.js';
import { docsPage, parameterRef } from './plugin-name.js';

/** The ODARA-style count's 13 items (mostly from police records): code → topic. Topics only, never the licensed wording or scoring rules. */
export const odaraItems = {
  priorDomesticIncident: 'An earlier family violence incident on record',
  priorNonDomesticIncident: 'An earlier violent incident outside the family on record',
  priorCustodialSentence: 'An earlier custodial sentence of 30 days or more',
  conditionalReleaseFailure: 'Failure on an earlier conditional release',
  threatToHarmOrKill: 'A threat to harm or kill during the incident',
  confinement: 'Confinement of the victim-survivor during the incident',
  victimSurvivorConcern: "The victim-survivor's concern about future assaults",
  moreThanOneChild: 'More than one child',
  childWithPreviousPartner: 'The victim-survivor has a child with a previous partner',
  violenceToOthers: 'Violence against others',
  substanceAbuse: 'Substance abuse',
  assaultDuringPregnancy: 'Assault during pregnancy',
  barriersToSupport: 'Barriers to support for the victim-survivor',
} as const satisfies Record<string, string>;
export type OdaraItem = keyof typeof odaraItems;

/** The answers: each of the 13 items `yes` or `no`. */
export const odaraAnswers = itemsObject(odaraItems, yesNo);
export type OdaraAnswers = z.infer<typeof odaraAnswers>;

const binsReason = "A locality may move the bin to match the licence holder's bins or local practice, within bounds that keep the bins in order.";

/** The ODARA-style count's parameters (`risk-tools/<name>` in a pathway). */
export const odaraParameters = {
  odaraModerateFrom: thresholdParameter(2, 'yes answers', 'ODARA-style count: the score from which the moderate bin starts (below it: the lower bin, scores 0 and 1 by default).', { min: 1, max: 4, reason: binsReason }),
  odaraHighFrom: thresholdParameter(5, 'yes answers', 'ODARA-style count: the score from which the high bin starts (5 and 6 by default).', { min: 4, max: 7, reason: binsReason }),
  odaraHighestFrom: thresholdParameter(7, 'yes answers', 'ODARA-style count: the score from which the highest bin starts (7 to 13 by default).', { min: 7, max: 13, reason: binsReason }),
  odaraLowerLevel: tierParameter('emerging', 'ODARA-style count: the tier the lower bin gives.', { upTo: 'escalating', reason: 'A locality may respond to the lower bin as escalating, never below emerging.' }),
  odaraModerateLevel: tierParameter('escalating', 'ODARA-style count: the tier the moderate bin gives.', { upTo: 'high', reason: 'A locality may respond to the moderate bin as high risk, never below escalating.' }),
  odaraHighLevel: tierParameter('high', 'ODARA-style count: the tier the high bin gives.', { upTo: 'intensive', reason: 'A locality may respond to the high bin with intensive case management, never below high.' }),
  odaraHighestLevel: tierParameter('intensive', 'ODARA-style count: the tier the highest bin gives.', { locked: 'The highest bin gives the highest tier everywhere.' }),
} as const satisfies Record<string, Parameter>;

/**
 * An ODARA-style count: the score is the count of `yes` among 13 items (0 to 13), binned into
 * four bins whose thresholds a locality may tailor within bounds, each mapped to a tier.
 */
export const odara: RiskToolDefinition = {
  label: { en: 'ODARA-style risk count' },
  version: '1.0.0',
  answers: odaraAnswers,
  score: (answers) => countYes(answers, odaraItems),
  levels: [
    { atLeast: parameterRef('odaraHighestFrom'), level: parameterRef('odaraHighestLevel') },
    { atLeast: parameterRef('odaraHighFrom'), level: parameterRef('odaraHighLevel') },
    { atLeast: parameterRef('odaraModerateFrom'), level: parameterRef('odaraModerateLevel') },
    { atLeast: 0, level: parameterRef('odaraLowerLevel') },
  ],
  docs: `${docsPage}#odara-style-risk-count-odara`,
};
