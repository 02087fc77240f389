/**
 * The six critical practice steps of the national multi-agency response model: HOW agencies work
 * together. A fixed, first-class set: every template has exactly one stage per step, in this
 * order of first entry, and every active node belongs to exactly one step.
 */
export const practiceSteps = [
  'recognition',
  'response',
  'entryIntoSupport',
  'allocation',
  'integratedResponse',
  'monitoring',
] as const;

/** One of the six practice steps. */
export type PracticeStep = (typeof practiceSteps)[number];

/** Plain English names, used when a template gives no label of its own. */
export const practiceStepNames: Readonly<Record<PracticeStep, string>> = {
  recognition: 'Recognition',
  response: 'Response',
  entryIntoSupport: 'Entry into support',
  allocation: 'Allocation',
  integratedResponse: 'Integrated response',
  monitoring: 'Monitoring and evaluation',
};
