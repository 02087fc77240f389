import type { Parameter, RiskToolDefinition } from '@pathways/core';
import type { z } from 'zod';
import { askedWhenYes, checkFollowUp, type FollowUpSet } from './follow-up-sets.js';
import { countYes, itemsObject, yesNoNotKnown } from './items.js';
import { thresholdParameter, tierParameter } from './parameters.js';
import { docsPage, parameterRef } from './plugin-name.js';

/**
 * The Dash-style checklist's 24 items: code → topic. Topics only: the questions' wording is
 * licensed and comes from the licence holder.
 */
export const dashItems = {
  currentInjury: 'Current injuries',
  veryFrightened: 'Very frightened',
  fearOfFurtherHarm: 'Fear of further harm',
  isolation: 'Isolation from family or friends',
  depressionOrSuicidalThoughts: 'Feeling depressed or having suicidal thoughts',
  recentSeparation: 'Separation, or trying to separate, in the past year',
  childContactConflict: 'Conflict over contact with children',
  stalking: 'Stalking or harassment',
  pregnancyOrNewBaby: 'Pregnancy or a baby in the past 18 months',
  abuseMoreOften: 'Abuse happening more often',
  abuseGettingWorse: 'Abuse getting worse',
  controllingOrJealous: 'Controlling behaviour or excessive jealousy',
  weaponsOrObjects: 'Weapons or objects used to hurt',
  threatsToKill: 'Threats to kill',
  strangulation: 'Strangulation, choking, suffocation or drowning',
  sexualAbuse: 'Sexual abuse',
  othersThreatening: "Other people threatening or feared, including extended family ('honour'-based violence)",
  harmToOthers: 'Harm to children or other people',
  harmToAnimals: 'Harm to animals or pets',
  financialIssues: 'Financial issues',
  substanceOrMentalHealth: 'Alcohol, drug or mental health problems',
  suicideThreatsByPersonUsingViolence: 'Suicide threats or attempts by the person using violence',
  breachOfOrders: 'Breach of bail, an order or an agreement',
  criminalHistory: 'Trouble with the police, or a criminal history',
} as const satisfies Record<string, string>;
export type DashItem = keyof typeof dashItems;

/** The stalking follow-up set (answered when `stalking` is `yes`): code → topic. */
export const dashStalkingItems = {
  veryFrightened: 'Very frightened',
  previousStalking: 'Stalking or harassment before',
  propertyDamage: 'Property vandalised or destroyed',
  turningUpUnannounced: 'Turning up unannounced, often',
  followingOrLoitering: 'Following or loitering',
  threatsOfViolence: 'Threats of physical or sexual violence',
  harassingOthers: 'Harassing family, friends or others',
  violenceToOthers: 'Violence towards others during the stalking',
  involvingOthers: 'Involving other people in the stalking',
  substanceMisuse: 'Alcohol or drug misuse',
  pastViolence: 'Violence in the past',
} as const satisfies Record<string, string>;

/** The 'honour'-based violence follow-up set (answered when `othersThreatening` is `yes`): code → topic. */
export const dashHonourBasedItems = {
  familyOrCommunityPressure: 'Pressure or threats from family or community',
  forcedMarriage: 'Forced marriage, or fear of one',
  severalPeopleInvolved: 'More than one person involved in the abuse',
  movementRestricted: 'Movement or contact restricted by family',
  takenOverseas: 'Threats of being taken overseas',
  relationshipDisapproved: 'A relationship the family disapproves of',
  earlierHonourBasedAbuse: "'Honour'-based abuse in the family before",
} as const satisfies Record<string, string>;

const stalkingFollowUp = itemsObject(dashStalkingItems, yesNoNotKnown);
const honourBasedFollowUp = itemsObject(dashHonourBasedItems, yesNoNotKnown);

