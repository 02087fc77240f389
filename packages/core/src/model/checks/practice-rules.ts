import { flowGraph } from '../flow-graph.js';
import type { Governance } from '../governance.js';
import { own } from '../own.js';
import type { TemplateIndex } from './template-index.js';

// Checks of the practice vocabulary that references alone do not cover: meetings and their
// cadence, facts recorded by events, decisions that assess the tier, plan approval and
// development places, per-version milestones, where the tier may be lowered, and which local
// effects a national element may allow.

function checkMeetings(index: TemplateIndex): void {
  const { template } = index;
  template.meetings.forEach((meeting, i) => {
    const path = ['meetings', i];
    if (meeting.listingType !== undefined) {
      const type = index.workItemTypes.get(meeting.listingType);
      if (!type) index.report('PWY_REFERENCE_DANGLING', [...path, 'listingType'], `No work-item type "${meeting.listingType}" is declared under workItemTypes.`);
      else if (type.kind !== 'meetingListing') index.report('PWY_SCHEMA_INVALID_VALUE', [...path, 'listingType'], `"${meeting.listingType}" is a ${type.kind}; a listing needs a meetingListing type.`);
    }
  });
}

function checkEvents(index: TemplateIndex): void {
  const { template } = index;
  template.events.forEach((event, i) => {
    for (const [field, fact] of Object.entries(event.records ?? {})) {
      const path = ['events', i, 'records', field];
      const declared = own(event.payload, field);
      if (!declared) index.report('PWY_FACT_INVALID', path, `"${event.type}" has no payload field "${field}" to record "${fact}" from.`);
      else if (declared.type !== 'instant') index.report('PWY_FACT_INVALID', path, `"${field}" of "${event.type}" is ${/^[aeiou]/.test(declared.type) ? 'an' : 'a'} ${declared.type} field; a case fact is recorded from an instant.`);
      if (!index.facts.has(fact)) index.report('PWY_REFERENCE_DANGLING', path, `No case fact "${fact}" is declared under facts.`);
    }
    if (event.assessesTier) {
      const path = ['events', i, 'assessesTier'];
      const field = own(event.payload, event.assessesTier.field);
      if (!template.tiers) index.report('PWY_TIER_ASSESSMENT_INVALID', path, `"${event.type}" assesses the tier, but the template declares no tiers.`);
      if (!field || field.type !== 'tier') index.report('PWY_TIER_ASSESSMENT_INVALID', [...path, 'field'], `"${event.type}" needs a payload field "${event.assessesTier.field}" of type tier to carry its decision.`);
      if (event.assessesTier.meeting !== undefined && !index.meetings.has(event.assessesTier.meeting)) {
        index.report('PWY_REFERENCE_DANGLING', [...path, 'meeting'], `No meeting series "${event.assessesTier.meeting}" is declared under meetings.`);
      }
      if (template.tiers && event.type === template.tiers.lowering.event) {
        index.report('PWY_TIER_ASSESSMENT_INVALID', path, `"${event.type}" is the tier-lowering event; an assessment source only sets and raises the tier.`);
      }
    }
  });
}

function checkPlans(index: TemplateIndex): void {
  const { template } = index;
  const graph = flowGraph(template);
  const approvalSteps = graph.edges.filter((edge) => edge.on === 'plan.approved').map((edge) => edge.from);
  template.planTypes.forEach((plan, i) => {
    const path = ['planTypes', i];
    const node = plan.approval.node;
    if (node === undefined) {
      if (approvalSteps.length === 0) index.report('PWY_PLAN_APPROVAL_NODE', [...path, 'approval'], `No activity has a transition on plan.approved, so no version of "${plan.id}" could ever be approved.`);
    } else if (!index.nodes.has(node)) index.report('PWY_REFERENCE_DANGLING', [...path, 'approval', 'node'], `No node "${node}" is declared under nodes.`);
    else if (!graph.outgoing(node).some((edge) => edge.on === 'plan.approved')) {
      index.report('PWY_PLAN_APPROVAL_NODE', [...path, 'approval', 'node'], `"${node}" has no transition on plan.approved, so no version of "${plan.id}" could ever be approved there.`);
    }
    plan.developedAt.forEach((id, j) => {
      const developed = index.nodes.get(id);
      if (!developed) index.report('PWY_REFERENCE_DANGLING', [...path, 'developedAt', j], `No node "${id}" is declared under nodes.`);
      else if (developed.type !== 'humanTask') index.report('PWY_SCHEMA_INVALID_VALUE', [...path, 'developedAt', j], `"${id}" is a ${developed.type} node; a plan version is developed at an activity (a humanTask).`);
    });
  });
  template.milestones.forEach((milestone, i) => {
    if (milestone.perPlanVersion !== undefined && !index.planTypes.has(milestone.perPlanVersion)) {
      index.report('PWY_REFERENCE_DANGLING', ['milestones', i, 'perPlanVersion'], `No plan type "${milestone.perPlanVersion}" is declared under planTypes.`);
    }
  });
}

function checkTierLowering(index: TemplateIndex): void {
  // A review point is where the case is heard: an activity, never the start, a route or a wait.
  index.template.tiers?.lowering.at?.forEach((id, i) => {
    const node = index.nodes.get(id);
    if (!node) index.report('PWY_REFERENCE_DANGLING', ['tiers', 'lowering', 'at', i], `No node "${id}" is declared under nodes.`);
    else if (node.type !== 'humanTask') index.report('PWY_SCHEMA_INVALID_VALUE', ['tiers', 'lowering', 'at', i], `"${id}" is a ${node.type} node; the tier is lowered at a review point where the case is heard (a humanTask such as a conference or a scheduled review).`);
  });
}

/** Which local effect each kind of element can allow; every other element allows none. */
const effectOf = { milestones: 'recordMilestone', workItemTypes: 'openWorkItem', facts: 'recordFact' } as const;

function checkLocalEffects(index: TemplateIndex): void {
  const { template } = index;
  const misplaced = (governance: Governance | undefined, allowed: string | undefined, path: (string | number)[], what: string) => {
    (governance?.localEffects ?? []).forEach((effect, j) => {
      if (effect !== allowed) {
        index.report('PWY_GOVERNANCE_EFFECT_MISPLACED', [...path, 'governance', 'localEffects', j], `${what} cannot allow "${effect}"${allowed ? `; it can allow "${allowed}"` : ''}.`);
      }
    });
  };
  const collections = ['nodes', 'transitions', 'roles', 'agencies', 'workItemTypes', 'planTypes', 'milestones', 'facts', 'events', 'escalations', 'invariants', 'retention', 'meetings', 'conditions'] as const;
  for (const collection of collections) {
    (template[collection] as readonly { governance?: Governance }[]).forEach((element, i) => {
      misplaced(element.governance, own(effectOf as Record<string, string>, collection), [collection, i], `An element of ${collection}`);
    });
  }
  template.stages.forEach((stage, i) => misplaced(stage.governance, undefined, ['stages', i], 'A stage'));
  for (const [name, parameter] of Object.entries(template.parameters)) misplaced(parameter.governance, undefined, ['parameters', name], 'A parameter');
  if (template.tiers) misplaced(template.tiers.governance, 'setTier', ['tiers'], 'The tiers');
}

/** Checks the practice vocabulary of a schema-valid template. */
export function checkPracticeRules(index: TemplateIndex): void {
  checkMeetings(index);
  checkEvents(index);
  checkPlans(index);
  checkTierLowering(index);
  checkLocalEffects(index);
}
