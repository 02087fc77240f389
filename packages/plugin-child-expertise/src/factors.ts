import type { PluginActionDefinition, PluginEventDefinition, PluginGuardDefinition, PluginGuardResult, TriggerDefinition } from '@pathways/core';
import { z } from 'zod';
import { childFactors, presentFactors, reasonsForCheck, type ChildExpertiseState, type ChildFactors } from './state.js';

export const factorsRecorded = 'child-expertise.factors-recorded';

export const factorsEvents: Record<string, PluginEventDefinition> = {
  [factorsRecorded]: {
    label: { en: 'Record the child factors of the household' },
    payload: childFactors,
    roles: ['referrer', 'child-specialist', 'coordinator', 'lead-agency-practitioner', 'specialist-victim-advocate'],
    // Circumstances change at any time (a pregnancy, a contested contact arrangement): recorded at any step.
    record: { action: 'recordFactors' },
  },
};

/** The payload read as child factors; an action or trigger named on another event is a template error. */
function factorsOf(payload: Readonly<Record<string, unknown>>, hook: string): ChildFactors {
  const parsed = childFactors.safeParse(payload);
  if (!parsed.success) throw new Error(`${hook} reads the payload of ${factorsRecorded}; name it only on transitions taken on that event.`);
  return { ...parsed.data, childRiskFactors: [...new Set(parsed.data.childRiskFactors)].sort() };
}

const sameFactors = (a: ChildFactors | null, b: ChildFactors) => a !== null && JSON.stringify(presentFactors(a)) === JSON.stringify(presentFactors(b));

export const factorsActions: Record<string, PluginActionDefinition<ChildExpertiseState>> = {
  /** Keeps the factors in the plugin's state (the guards and the trigger read them there). */
  recordFactors: {
    params: z.strictObject({}),
    run: ({ state, payload }) => ({ state: { ...state, factors: factorsOf(payload, 'child-expertise/recordFactors'), factorsBefore: state.factors } }),
  },
};

const noParams = z.strictObject({});

export const factorsGuards: Record<string, PluginGuardDefinition<ChildExpertiseState>> = {
  /** A child is in the case, or a recorded factor holds: the case goes to the child-expertise check. */
  needed: {
    params: noParams,
    check: ({ case: view, state }): PluginGuardResult =>
      reasonsForCheck(view, state).length > 0
        ? true
        : { code: 'PWY_PLUGIN_REFUSED', message: 'No child-expertise check is needed: no child is in the case and no child factor is recorded (pregnancy or a baby under 18 months, a child-contact conflict, a child risk factor).' },
  },
  /** The complement of `needed`: no child in the case and no recorded factor. */
  notNeeded: {
    params: noParams,
    check: ({ case: view, state }): PluginGuardResult => {
      const reasons = reasonsForCheck(view, state);
      return reasons.length === 0 ? true : { code: 'PWY_PLUGIN_REFUSED', message: `A child-expertise check is needed: ${reasons.join('; ')}.` };
    },
  },
};

export const factorsTriggers: Record<string, TriggerDefinition<ChildExpertiseState>> = {
  /**
   * After a recording of the factors, when a factor holds that did not hold before it (a child
   * risk factor counts by its code). The recording action runs before triggers are asked, so what
   * it replaced is `factorsBefore`; without that action on the transition, the state still holds
   * what was recorded before.
   */
  factorsPresent: {
    label: { en: 'A child factor is newly present' },
    on: [factorsRecorded],
    params: noParams,
    fires: ({ payload, state }) => {
      const recorded = factorsOf(payload, 'child-expertise/factorsPresent');
      const before = new Set(presentFactors(sameFactors(state.factors, recorded) ? state.factorsBefore : state.factors));
      return presentFactors(recorded).some((factor) => !before.has(factor));
    },
  },
};
