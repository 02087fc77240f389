import type { PluginCaseView } from '@pathways/core';
import { z } from 'zod';

/** The plugin's name: the namespace of its node type, guards, actions, trigger, work-item types and parameter. */
export const pluginName = 'child-expertise';

/**
 * A child-specific risk factor, as a kebab-case code (e.g. `child-directly-harmed`): a code, never
 * a description, so no personal detail reaches the case state. The codes a pathway uses are its
 * own; the plugin's documentation suggests a national set.
 */
export const childRiskFactorCode = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { message: 'must be a kebab-case code such as child-directly-harmed' });

/** The child factors recorded for a household, the payload of `child-expertise.factors-recorded`. */
export const childFactors = z.strictObject({
  /** A victim-survivor is pregnant, or a baby under 18 months lives in the household. */
  pregnancyOrBabyUnder18Months: z.boolean().describe('A victim-survivor is pregnant, or a baby under 18 months lives in the household.'),
  /** Care of or contact with a child is contested (e.g. contested contact or care arrangements). */
  childContactConflict: z.boolean().describe('Care of or contact with a child is contested (e.g. contested contact or care arrangements).'),
  /** Child-specific risk factors present, as codes (none: an empty list). */
  childRiskFactors: z.array(childRiskFactorCode).max(12).describe('Child-specific risk factors present, as kebab-case codes (none: an empty list).'),
});
export type ChildFactors = z.infer<typeof childFactors>;

/** How urgently the statutory child-protection agency is to respond to a report of concern (the NZ baseline's values). */
export const reportOfConcernUrgencies = ['critical-24h', 'very-urgent-48h', 'other'] as const;
export type ReportOfConcernUrgency = (typeof reportOfConcernUrgencies)[number];

/**
 * The plugin's part of each case (`context.plugins["child-expertise"]`): the factors and counts,
 * never who the children are or what was found.
 */
export const childExpertiseState = z.strictObject({
  /** The factors last recorded, or null before any recording. */
  factors: childFactors.nullable(),
  /** The factors that recording replaced (null when it was the first), so a trigger can tell what is new. */
  factorsBefore: childFactors.nullable(),
  checks: z.strictObject({
    /** Child-expertise checks opened (one per entry into a check node). */
    opened: z.number().int().min(0),
    /** Checks completed with the plan safe for children. */
    planSafe: z.number().int().min(0),
    /** Checks completed asking for changes to the plan. */
    changesNeeded: z.number().int().min(0),
  }),
  reportsOfConcern: z.strictObject({
    /** Reports of concern made to the statutory child-protection agency. */
    made: z.number().int().min(0),
    /** Responses of the agency recorded. */
    responded: z.number().int().min(0),
  }),
});
export type ChildExpertiseState = z.infer<typeof childExpertiseState>;

export const initialState: ChildExpertiseState = {
  factors: null,
  factorsBefore: null,
  checks: { opened: 0, planSafe: 0, changesNeeded: 0 },
  reportsOfConcern: { made: 0, responded: 0 },
};

/** The factors that hold, by name (risk factors as `childRiskFactors:<code>`), in a stable order. */
export function presentFactors(factors: ChildFactors | null): string[] {
  if (!factors) return [];
  return [
    ...(factors.pregnancyOrBabyUnder18Months ? ['pregnancyOrBabyUnder18Months'] : []),
    ...(factors.childContactConflict ? ['childContactConflict'] : []),
    ...[...new Set(factors.childRiskFactors)].map((code) => `childRiskFactors:${code}`),
  ];
}

/** How many persons in the case are children. */
export function childrenInCase(view: PluginCaseView): number {
  return view.persons.filter((person) => person.roles.includes('child')).length;
}

/** Why a child-expertise check is needed in this case (empty: it is not). */
export function reasonsForCheck(view: PluginCaseView, state: ChildExpertiseState): string[] {
  const children = childrenInCase(view);
  return [...(children > 0 ? [`${children === 1 ? 'a child is' : `${children} children are`} in the case`] : []), ...presentFactors(state.factors).map(describeFactor)];
}

function describeFactor(factor: string): string {
  if (factor === 'pregnancyOrBabyUnder18Months') return 'pregnancy or a baby under 18 months';
  if (factor === 'childContactConflict') return 'a child-contact conflict';
  return `the child risk factor ${factor.slice('childRiskFactors:'.length)}`;
}
