import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate, validateTemplate, type ErrorCode, type JsonPath, type PathwayTemplateInput } from '@pathways/core';
import { describe, expect, it } from 'vitest';

// The practice vocabulary (case facts, deadlines counted from facts or meeting cadences, plan
// approval and development places, tier assessment sources, per-version milestones, where the tier
// may be lowered, local effects) refused misuse by misuse: each with its exact code, path and a
// message naming what is wrong, beside a near miss that must pass, so no case passes vacuously.
// Templates are copies of the NZ baseline or the tiny pathway with one change each. All data is
// fictional.

type TemplateJson = PathwayTemplateInput;
type TemplateNode = TemplateJson['nodes'][number];

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const readTemplate = (...segments: string[]): TemplateJson => JSON.parse(readFileSync(join(repoRoot, ...segments), 'utf8'));

const baseline = readTemplate('packages', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json');
const tiny = readTemplate('examples', 'tiny-pathway', 'tiny-pathway.json');

/** A deep copy of `base` with one change made to it. */
function mutate(base: TemplateJson, change: (template: TemplateJson) => void): TemplateJson {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

function indexOfId(items: readonly { readonly id: string }[] | undefined, id: string): number {
  const index = items?.findIndex((item) => item.id === id) ?? -1;
  if (index < 0) throw new Error(`The base template has no "${id}".`);
  return index;
}

function withId<T extends { readonly id: string }>(items: readonly T[] | undefined, id: string): T {
  return items![indexOfId(items, id)]!;
}

function indexOfEvent(template: TemplateJson, type: string): number {
  const index = template.events?.findIndex((event) => event.type === type) ?? -1;
  if (index < 0) throw new Error(`The base template declares no event "${type}".`);
  return index;
}

const eventOf = (template: TemplateJson, type: string) => template.events![indexOfEvent(template, type)]!;

function nodeOf<K extends TemplateNode['type']>(template: TemplateJson, id: string, type: K): Extract<TemplateNode, { type: K }> {
  const node = withId(template.nodes, id);
  if (node.type !== type) throw new Error(`"${id}" is a ${node.type} node, not ${type}.`);
  return node as Extract<TemplateNode, { type: K }>;
}

function enumParameter(template: TemplateJson, name: string) {
  const parameter = template.parameters?.[name];
  if (parameter?.kind !== 'enum') throw new Error(`"${name}" is not an enum parameter.`);
  return parameter;
}

// Where the elements the cases change sit in the baseline; the changes never reorder collections.
const at = {
  followUp: indexOfId(baseline.workItemTypes, 'safety-order-follow-up'),
  triageListingType: indexOfId(baseline.workItemTypes, 'triage-listing'),
  icmListingType: indexOfId(baseline.workItemTypes, 'icm-listing'),
  triageListingNode: indexOfId(baseline.nodes, 'triage-listing'),
  awaitIcm: indexOfId(baseline.nodes, 'await-next-icm'),
  dailyTriage: indexOfId(baseline.meetings, 'daily-triage'),
  icm: indexOfId(baseline.meetings, 'intensive-case-management'),
  plan: indexOfId(baseline.planTypes, 'family-safety-plan'),
  childCheck: indexOfId(baseline.milestones, 'child-check-done'),
  safetyOrderFact: indexOfId(baseline.facts, 'safetyOrderExpiresAt'),
  repeat: indexOfId(baseline.escalations, 'repeat-episode'),
  potential: indexOfId(baseline.escalations, 'potential-escalation'),
  orderRecorded: indexOfId(baseline.escalations, 'safety-order-expiring'),
  releaseRevision: indexOfId(baseline.escalations, 'custody-release-plan-revision'),
  custodyRelease: indexOfEvent(baseline, 'custody-release.notified'),
  triageDecision: indexOfEvent(baseline, 'triage.completed'),
  deescalation: indexOfEvent(baseline, 'tier.deescalated'),
};

/** The release plan revision, due as given; the rest of the response is the baseline's. */
function reviseBeforeRelease(template: TemplateJson, due: Extract<NonNullable<TemplateJson['escalations']>[number]['response'][number], { kind: 'revisePlan' }>['due']): void {
  withId(template.escalations, 'custody-release-plan-revision').response = [
    { kind: 'revisePlan', planType: 'family-safety-plan', workItemType: 'family-safety-plan-development', due },
  ];
}

const safetyOrderDue = (template: TemplateJson) => withId(template.workItemTypes, 'safety-order-follow-up');

/** A tiny pathway with a plan type of its own; the tiny pathway has none. */
function withPlanType(template: TemplateJson): void {
  template.workItemTypes = [{ id: 'plan-action', label: { en: 'Plan action' }, kind: 'planAction' }];
  template.planTypes = [{ id: 'whanau-safety-plan', label: { en: 'Whānau safety plan' }, workItemTypes: ['plan-action'], approval: { role: 'coordinator' } }];
}

interface ExpectedProblem {
  readonly code: ErrorCode;
  readonly path: JsonPath;
  /** Text the message must contain: the offending id, and whatever else makes it fixable. */
  readonly names: readonly string[];
}

interface Refusal {
  readonly misuse: string;
  /** The baseline unless given. */
  readonly base?: TemplateJson;
  readonly change: (template: TemplateJson) => void;
  /** Every problem reported, in order: nothing else may be reported alongside. */
  readonly problems: readonly ExpectedProblem[];
}

interface Acceptance {
  readonly use: string;
  readonly base?: TemplateJson;
  readonly change: (template: TemplateJson) => void;
}

interface Rule {
  readonly refused: readonly Refusal[];
  readonly accepted: readonly Acceptance[];
}

const rules: Record<string, Rule> = {
  PWY_FACT_INVALID: {
    refused: [
      {
        misuse: 'an event records a fact from a payload field it does not have',
        change: (t) => void (eventOf(t, 'custody-release.notified').records = { releasedOn: 'releaseFromCustodyAt' }),
        problems: [{ code: 'PWY_FACT_INVALID', path: ['events', at.custodyRelease, 'records', 'releasedOn'], names: ['custody-release.notified', 'releasedOn', 'releaseFromCustodyAt'] }],
      },
      {
        misuse: 'an event records a fact from a field that is not an instant',
        change: (t) => void (eventOf(t, 'custody-release.notified').records = { custodyType: 'releaseFromCustodyAt' }),
        problems: [{ code: 'PWY_FACT_INVALID', path: ['events', at.custodyRelease, 'records', 'custodyType'], names: ['custodyType', 'custody-release.notified', 'instant'] }],
      },
    ],
    accepted: [
      {
        use: 'an event records a fact from an optional instant field',
        change: (t) => {
          const event = eventOf(t, 'custody-release.notified');
          event.payload = { ...event.payload, releaseAt: { type: 'instant', required: false } };
        },
      },
      {
        use: 'the tiny pathway declares a fact, records it from an instant field and counts a due from it',
        base: tiny,
        change: (t) => {
          t.facts = [{ id: 'protectionOrderServedAt', label: { en: 'Protection order served' }, type: 'instant' }];
          const referral = eventOf(t, 'referral.received');
          referral.payload = { ...referral.payload, orderServedAt: { type: 'instant', required: false } };
          referral.records = { orderServedAt: 'protectionOrderServedAt' };
          nodeOf(t, 'assign-lead', 'humanTask').due = { relativeTo: 'protectionOrderServedAt', after: { workingDays: 1 } };
        },
      },
    ],
  },

  PWY_DEADLINE_INVALID: {
    refused: [
      {
        misuse: 'a due counts from a fact with both an offset and a before',
        change: (t) => reviseBeforeRelease(t, { relativeTo: 'releaseFromCustodyAt', offset: '-P1D', before: 'P1D' }),
        problems: [{ code: 'PWY_DEADLINE_INVALID', path: ['escalations', at.releaseRevision, 'response', 0, 'due'], names: ['releaseFromCustodyAt', 'offset and before'] }],
      },
      {
        misuse: 'a due counts from a fact with both a before and an after',
        change: (t) => void (safetyOrderDue(t).due = { relativeTo: 'safetyOrderExpiresAt', before: { param: 'safetyOrderFollowUp' }, after: 'PT2H' }),
        problems: [{ code: 'PWY_DEADLINE_INVALID', path: ['workItemTypes', at.followUp, 'due'], names: ['safetyOrderExpiresAt', 'before and after'] }],
      },
      {
        misuse: 'a wait counts from a fact with an offset and an after',
        change: (t) => void (nodeOf(t, 'await-next-icm', 'wait').duration = { relativeTo: 'releaseFromCustodyAt', offset: '-P1D', after: 'P1D' }),
        problems: [{ code: 'PWY_DEADLINE_INVALID', path: ['nodes', at.awaitIcm, 'duration'], names: ['releaseFromCustodyAt', 'offset and after'] }],
      },
      {
        misuse: 'a due counts working days before a fact',
        change: (t) => void (safetyOrderDue(t).due = { relativeTo: 'safetyOrderExpiresAt', before: { workingDays: 2 } }),
        // The message names neither the fact nor the due's owner; the path has to carry that.
        problems: [{ code: 'PWY_DEADLINE_INVALID', path: ['workItemTypes', at.followUp, 'due', 'before'], names: ['Working days', 'ISO 8601'] }],
      },
      {
        misuse: 'a due counts working days before a fact through a parameter',
        change: (t) => {
          t.parameters = { ...t.parameters, followUpLead: { kind: 'duration', value: { workingDays: 2 } } };
          safetyOrderDue(t).due = { relativeTo: 'safetyOrderExpiresAt', before: { param: 'followUpLead' } };
        },
        problems: [{ code: 'PWY_DEADLINE_INVALID', path: ['workItemTypes', at.followUp, 'due', 'before'], names: ['Working days'] }],
      },
    ],
    accepted: [
      { use: 'working days after a fact', change: (t) => void (safetyOrderDue(t).due = { relativeTo: 'safetyOrderExpiresAt', after: { workingDays: 2 } }) },
      { use: 'an explicitly positive signed offset alone', change: (t) => reviseBeforeRelease(t, { relativeTo: 'releaseFromCustodyAt', offset: '+PT2H' }) },
      { use: "the fact's instant itself (no offset, before or after)", change: (t) => reviseBeforeRelease(t, { relativeTo: 'releaseFromCustodyAt' }) },
      {
        use: 'an ISO 8601 span before a fact through a parameter',
        change: (t) => {
          t.parameters = { ...t.parameters, followUpLead: { kind: 'duration', value: 'P2D' } };
          safetyOrderDue(t).due = { relativeTo: 'safetyOrderExpiresAt', before: { param: 'followUpLead' } };
        },
      },
    ],
  },

  PWY_PLAN_APPROVAL_NODE: {
    refused: [
      {
        misuse: 'the approval node has no transition on plan.approved',
        change: (t) => void (withId(t.planTypes, 'family-safety-plan').approval.node = 'develop-plan'),
        problems: [{ code: 'PWY_PLAN_APPROVAL_NODE', path: ['planTypes', at.plan, 'approval', 'node'], names: ['develop-plan', 'family-safety-plan', 'plan.approved'] }],
      },
      {
        misuse: 'no approval node is named and no activity has a transition on plan.approved',
        base: tiny,
        change: withPlanType,
        problems: [{ code: 'PWY_PLAN_APPROVAL_NODE', path: ['planTypes', 0, 'approval'], names: ['whanau-safety-plan', 'plan.approved'] }],
      },
    ],
    accepted: [
      { use: 'no approval node named while an activity approves on plan.approved', change: (t) => void delete withId(t.planTypes, 'family-safety-plan').approval.node },
      {
        use: 'the tiny pathway approving its plan on a plan.approved transition',
        base: tiny,
        change: (t) => {
          withPlanType(t);
          withId(t.transitions, 'plan-approved').on = 'plan.approved';
        },
      },
    ],
  },

  PWY_MEETING_CADENCE: {
    refused: [
      {
        misuse: "a meeting's cadence parameter allows a value Pathways cannot count, and a listing is due by its next sitting",
        change: (t) => void enumParameter(t, 'triageCadence').values.push('quarterly'),
        problems: [{ code: 'PWY_MEETING_CADENCE', path: ['workItemTypes', at.triageListingType, 'due', 'meetingCadence'], names: ['daily-triage', '"quarterly"'] }],
      },
      {
        misuse: 'a meeting sits at a cadence Pathways cannot count, and a wait and a listing count its next sitting',
        change: (t) => void (withId(t.meetings, 'intensive-case-management').cadence = 'every-second-tuesday'),
        problems: [
          { code: 'PWY_MEETING_CADENCE', path: ['nodes', at.awaitIcm, 'duration', 'meetingCadence'], names: ['intensive-case-management', '"every-second-tuesday"'] },
          { code: 'PWY_MEETING_CADENCE', path: ['workItemTypes', at.icmListingType, 'due', 'meetingCadence'], names: ['intensive-case-management', '"every-second-tuesday"'] },
        ],
      },
    ],
    accepted: [
      { use: 'a cadence parameter whose every value can be counted', change: (t) => void enumParameter(t, 'triageCadence').values.push('four-weekly') },
      {
        // Only counting a period needs a known cadence; a meeting nothing waits for may sit as it likes.
        use: 'a meeting at an uncountable cadence that no wait or due counts',
        change: (t) => void t.meetings!.push({ id: 'quarterly-review', label: { en: 'Quarterly review' }, cadence: 'quarterly', chairRole: 'coordinator' }),
      },
    ],
  },

  PWY_TIER_ASSESSMENT_INVALID: {
    refused: [
      {
        misuse: 'an assessment source points at a payload field that is not a tier',
        change: (t) => void (eventOf(t, 'triage.completed').assessesTier = { field: 'repeatEpisode', meeting: 'daily-triage' }),
        problems: [{ code: 'PWY_TIER_ASSESSMENT_INVALID', path: ['events', at.triageDecision, 'assessesTier', 'field'], names: ['triage.completed', 'repeatEpisode'] }],
      },
      {
        misuse: 'an assessment source points at a payload field the event does not have',
        change: (t) => void (eventOf(t, 'triage.completed').assessesTier = { field: 'riskTier' }),
        problems: [{ code: 'PWY_TIER_ASSESSMENT_INVALID', path: ['events', at.triageDecision, 'assessesTier', 'field'], names: ['triage.completed', 'riskTier'] }],
      },
      {
        misuse: 'the tier-lowering event is an assessment source',
        change: (t) => void (eventOf(t, 'tier.deescalated').assessesTier = { field: 'toTier' }),
        problems: [{ code: 'PWY_TIER_ASSESSMENT_INVALID', path: ['events', at.deescalation, 'assessesTier'], names: ['tier.deescalated'] }],
      },
      {
        misuse: 'an event assesses the tier in a pathway without tiers',
        base: tiny,
        change: (t) => {
          const triage = eventOf(t, 'triage.completed');
          triage.payload = { ...triage.payload, tier: { type: 'tier' } };
          triage.assessesTier = { field: 'tier' };
        },
        problems: [
          { code: 'PWY_REFERENCE_DANGLING', path: ['events', indexOfEvent(tiny, 'triage.completed'), 'payload', 'tier'], names: ['tier'] },
          { code: 'PWY_TIER_ASSESSMENT_INVALID', path: ['events', indexOfEvent(tiny, 'triage.completed'), 'assessesTier'], names: ['triage.completed', 'no tiers'] },
        ],
      },
    ],
    accepted: [
      { use: 'an assessment source naming no meeting', change: (t) => void (eventOf(t, 'triage.completed').assessesTier = { field: 'tier' }) },
      { use: 'an assessment source naming the high-risk conference', change: (t) => void (eventOf(t, 'triage.completed').assessesTier = { field: 'tier', meeting: 'intensive-case-management' }) },
    ],
  },

  PWY_REFERENCE_DANGLING: {
    refused: [
      {
        misuse: 'a due counts from an undeclared fact',
        change: (t) => void (safetyOrderDue(t).due = { relativeTo: 'protectionOrderExpiresAt', before: 'P2D' }),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['workItemTypes', at.followUp, 'due', 'relativeTo'], names: ['protectionOrderExpiresAt', 'facts'] }],
      },
      {
        misuse: 'a wait counts from an undeclared fact',
        change: (t) => void (nodeOf(t, 'await-next-icm', 'wait').duration = { relativeTo: 'hearingAt', before: 'P1D' }),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['nodes', at.awaitIcm, 'duration', 'relativeTo'], names: ['hearingAt'] }],
      },
      {
        misuse: "a wait counts an undeclared meeting's cadence",
        change: (t) => void (nodeOf(t, 'await-next-icm', 'wait').duration = { meetingCadence: 'weekly-icm' }),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['nodes', at.awaitIcm, 'duration', 'meetingCadence'], names: ['weekly-icm', 'meetings'] }],
      },
      {
        misuse: "a meeting's listing type is undeclared",
        change: (t) => void (withId(t.meetings, 'daily-triage').listingType = 'triage-slot'),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['meetings', at.dailyTriage, 'listingType'], names: ['triage-slot', 'workItemTypes'] }],
      },
      {
        misuse: 'a plan type is developed at an undeclared node',
        change: (t) => void (withId(t.planTypes, 'family-safety-plan').developedAt = ['develop-plan-high', 'develop-plan-low']),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['planTypes', at.plan, 'developedAt', 1], names: ['develop-plan-low'] }],
      },
      {
        misuse: 'a plan type is approved at an undeclared node',
        change: (t) => void (withId(t.planTypes, 'family-safety-plan').approval.node = 'approve-plan'),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['planTypes', at.plan, 'approval', 'node'], names: ['approve-plan'] }],
      },
      {
        misuse: 'a milestone is needed afresh per version of an undeclared plan type',
        change: (t) => void (withId(t.milestones, 'child-check-done').perPlanVersion = 'whanau-plan'),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['milestones', at.childCheck, 'perPlanVersion'], names: ['whanau-plan', 'planTypes'] }],
      },
      {
        misuse: 'the tier may be lowered at an undeclared node',
        change: (t) => void (t.tiers!.lowering.at = ['intensive-case-management-review', 'review-meeting']),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['tiers', 'lowering', 'at', 1], names: ['review-meeting'] }],
      },
      {
        misuse: 'a repeat window counts from the last conference listing, but no meeting is the high-risk conference',
        change: (t) => {
          withId(t.escalations, 'repeat-episode').trigger = { kind: 'repeatEpisode', within: { param: 'repeatWindow' }, anchor: 'lastConferenceListing' };
          withId(t.meetings, 'intensive-case-management').highRiskConference = false;
        },
        // There is no id to name: the message names the flag that is missing.
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['escalations', at.repeat, 'trigger', 'anchor'], names: ['highRiskConference'] }],
      },
      {
        misuse: 'an event records an undeclared fact',
        change: (t) => void (eventOf(t, 'custody-release.notified').records = { releaseAt: 'releasedAt' }),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['events', at.custodyRelease, 'records', 'releaseAt'], names: ['releasedAt', 'facts'] }],
      },
      {
        misuse: 'an escalation is set off by an undeclared fact',
        change: (t) => void (withId(t.escalations, 'safety-order-expiring').trigger = { kind: 'factRecorded', fact: 'protectionOrderExpiresAt' }),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['escalations', at.orderRecorded, 'trigger', 'fact'], names: ['protectionOrderExpiresAt'] }],
      },
      {
        misuse: 'an assessment source names an undeclared meeting',
        change: (t) => void (eventOf(t, 'triage.completed').assessesTier = { field: 'tier', meeting: 'weekly-triage' }),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['events', at.triageDecision, 'assessesTier', 'meeting'], names: ['weekly-triage'] }],
      },
      {
        misuse: 'a human task works an undeclared meeting',
        change: (t) => void (nodeOf(t, 'triage-listing', 'humanTask').meeting = 'triage-panel'),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['nodes', at.triageListingNode, 'meeting'], names: ['triage-panel'] }],
      },
      {
        misuse: 'an escalation revises an undeclared plan type',
        change: (t) =>
          void (withId(t.escalations, 'custody-release-plan-revision').response = [{ kind: 'revisePlan', planType: 'whanau-plan', workItemType: 'family-safety-plan-development' }]),
        problems: [{ code: 'PWY_REFERENCE_DANGLING', path: ['escalations', at.releaseRevision, 'response', 0, 'planType'], names: ['whanau-plan'] }],
      },
    ],
    accepted: [
      { use: 'a repeat window counting from the last listing at the high-risk conference', change: (t) => void (withId(t.escalations, 'repeat-episode').trigger = { kind: 'repeatEpisode', within: { param: 'repeatWindow' }, anchor: 'lastConferenceListing' }) },
      { use: 'a wait counted from a declared fact', change: (t) => void (nodeOf(t, 'await-next-icm', 'wait').duration = { relativeTo: 'releaseFromCustodyAt', before: 'P1D' }) },
      { use: "a plan revision due by the next sitting of a declared meeting", change: (t) => reviseBeforeRelease(t, { meetingCadence: 'intensive-case-management' }) },
      { use: 'a meeting without a listing type (the first meetingListing type is used)', change: (t) => void delete withId(t.meetings, 'daily-triage').listingType },
      { use: 'a plan type developed at no particular node', change: (t) => void (withId(t.planTypes, 'family-safety-plan').developedAt = []) },
      { use: 'tiers lowered at any node (no lowering.at)', change: (t) => void delete t.tiers!.lowering.at },
    ],
  },

  PWY_PARAMETER_KIND: {
    refused: [
      {
        misuse: "an episode count's atLeast names a duration parameter",
        change: (t) => void (withId(t.escalations, 'potential-escalation').trigger = { kind: 'episodeCount', atLeast: { param: 'potentialEscalationWindow' }, within: { param: 'potentialEscalationWindow' } }),
        problems: [{ code: 'PWY_PARAMETER_KIND', path: ['escalations', at.potential, 'trigger', 'atLeast', 'param'], names: ['potentialEscalationWindow', 'duration', 'number'] }],
      },
      {
        misuse: "an episode count's window names a number parameter",
        change: (t) => void (withId(t.escalations, 'potential-escalation').trigger = { kind: 'episodeCount', atLeast: 3, within: { param: 'potentialEscalationEpisodes' } }),
        problems: [{ code: 'PWY_PARAMETER_KIND', path: ['escalations', at.potential, 'trigger', 'within', 'param'], names: ['potentialEscalationEpisodes', 'number', 'duration'] }],
      },
      {
        misuse: 'the time before a fact names a number parameter',
        change: (t) => void (safetyOrderDue(t).due = { relativeTo: 'safetyOrderExpiresAt', before: { param: 'potentialEscalationEpisodes' } }),
        problems: [{ code: 'PWY_PARAMETER_KIND', path: ['workItemTypes', at.followUp, 'due', 'before', 'param'], names: ['potentialEscalationEpisodes'] }],
      },
      {
        misuse: "a meeting's cadence names a duration parameter",
        change: (t) => void (withId(t.meetings, 'daily-triage').cadence = { param: 'overdueMargin' }),
        problems: [{ code: 'PWY_PARAMETER_KIND', path: ['meetings', at.dailyTriage, 'cadence', 'param'], names: ['overdueMargin', 'enum'] }],
      },
    ],
    accepted: [
      { use: "an episode count's atLeast given as the smallest number", change: (t) => void (withId(t.escalations, 'potential-escalation').trigger = { kind: 'episodeCount', atLeast: 2, within: 'P6M' }) },
      { use: "a meeting's cadence naming another enum parameter", change: (t) => void (withId(t.meetings, 'daily-triage').cadence = { param: 'icmCadence' }) },
    ],
  },

  PWY_GOVERNANCE_EFFECT_MISPLACED: {
    refused: [
      {
        misuse: 'a milestone allows a local event to record a fact',
        change: (t) => void (withId(t.milestones, 'child-check-done').governance = { mode: 'locked', localEffects: ['recordFact'] }),
        problems: [{ code: 'PWY_GOVERNANCE_EFFECT_MISPLACED', path: ['milestones', at.childCheck, 'governance', 'localEffects', 0], names: ['milestones', '"recordFact"', '"recordMilestone"'] }],
      },
      {
        misuse: 'a fact allows a local element to record a milestone',
        change: (t) => void (withId(t.facts, 'safetyOrderExpiresAt').governance = { mode: 'locked', localEffects: ['recordFact', 'recordMilestone'] }),
        problems: [{ code: 'PWY_GOVERNANCE_EFFECT_MISPLACED', path: ['facts', at.safetyOrderFact, 'governance', 'localEffects', 1], names: ['facts', '"recordMilestone"', '"recordFact"'] }],
      },
    ],
    accepted: [{ use: 'a milestone allowing local elements to record it', change: (t) => void (withId(t.milestones, 'child-check-done').governance = { mode: 'locked', localEffects: ['recordMilestone'] }) }],
  },

  // The schema refuses these before any check runs, so they come alone whatever else they break.
  'schema problems': {
    refused: [
      {
        misuse: 'a signed offset with the sign inside the duration (P-1D)',
        change: (t) => reviseBeforeRelease(t, { relativeTo: 'releaseFromCustodyAt', offset: 'P-1D' }),
        problems: [{ code: 'PWY_DURATION_INVALID', path: ['escalations', at.releaseRevision, 'response', 0, 'due', 'offset'], names: ['"P-1D"', '-P1D'] }],
      },
      {
        misuse: 'a fact name that is not camelCase',
        change: (t) => void (withId(t.facts, 'safetyOrderExpiresAt').id = 'safety-order-expires-at'),
        problems: [{ code: 'PWY_SCHEMA_INVALID_VALUE', path: ['facts', at.safetyOrderFact, 'id'], names: ['"safety-order-expires-at"', 'camelCase'] }],
      },
      {
        misuse: 'a due counted from a fact named in kebab-case',
        change: (t) => void (safetyOrderDue(t).due = { relativeTo: 'safety-order-expires-at', before: 'P2D' }),
        problems: [{ code: 'PWY_SCHEMA_INVALID_VALUE', path: ['workItemTypes', at.followUp, 'due', 'relativeTo'], names: ['"safety-order-expires-at"'] }],
      },
      {
        misuse: 'an episode count of one (every episode would count)',
        change: (t) => void (withId(t.escalations, 'potential-escalation').trigger = { kind: 'episodeCount', atLeast: 1, within: 'P6M' }),
        problems: [{ code: 'PWY_SCHEMA_INVALID_VALUE', path: ['escalations', at.potential, 'trigger', 'atLeast'], names: ['2'] }],
      },
      {
        misuse: "a meeting's listing type that is not a meetingListing",
        change: (t) => void (withId(t.meetings, 'daily-triage').listingType = 'first-contact'),
        problems: [{ code: 'PWY_SCHEMA_INVALID_VALUE', path: ['meetings', at.dailyTriage, 'listingType'], names: ['first-contact', 'meetingListing'] }],
      },
    ],
    accepted: [
      { use: 'an unsigned offset (after the fact)', change: (t) => reviseBeforeRelease(t, { relativeTo: 'releaseFromCustodyAt', offset: 'PT2H' }) },
      { use: "a meeting's listing type that is another meetingListing", change: (t) => void (withId(t.meetings, 'daily-triage').listingType = 'meeting-listing') },
    ],
  },
};

