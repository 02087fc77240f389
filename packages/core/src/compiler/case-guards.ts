import type { Condition } from '../model/conditions.js';
import { own } from './own.js';
import type { PathwayTemplate } from '../model/template.js';
import type { CaseContext, CaseEvent } from './case-context.js';
import { assessedTier, conditionHolds, derivedTier, tierRank } from './case-logic.js';

type GuardArgs = { context: CaseContext; event: CaseEvent };

/** Guards are pure functions of context and event; named in templates, never written there. */
export function caseGuards(template: PathwayTemplate) {
  return {
    /** True when the payload field equals the value (strictly, for strings, numbers and booleans). */
    payloadEquals: ({ event }: GuardArgs, params: Record<string, unknown>) => event.payload?.[String(params.field)] === params.value,
    /** True when the firing timer is the wait timer of the given node. */
    timerOfNode: ({ context, event }: GuardArgs, params: { node: string }) => {
      const timer = own(context.timers, String(event.payload?.timerId));
      return timer?.purpose === 'wait' && timer.node === params.node;
    },
    /** True when a sentry holds over the case. */
    conditionHolds: ({ context }: GuardArgs, params: { condition: Condition }) => conditionHolds(params.condition, context, template.tiers, template.conditions),
    /** True when assessments and override now put the case at exactly this tier, above its current one. */
    tierRisesTo: ({ context }: GuardArgs, params: { tier: string }) => {
      const derived = derivedTier(context, template.tiers);
      return derived === params.tier && tierRank(template.tiers, derived) > tierRank(template.tiers, context.tier);
    },
    /** True for a reasoned lowering to this tier, not below what current assessments support. */
    lowersTo: ({ context, event }: GuardArgs, params: { tier: string }) =>
      event.payload?.toTier === params.tier &&
      typeof event.payload?.reason === 'string' &&
      tierRank(template.tiers, params.tier) < tierRank(template.tiers, context.tier) &&
      tierRank(template.tiers, params.tier) >= tierRank(template.tiers, assessedTier(context, template.tiers)),
    /** True when the routed-to node is this one. */
    routesTo: ({ event }: GuardArgs, params: { node: string }) => event.payload?.node === params.node,
    /** True when the plan's approval condition holds. */
    planApprovable: ({ context, event }: GuardArgs) => {
      const planType = template.planTypes.find((p) => p.id === event.payload?.planType);
      return planType?.approval.requires === undefined || conditionHolds(planType.approval.requires, context, template.tiers, template.conditions);
    },
  };
}
