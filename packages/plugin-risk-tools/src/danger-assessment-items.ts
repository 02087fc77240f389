import { z } from 'zod';
import { itemsObject, yesNo } from './items.js';

/**
 * The Danger Assessment-style tool's 20 items: code → topic. Topics only: the instrument's wording
 * and its item weights are licensed and come from the licence holder. (The instrument's calendar
 * of incidents is not scored and not part of this tool.)
 */
export const dangerAssessmentItems = {
  violenceIncreased: 'Physical violence more severe or more frequent over the past year',
  firearmAccess: 'Owns or can get a firearm',
  separationAfterLivingTogether: 'Separation after living together in the past year',
  unemployed: 'The person using violence is unemployed',
  weaponUsedOrThreatened: 'A weapon used or threatened',
  threatsToKill: 'Threats to kill',
  avoidedArrest: 'Avoided arrest for family violence',
  childNotTheirs: "A child in the home who is not the person using violence's",
  forcedSex: 'Forced sex',
  strangulation: 'Strangulation or choking',
  illicitDrugUse: 'Illicit drug use',
  problemDrinking: 'Problem drinking',
  controlsDailyActivities: 'Control of daily activities',
  violentJealousy: 'Violent and constant jealousy',
  assaultDuringPregnancy: 'Assault during pregnancy',
  suicideThreatsByPersonUsingViolence: 'Suicide threats or attempts by the person using violence',
  threatsToHarmChildren: 'Threats to harm children',
  believedCapableOfKilling: 'The victim-survivor believes they could be killed',
  stalkingOrSurveillance: 'Following, spying or threatening messages',
  victimSurvivorSuicideRisk: 'Suicide threats or attempts by the victim-survivor',
} as const satisfies Record<string, string>;
export type DangerAssessmentItem = keyof typeof dangerAssessmentItems;

/** The answers: each of the 20 items `yes` or `no`. */
export const dangerAssessmentAnswers = itemsObject(dangerAssessmentItems, yesNo);
export type DangerAssessmentAnswers = z.infer<typeof dangerAssessmentAnswers>;

const weight = z
  .number({ error: (issue) => (issue.input === undefined ? 'every item needs its weight from the licence holder; this one has none' : 'a weight is a number') })
  .min(0, { error: 'a weight is 0 or more' });

/**
 * Item weights, from the licence holder: one for each of the 20 item codes (a missing item would
 * silently count nothing), and no other key.
 */
export const dangerAssessmentWeights = itemsObject(dangerAssessmentItems, weight, {
  error: (issue) =>
    issue.code === 'unrecognized_keys' ? `${issue.keys.map((key) => JSON.stringify(key)).join(', ')} ${issue.keys.length === 1 ? 'is not an item code' : 'are not item codes'} of the Danger Assessment-style tool (its codes: ${Object.keys(dangerAssessmentItems).join(', ')})` : undefined,
});
export type DangerAssessmentWeights = z.infer<typeof dangerAssessmentWeights>;
