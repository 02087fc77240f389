// @pathways/plugin-child-expertise: the built-in child-expertise plugin. Child factors route a case
// to a child-expertise check; the check is a node type whose action records the per-plan-version
// milestone plan approval reads; reports of concern to the statutory child-protection agency open
// follow-ups due by the agency's response bands. The definition is isomorphic (the designer
// imports it in a browser): hooks return what should happen, as data.
import { definePlugin } from '@pathways/core';
import { checkActions, checkEvents, checkNodeType, checkWorkItemType } from './check.js';
import { factorsActions, factorsEvents, factorsGuards, factorsTriggers } from './factors.js';
import { otherResponseParameter, reportOfConcernActions, reportOfConcernEvents, reportOfConcernGuards, responseWorkItemType } from './report-of-concern.js';
import { childExpertiseState, initialState, pluginName } from './state.js';

/** The child-expertise plugin: install it with `loadPlugins([plugin])` or list it in pathways.config.json. */
export const plugin = definePlugin({
  name: pluginName,
  version: '1.0.0',
  engine: '^0.1.0',
  label: { en: 'Child expertise' },
  description:
    'Child factors (children in the household, pregnancy or a baby under 18 months, child-contact conflict, child risk factors) route a case to a child-expertise check of the plan; the check records child-check-done, which plan approval reads per plan version; reports of concern to the statutory child-protection agency are followed up within its response bands.',
  state: { schema: childExpertiseState, initial: initialState, maxBytes: 2048 },
  events: { ...factorsEvents, ...checkEvents, ...reportOfConcernEvents },
  workItemTypes: [
    {
      id: checkWorkItemType,
      label: { en: 'Child-expertise check of the plan' },
      kind: 'assessment',
      ownerRole: 'child-specialist',
      // As the NZ baseline's own check: two calendar days keeps plan approval moving (the plan itself is due in 3 to 7 days).
      due: 'P2D',
      governance: { mode: 'tailorable', bounds: { label: {}, due: { max: 'P2D' } }, reason: 'The check before plan approval is a safeguard for children; a locality may only make it sooner.' },
    },
    {
      id: responseWorkItemType,
      label: { en: "Follow up the child-protection agency's response to a report of concern" },
      kind: 'referral',
      ownerRole: 'child-specialist',
      // Critical and very urgent reports are given their due (24 or 48 hours) when opened; this deadline times the rest.
      due: { param: `${pluginName}/${otherResponseParameter}` },
      governance: { mode: 'tailorable', bounds: { label: {} }, reason: 'Its timing follows the agency response bands; the longer band is tailored through child-expertise/otherResponseWithin.' },
    },
  ],
  parameters: {
    [otherResponseParameter]: {
      kind: 'duration',
      value: 'P7D',
      description: 'How long after a report of concern of urgency "other" (a band longer than 48 hours) its response is followed up, in calendar days in the locality zone.',
      governance: { mode: 'tailorable', bounds: { value: { max: 'P28D' } }, reason: 'A report of concern is never left without follow-up for more than four weeks.' },
    },
  },
  nodeTypes: { check: checkNodeType },
  guards: { ...factorsGuards, ...reportOfConcernGuards },
  actions: { ...factorsActions, ...checkActions, ...reportOfConcernActions },
  triggers: factorsTriggers,
});

export default plugin;

export { childFactors, childRiskFactorCode, childExpertiseState, reportOfConcernUrgencies } from './state.js';
export type { ChildFactors, ChildExpertiseState, ReportOfConcernUrgency } from './state.js';
export { checkCompletedPayload, checkConfig, childCheckMilestone } from './check.js';
export { reportOfConcernPayload, responseOutcomes } from './report-of-concern.js';
