import type { Parameter, RiskToolDefinition } from '@pathways/core';
import { z } from 'zod';
import { tierParameter } from './parameters.js';
import { docsPage, parameterRef } from './plugin-name.js';

/** The levels of risk a practitioner may determine, lowest first: the score is the position (0 to 3). */
export const maramRiskLevelCodes = ['at-risk', 'elevated-risk', 'serious-risk', 'requires-immediate-protection'] as const;
export type MaramRiskLevel = (typeof maramRiskLevelCodes)[number];

/** Each level of risk: code → label. */
export const maramRiskLevels = {
  'at-risk': 'At risk',
  'elevated-risk': 'Elevated risk',
  'serious-risk': 'Serious risk',
  'requires-immediate-protection': 'Serious risk requiring immediate protection',
} as const satisfies Record<MaramRiskLevel, string>;

/** The evidence a determination draws on: the groups of evidence-based risk factors, and the victim-survivor's own view. */
export const maramEvidenceCategoryCodes = [
  'victim-survivor-self-assessment',
  'adult-victim-survivor-circumstances',
  'behaviour-toward-adult-or-child',
  'behaviour-specific-to-children',
  'children-circumstances',
] as const;
export type MaramEvidenceCategory = (typeof maramEvidenceCategoryCodes)[number];

/** Each evidence category: code → topic. */
export const maramEvidenceCategories = {
  'victim-survivor-self-assessment': "The victim-survivor's own assessment of their risk",
  'adult-victim-survivor-circumstances': "The adult victim-survivor's circumstances",
  'behaviour-toward-adult-or-child': 'Behaviour of the person using violence toward an adult or a child',
  'behaviour-specific-to-children': 'Behaviour of the person using violence specific to children',
  'children-circumstances': "Children's circumstances",
} as const satisfies Record<MaramEvidenceCategory, string>;

/** The practice level of the assessment, recorded with it (a natural basis for who may use which tool). */
export const maramPracticeLevelCodes = ['identification', 'intermediate', 'comprehensive'] as const;

/**
 * (Messages read after a description of the value found, as the engine reports a refused answer:
 * "A list names no evidence category: …".)
 *
 * The answers: the level of risk the practitioner determined, the evidence categories considered
 * (at least one, each once) and, optionally, the practice level of the assessment.
 */
export const maramAnswers = z.strictObject({
  riskLevel: z.enum(maramRiskLevelCodes, { error: (issue) => `${issue.input === undefined ? 'is given' : 'is not a level of risk'}: give one of ${maramRiskLevelCodes.join(', ')}` }).meta({ title: 'Level of risk determined' }),
  evidenceConsidered: z
    .array(z.enum(maramEvidenceCategoryCodes, { error: `is not an evidence category: give one of ${maramEvidenceCategoryCodes.join(', ')}` }), { error: 'is given: name the evidence categories the determination considered' })
    .min(1, { error: 'names no evidence category: name at least one the determination considered' })
    .refine((categories) => new Set(categories).size === categories.length, { error: 'names an evidence category more than once: name each once' })
    .meta({ title: 'Evidence categories considered' }),
  practiceLevel: z.enum(maramPracticeLevelCodes).optional().meta({ title: 'Practice level of the assessment' }),
});
export type MaramAnswers = z.infer<typeof maramAnswers>;

/** The MARAM-style judgement's parameters (`risk-tools/<name>` in a pathway). */
export const maramParameters = {
  maramImmediateLevel: tierParameter('intensive', 'MARAM-style judgement: the tier serious risk requiring immediate protection gives.', { locked: 'Serious risk requiring immediate protection gives the highest tier everywhere.' }),
  maramSeriousLevel: tierParameter('high', 'MARAM-style judgement: the tier serious risk gives.', { upTo: 'intensive', reason: 'A locality may respond to serious risk with intensive case management, never below high.' }),
  maramElevatedLevel: tierParameter('escalating', 'MARAM-style judgement: the tier elevated risk gives.', { upTo: 'high', reason: 'A locality may respond to elevated risk as high risk, never below escalating.' }),
  maramAtRiskLevel: tierParameter('emerging', 'MARAM-style judgement: the tier at risk gives.', { upTo: 'escalating', reason: 'A locality may respond to at risk as escalating, never below emerging.' }),
} as const satisfies Record<string, Parameter>;

/**
 * A MARAM-style structured professional judgement: the practitioner determines the level of risk
 * from the evidence; the score is its position (at risk 0, elevated 1, serious 2, requiring
 * immediate protection 3), each mapped to a tier.
 */
export const maram: RiskToolDefinition = {
  label: { en: 'MARAM-style structured professional judgement' },
  version: '1.0.0',
  answers: maramAnswers,
  score: (answers) => maramRiskLevelCodes.indexOf(maramAnswers.parse(answers).riskLevel),
  levels: [
    { atLeast: 3, level: parameterRef('maramImmediateLevel') },
    { atLeast: 2, level: parameterRef('maramSeriousLevel') },
    { atLeast: 1, level: parameterRef('maramElevatedLevel') },
    { atLeast: 0, level: parameterRef('maramAtRiskLevel') },
  ],
  docs: `${docsPage}#maram-style-structured-professional-judgement-maram`,
};