describe('practice vocabulary checks', () => {
  it('accepts the NZ baseline and the tiny pathway as they are', () => {
    expect(validateTemplate(baseline).problems).toEqual([]);
    expect(parseTemplate(baseline).ok).toBe(true);
    expect(validateTemplate(tiny).problems).toEqual([]);
  });

  for (const [rule, { refused, accepted }] of Object.entries(rules)) {
    describe(rule, () => {
      for (const { misuse, base = baseline, change, problems } of refused) {
        it(`refuses: ${misuse}`, () => {
          const json = mutate(base, change);
          const result = validateTemplate(json);
          expect(result.ok).toBe(false);
          expect(result.problems.map(({ code, path }) => ({ code, path }))).toEqual(problems.map(({ code, path }) => ({ code, path })));
          problems.forEach(({ names }, i) => {
            for (const name of names) expect(result.problems[i]!.message).toContain(name);
          });
          // Refused while parsing already, not only by the graph analysis.
          expect(parseTemplate(json).problems).toEqual(result.problems);
        });
      }

      for (const { use, base = baseline, change } of accepted) {
        it(`accepts: ${use}`, () => {
          expect(validateTemplate(mutate(base, change)).problems).toEqual([]);
        });
      }
    });
  }

  // zod reports the branches of a failed union relative to the union; the problem must still be
  // located inside the due, not at the template's root. (Object.assign because the types rightly
  // forbid this shape.)
  it('reports a wrong-shaped span inside a deadline at its full path', () => {
    const json = mutate(baseline, (t) => void Object.assign(safetyOrderDue(t), { due: { relativeTo: 'safetyOrderExpiresAt', before: { meetingCadence: 'daily-triage' } } }));
    expect(validateTemplate(json).problems.map((p) => p.path)).toContainEqual(['workItemTypes', at.followUp, 'due', 'before', 'meetingCadence']);
  });
});
