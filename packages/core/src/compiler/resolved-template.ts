import type { EscalationRule } from '../model/escalations.js';
import { flowGraph, type FlowGraph } from '../model/flow-graph.js';
import { meetingPeriod } from '../model/meeting-cadence.js';
import { own } from '../model/own.js';
import type { Deadline, TimeSpan } from '../model/parameters.js';
import { createRegistry, type PluginRegistry } from '../model/plugin-registry.js';
import type { PathwayTemplate } from '../model/template.js';
import type { ConditionRules } from './case-rules.js';
import type { WorkItemSettings } from './case-step.js';
import { resolveDeadline, type ResolvedDeadline } from './deadline-rules.js';
import { resolveSpan } from './resolve-span.js';

/**
 * What a compiled pathway's guards and actions read of its template, worked out once per compile:
 * parameters resolved to spans, rules indexed by id, the flow graph.
 */
export interface ResolvedTemplate {
  readonly template: PathwayTemplate;
  /** The installed plugins whose node types, guards, actions, triggers and events the machine runs. */
  readonly plugins: PluginRegistry;
  readonly graph: FlowGraph;
  readonly workItems: WorkItemSettings;
  readonly conditionRules: ConditionRules;
  /** Plan types with their resolved review cadence. */
  readonly planReview: ReadonlyMap<string, TimeSpan | undefined>;
  /** Missed-review rules with their resolved grace, by plan type (undefined: any plan type). */
  readonly missedReviewRules: readonly { readonly rule: string; readonly planType?: string; readonly after: TimeSpan }[];
  /** Windows of the episode rules (repeat, potential escalation): episodes older than every window leave the case state. */
  readonly episodeWindows: readonly TimeSpan[];
  readonly escalations: ReadonlyMap<string, EscalationRule>;
  /** True when some escalation is triggered by a condition, so conditions are re-checked after changes. */
  readonly checksConditions: boolean;
  readonly resolveSpan: (span: Parameters<typeof resolveSpan>[1]) => TimeSpan;
  readonly resolveDeadline: (deadline: Deadline) => ResolvedDeadline;
  /** A work-item type's own deadline (the national bound for it), resolved. */
  readonly typeDeadline: (workItemType: string) => ResolvedDeadline | undefined;
  /** The period between sittings of a meeting series (its cadence), when known. */
  readonly meetingPeriod: (meeting: string) => TimeSpan | undefined;
  /** A number given directly or through a number parameter. */
  readonly resolveNumber: (value: number | { readonly param: string }) => number;
}

/** Resolves what the machine needs of a parsed template. */
export function resolveTemplate(template: PathwayTemplate, plugins: PluginRegistry = createRegistry([])): ResolvedTemplate {
  const span = (value: Parameters<typeof resolveSpan>[1]) => resolveSpan(template, value);
  const deadline = (value: Deadline) => resolveDeadline(template, value);
  const types = new Map(template.workItemTypes.map((type) => [type.id, type]));
  const listingTypes = new Map(
    template.meetings.map((meeting) => [meeting.id, meeting.listingType ?? template.workItemTypes.find((w) => w.kind === 'meetingListing')?.id ?? 'meeting-listing']),
  );
  return {
    template,
    plugins,
    graph: flowGraph(template),
    resolveSpan: span,
    resolveDeadline: deadline,
    typeDeadline: (id) => {
      const due = types.get(id)?.due;
      return due === undefined ? undefined : deadline(due);
    },
    meetingPeriod: (meeting) => meetingPeriod(template, meeting),
    resolveNumber: (value) => {
      if (typeof value === 'number') return value;
      const parameter = own(template.parameters, value.param);
      return parameter?.kind === 'number' ? parameter.value : Number.NaN;
    },
    conditionRules: {
      tiers: template.tiers,
      named: template.conditions,
      perPlanVersion: new Map(template.milestones.flatMap((m) => (m.perPlanVersion !== undefined ? [[m.id, m.perPlanVersion] as const] : []))),
    },
    escalations: new Map(template.escalations.map((rule) => [rule.id, rule])),
    checksConditions: template.escalations.some((rule) => rule.trigger.kind === 'condition'),
    planReview: new Map(template.planTypes.map((plan) => [plan.id, plan.reviewEvery === undefined ? undefined : span(plan.reviewEvery)])),
    missedReviewRules: template.escalations.flatMap((rule) =>
      rule.trigger.kind === 'planReviewMissed'
        ? [{ rule: rule.id, after: rule.trigger.after === undefined ? 'PT0S' : span(rule.trigger.after), ...(rule.trigger.planType ? { planType: rule.trigger.planType } : {}) }]
        : [],
    ),
    episodeWindows: template.escalations.flatMap((rule) => (rule.trigger.kind === 'repeatEpisode' || rule.trigger.kind === 'episodeCount' ? [span(rule.trigger.within)] : [])),
    workItems: {
      locality: template.locality,
      listingTypes,
      conferences: new Set(template.meetings.filter((meeting) => meeting.highRiskConference).map((meeting) => meeting.id)),
      overdueRules: template.escalations.flatMap((rule) =>
        rule.trigger.kind === 'workItemOverdue'
          ? [{ rule, by: rule.trigger.by === undefined ? 'PT0S' : span(rule.trigger.by), ...(rule.trigger.workItemType ? { workItemType: rule.trigger.workItemType } : {}) }]
          : [],
      ),
    },
  };
}
