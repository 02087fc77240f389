import type { EscalationRule } from '../model/escalations.js';
import { flowGraph, type FlowGraph } from '../model/flow-graph.js';
import type { TimeSpan } from '../model/parameters.js';
import type { PathwayTemplate } from '../model/template.js';
import type { WorkItemSettings } from './case-step.js';
import { resolveSpan } from './resolve-span.js';

/**
 * What a compiled pathway's guards and actions read of its template, worked out once per compile:
 * parameters resolved to spans, rules indexed by id, the flow graph.
 */
export interface ResolvedTemplate {
  readonly template: PathwayTemplate;
  readonly graph: FlowGraph;
  readonly workItems: WorkItemSettings;
  /** Plan types with their resolved review cadence. */
  readonly planReview: ReadonlyMap<string, TimeSpan | undefined>;
  /** Missed-review rules with their resolved grace, by plan type (undefined: any plan type). */
  readonly missedReviewRules: readonly { readonly rule: string; readonly planType?: string; readonly after: TimeSpan }[];
  /** Repeat-episode windows: episodes older than every window are no longer kept in the case state. */
  readonly repeatWindows: readonly TimeSpan[];
  readonly escalations: ReadonlyMap<string, EscalationRule>;
  /** True when some escalation is triggered by a condition, so conditions are re-checked after changes. */
  readonly checksConditions: boolean;
  readonly resolveSpan: (span: Parameters<typeof resolveSpan>[1]) => TimeSpan;
}

/** Resolves what the machine needs of a parsed template. */
export function resolveTemplate(template: PathwayTemplate): ResolvedTemplate {
  const span = (value: Parameters<typeof resolveSpan>[1]) => resolveSpan(template, value);
  return {
    template,
    graph: flowGraph(template),
    resolveSpan: span,
    escalations: new Map(template.escalations.map((rule) => [rule.id, rule])),
    checksConditions: template.escalations.some((rule) => rule.trigger.kind === 'condition'),
    planReview: new Map(template.planTypes.map((plan) => [plan.id, plan.reviewEvery === undefined ? undefined : span(plan.reviewEvery)])),
    missedReviewRules: template.escalations.flatMap((rule) =>
      rule.trigger.kind === 'planReviewMissed'
        ? [{ rule: rule.id, after: rule.trigger.after === undefined ? 'PT0S' : span(rule.trigger.after), ...(rule.trigger.planType ? { planType: rule.trigger.planType } : {}) }]
        : [],
    ),
    repeatWindows: template.escalations.flatMap((rule) => (rule.trigger.kind === 'repeatEpisode' ? [span(rule.trigger.within)] : [])),
    workItems: {
      locality: template.locality,
      overdueRules: template.escalations.flatMap((rule) =>
        rule.trigger.kind === 'workItemOverdue'
          ? [{ rule, by: rule.trigger.by === undefined ? 'PT0S' : span(rule.trigger.by), ...(rule.trigger.workItemType ? { workItemType: rule.trigger.workItemType } : {}) }]
          : [],
      ),
    },
  };
}