/** The follow-up sets, each asked by one of the 24 items. */
const stalkingSet = { field: 'stalkingFollowUp', name: 'stalking', trigger: 'stalking', size: Object.keys(dashStalkingItems).length } as const satisfies FollowUpSet & { trigger: DashItem };
const honourBasedSet = { field: 'honourBasedFollowUp', name: "'honour'-based violence", trigger: 'othersThreatening', size: Object.keys(dashHonourBasedItems).length } as const satisfies FollowUpSet & { trigger: DashItem };

/**
 * The answers: each of the 24 items `yes`, `no` or `not-known`, and the follow-up sets their
 * trigger items require. A follow-up set is required when its item is `yes` and refused otherwise
 * (so a record never holds a set its checklist did not ask for); its answers are recorded with the
 * assessment and inform professional judgement, but do not change the count.
 */
export const dashAnswers = itemsObject(dashItems, yesNoNotKnown)
  .extend({
    stalkingFollowUp: stalkingFollowUp.optional().meta({ title: 'Stalking follow-up set', description: 'Required when stalking is yes; recorded, not counted.' }),
    honourBasedFollowUp: honourBasedFollowUp.optional().meta({ title: "'Honour'-based violence follow-up set", description: 'Required when othersThreatening is yes; recorded, not counted.' }),
  })
  .superRefine((answers, ctx) => {
    checkFollowUp(ctx, stalkingSet, answers.stalking, answers.stalkingFollowUp !== undefined);
    checkFollowUp(ctx, honourBasedSet, answers.othersThreatening, answers.honourBasedFollowUp !== undefined);
  })
  // The rule again in the JSON Schema, where forms read when to ask each set.
  .meta({ allOf: [askedWhenYes(stalkingSet), askedWhenYes(honourBasedSet)] });
export type DashAnswers = z.infer<typeof dashAnswers>;

/** The Dash-style checklist's parameters (`risk-tools/<name>` in a pathway). */
export const dashParameters = {
  dashVisibleHighRisk: thresholdParameter(14, 'yes answers', 'Dash-style checklist: a count of yes answers from which the risk is visible high risk.', {
    locked: '14+ is visible high risk: the checklist\'s national threshold, the same everywhere (professional judgement may raise a lower count, never lower this one).',
  }),
  dashMediumFrom: thresholdParameter(10, 'yes answers', 'Dash-style checklist: a count of yes answers from which the risk is medium (below the visible high-risk threshold).', {
    min: 5,
    max: 13,
    reason: 'Local practice sets its medium band (commonly 10 to 13); it stays below the locked visible high-risk threshold of 14 so the band always exists, and at 5 or more so one or two yes answers do not make every case medium.',
  }),
  dashHighLevel: tierParameter('high', 'Dash-style checklist: the tier a visible high-risk count (14+) gives.', { locked: '14+ is visible high risk: it gives the high tier everywhere.' }),
  dashMediumLevel: tierParameter('escalating', 'Dash-style checklist: the tier a medium count gives.', { upTo: 'high', reason: 'A locality may respond to a medium count as high risk, never below escalating.' }),
  dashStandardLevel: tierParameter('emerging', 'Dash-style checklist: the tier a standard count (below medium) gives.', { upTo: 'escalating', reason: 'A locality may respond to a standard count as escalating, never below emerging.' }),
} as const satisfies Record<string, Parameter>;

/**
 * A Dash-style checklist: the score is the count of `yes` among the 24 items (`not-known` is not
 * counted); 14+ gives the high tier (locked), the medium band a locality's threshold gives (10 by
 * default), anything lower the standard band.
 */
export const dash: RiskToolDefinition = {
  label: { en: 'Dash-style risk checklist' },
  version: '1.0.0',
  answers: dashAnswers,
  score: (answers) => countYes(answers, dashItems),
  levels: [
    { atLeast: parameterRef('dashVisibleHighRisk'), level: parameterRef('dashHighLevel') },
    { atLeast: parameterRef('dashMediumFrom'), level: parameterRef('dashMediumLevel') },
    { atLeast: 0, level: parameterRef('dashStandardLevel') },
  ],
  docs: `${docsPage}#dash-style-risk-checklist-dash`,
};
