import type { JsonPath } from '../../errors/problem.js';
import { own } from '../own.js';
import { cadencePeriods } from '../meeting-cadence.js';
import type { Condition } from '../conditions.js';
import { caseCommandPayloads } from '../case-commands.js';
import { isReservedEventType } from '../internal-events.js';
import { automaticNodeTypes } from '../nodes.js';
import type { Deadline, TimeSpanOrRef } from '../parameters.js';
import { practiceSteps } from '../practice-steps.js';
import { timerFiredEvent } from '../transitions.js';
import type { TemplateIndex } from './template-index.js';

const builtInCommandTypes: ReadonlySet<string> = new Set(Object.keys(caseCommandPayloads));

type Ref = { readonly node: string } | { readonly milestone: string } | { readonly tier: string };

/** Reference checkers bound to one template index. */
function referenceCheckers(index: TemplateIndex) {
  const { template, report } = index;
  const exists = (set: ReadonlySet<string> | ReadonlyMap<string, unknown>, id: string, what: string, where: string, path: JsonPath) => {
    if (!set.has(id)) report('PWY_REFERENCE_DANGLING', path, `No ${what} "${id}" is declared under ${where}.`);
  };
  const checkers = {
    role: (id: string, path: JsonPath) => exists(index.roles, id, 'role', 'roles', path),
    agency: (id: string, path: JsonPath) => exists(index.agencies, id, 'agency', 'agencies', path),
    node: (id: string, path: JsonPath) => exists(index.nodes, id, 'node', 'nodes', path),
    milestone: (id: string, path: JsonPath) => exists(index.milestones, id, 'milestone', 'milestones', path),
    workItemType: (id: string, path: JsonPath) => exists(index.workItemTypes, id, 'work-item type', 'workItemTypes', path),
    event: (type: string, path: JsonPath) => exists(index.events, type, 'event', 'events', path),
    tier: (id: string, path: JsonPath) => {
      if (!template.tiers) report('PWY_REFERENCE_DANGLING', path, `"${id}" names a tier, but the template declares no tiers.`);
      else exists(index.tiers, id, 'tier', 'tiers.levels', path);
    },
    /** One period of a meeting's cadence: the meeting exists, and every cadence it may have is one Pathways can count. */
    meetingCadence: (id: string, path: JsonPath) => {
      const meeting = template.meetings.find((m) => m.id === id);
      if (!meeting) {
        report('PWY_REFERENCE_DANGLING', path, `No meeting series "${id}" is declared under meetings.`);
        return;
      }
      const parameter = typeof meeting.cadence === 'string' ? undefined : own(template.parameters, meeting.cadence.param);
      const values = typeof meeting.cadence === 'string' ? [meeting.cadence] : parameter?.kind === 'enum' ? parameter.values : [];
      const unknown = values.filter((value) => own(cadencePeriods, value) === undefined);
      if (unknown.length > 0) {
        report('PWY_MEETING_CADENCE', path, `"${meeting.id}" may sit ${unknown.map((v) => JSON.stringify(v)).join(', ')}: not a cadence Pathways can count (${Object.keys(cadencePeriods).join(', ')}).`);
      }
    },
    /** A plugin's guard, action or trigger: provided by an installed plugin, with params its schema accepts. */
    plugin: (kind: 'guard' | 'action' | 'trigger', name: string, params: Readonly<Record<string, unknown>>, path: JsonPath, nameKey = 'name') => {
      const contribution = kind === 'guard' ? index.plugins.guard(name) : kind === 'action' ? index.plugins.action(name) : index.plugins.trigger(name);
      if (!contribution) {
        const plugin = name.split('/')[0]!;
        const installed = index.plugins.plugins.some((p) => p.name === plugin);
        report('PWY_PLUGIN_REFERENCE', [...path, nameKey], installed ? `The plugin "${plugin}" provides no ${kind} "${name}".` : `No installed plugin provides the ${kind} "${name}" (is "${plugin}" listed in pathways.config.json?).`);
        return;
      }
      const schema = contribution.definition.params;
      const result = schema?.safeParse(params);
      if (result && !result.success) {
        for (const issue of result.error.issues) report('PWY_PLUGIN_REFERENCE', [...path, 'params', ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))], `The params of ${kind} "${name}" (${contribution.plugin.name}@${contribution.plugin.version}): ${issue.message}.`);
      }
    },
    span: (span: TimeSpanOrRef | undefined, path: JsonPath) => {
      if (span === undefined || typeof span === 'string' || !('param' in span)) return;
      const declared = own(template.parameters, span.param);
      if (!declared) report('PWY_PARAMETER_UNKNOWN', [...path, 'param'], `No parameter named "${span.param}" is declared.`);
      else if (declared.kind !== 'duration') {
        report('PWY_PARAMETER_KIND', [...path, 'param'], `"${span.param}" is a ${declared.kind} parameter; a duration is needed here.`);
      }
    },
    /** A deadline: a span (or parameter, or a meeting's cadence), or an instant counted from a declared case fact. */
    deadline: (deadline: Deadline | undefined, path: JsonPath) => {
      if (typeof deadline === 'object' && 'meetingCadence' in deadline) {
        checkers.meetingCadence(deadline.meetingCadence, [...path, 'meetingCadence']);
        return;
      }
      if (deadline === undefined || typeof deadline === 'string' || !('relativeTo' in deadline)) {
        checkers.span(deadline as TimeSpanOrRef | undefined, path);
        return;
      }
      const fact = template.facts.find((f) => f.id === deadline.relativeTo);
      if (!fact) report('PWY_REFERENCE_DANGLING', [...path, 'relativeTo'], `No case fact "${deadline.relativeTo}" is declared under facts.`);
      const given = (['offset', 'before', 'after'] as const).filter((key) => deadline[key] !== undefined);
      if (given.length > 1) {
        report('PWY_DEADLINE_INVALID', path, `Count from "${deadline.relativeTo}" with one of offset, before or after, not ${given.join(' and ')}.`);
      }
      checkers.span(deadline.before, [...path, 'before']);
      checkers.span(deadline.after, [...path, 'after']);
      const before = deadline.before;
      const resolved = before !== undefined && typeof before !== 'string' && 'param' in before ? own(template.parameters, before.param) : undefined;
      const value = resolved?.kind === 'duration' ? resolved.value : before;
      if (value !== undefined && typeof value !== 'string' && 'workingDays' in value) {
        report('PWY_DEADLINE_INVALID', [...path, 'before'], `Working days count forwards only; give the time before "${deadline.relativeTo}"${before !== undefined && typeof before !== 'string' && 'param' in before ? ` (through "${before.param}")` : ''} as an ISO 8601 duration such as P2D.`);
      }
    },
    ref: (ref: Ref, path: JsonPath) => {
      if ('node' in ref) checkers.node(ref.node, [...path, 'node']);
      else if ('milestone' in ref) checkers.milestone(ref.milestone, [...path, 'milestone']);
      else checkers.tier(ref.tier, [...path, 'tier']);
    },
    condition: (condition: Condition, path: JsonPath): void => {
      // Iterative, so deeply nested conditions cannot overflow the stack.
      const stack: { condition: Condition; path: JsonPath }[] = [{ condition, path }];
      while (stack.length > 0) {
        const { condition: current, path: at } = stack.pop()!;
        if ('all' in current) current.all.forEach((c, i) => stack.push({ condition: c, path: [...at, 'all', i] }));
        else if ('any' in current) current.any.forEach((c, i) => stack.push({ condition: c, path: [...at, 'any', i] }));
        else if ('not' in current) stack.push({ condition: current.not, path: [...at, 'not'] });
        else if ('milestone' in current) checkers.milestone(current.milestone, [...at, 'milestone']);
        else if ('tierAtLeast' in current) checkers.tier(current.tierAtLeast, [...at, 'tierAtLeast']);
        else if ('tierBelow' in current) checkers.tier(current.tierBelow, [...at, 'tierBelow']);
        else if ('workItems' in current && current.workItems.type !== undefined) checkers.workItemType(current.workItems.type, [...at, 'workItems', 'type']);
      }
    },
  };
  return checkers;
}

/** Checks every cross-reference in the template and the shape rules a schema cannot express. */
export function checkReferences(index: TemplateIndex): void {
  const { template, report } = index;
  const check = referenceCheckers(index);

  const declaredSteps = template.stages.map((s) => s.step);
  for (const step of practiceSteps) {
    if (!declaredSteps.includes(step)) report('PWY_STAGE_MISSING', ['stages'], `No stage is declared for the practice step "${step}".`);
  }
  const seenSteps = new Set<string>();
  template.stages.forEach((s, i) => {
    if (seenSteps.has(s.step)) report('PWY_DUPLICATE_ID', ['stages', i, 'step'], `The step "${s.step}" has more than one stage.`);
    seenSteps.add(s.step);
    if (s.entryCriterion) check.condition(s.entryCriterion, ['stages', i, 'entryCriterion']);
    if (s.exitCriterion) check.condition(s.exitCriterion, ['stages', i, 'exitCriterion']);
  });
  const order = declaredSteps.filter((step, i) => declaredSteps.indexOf(step) === i);
  if (order.join() !== practiceSteps.filter((step) => order.includes(step)).join()) {
    report('PWY_STAGE_ORDER', ['stages'], `Stages are listed as ${order.join(', ')}.`);
  }

  const starts = template.nodes.flatMap((node, i) => (node.type === 'start' ? [i] : []));
  if (starts.length !== 1) report('PWY_START_NODE', ['nodes'], `Found ${starts.length} start nodes; exactly one is needed.`);
  for (const i of starts) {
    if (template.nodes[i]!.stage !== 'recognition') report('PWY_START_NODE', ['nodes', i, 'stage'], 'The start node must be in the recognition stage.');
  }

  template.nodes.forEach((node, i) => {
    const path = ['nodes', i];
    if (node.type === 'humanTask') {
      const type = node.workItemType === undefined ? undefined : index.workItemTypes.get(node.workItemType);
      if (node.workItemType !== undefined) check.workItemType(node.workItemType, [...path, 'workItemType']);
      const owner = node.ownerRole ?? type?.ownerRole;
      if (owner === undefined) {
        report('PWY_OWNER_ROLE_MISSING', path, `The human task "${node.id}" has no owner role (neither on the node nor on its work-item type).`);
      } else check.role(owner, node.ownerRole !== undefined ? [...path, 'ownerRole'] : ['workItemTypes', template.workItemTypes.indexOf(type!), 'ownerRole']);
      if (node.ownerAgency !== undefined) check.agency(node.ownerAgency, [...path, 'ownerAgency']);
      check.deadline(node.due, [...path, 'due']);
      if (node.meeting !== undefined && !index.meetings.has(node.meeting)) report('PWY_REFERENCE_DANGLING', [...path, 'meeting'], `No meeting series "${node.meeting}" is declared under meetings.`);
    } else if (node.type === 'wait') {
      check.deadline(node.duration, [...path, 'duration']);
    } else if (node.type === 'notify') {
      check.role(node.role, [...path, 'role']);
    }
  });

  template.transitions.forEach((t, i) => {
    const path = ['transitions', i];
    const from = index.nodes.get(t.from);
    check.node(t.from, [...path, 'from']);
    check.node(t.to, [...path, 'to']);
    if (t.on !== undefined && t.on !== timerFiredEvent && !builtInCommandTypes.has(t.on) && t.on !== template.tiers?.lowering.event) check.event(t.on, [...path, 'on']);
    if (t.when) check.condition(t.when, [...path, 'when']);
    if (from) {
      if (automaticNodeTypes.has(from.type) && t.on !== undefined) {
        report('PWY_NODE_SHAPE', [...path, 'on'], `"${from.id}" is a ${from.type} node: it moves on by itself, so its transitions take no "on".`);
      }
      if (!automaticNodeTypes.has(from.type) && t.on === undefined) {
        report('PWY_NODE_SHAPE', path, `"${from.id}" is a ${from.type} node: its transitions need an "on" event.`);
      }
      if (t.on === timerFiredEvent && from.type !== 'wait') {
        report('PWY_NODE_SHAPE', [...path, 'on'], `"${timerFiredEvent}" only leaves wait nodes; "${from.id}" is a ${from.type} node.`);
      }
      if (from.type === 'end') report('PWY_NODE_SHAPE', [...path, 'from'], `"${from.id}" is an end node: nothing leaves it.`);
    }
    if (t.guard && t.guard.name.includes('/')) check.plugin('guard', t.guard.name, t.guard.params, [...path, 'guard']);
    if (t.guard?.name === 'payloadEquals' && typeof t.guard.params.field !== 'string') {
      report('PWY_SCHEMA_INVALID_VALUE', [...path, 'guard', 'params', 'field'], 'payloadEquals needs a "field" naming a payload field.');
    }
    t.actions.forEach((action, a) => {
      if (action.name.includes('/')) {
        check.plugin('action', action.name, action.params, [...path, 'actions', a]);
        return;
      }
      const at = [...path, 'actions', a, 'params'];
      const value = action.name === 'recordMilestone' ? action.params.milestone : action.params.role;
      const key = action.name === 'recordMilestone' ? 'milestone' : 'role';
      if (typeof value !== 'string') report('PWY_SCHEMA_INVALID_VALUE', [...at, key], `${action.name} needs "${key}" naming a declared ${key}.`);
      else if (action.name === 'recordMilestone') check.milestone(value, [...at, key]);
      else check.role(value, [...at, key]);
    });
  });

  template.workItemTypes.forEach((w, i) => {
    if (w.ownerRole !== undefined) check.role(w.ownerRole, ['workItemTypes', i, 'ownerRole']);
    if (w.ownerAgency !== undefined) check.agency(w.ownerAgency, ['workItemTypes', i, 'ownerAgency']);
    check.deadline(w.due, ['workItemTypes', i, 'due']);
  });
  template.planTypes.forEach((p, i) => {
    p.workItemTypes.forEach((w, j) => check.workItemType(w, ['planTypes', i, 'workItemTypes', j]));
    check.role(p.approval.role, ['planTypes', i, 'approval', 'role']);
    if (p.approval.requires) check.condition(p.approval.requires, ['planTypes', i, 'approval', 'requires']);
    check.span(p.reviewEvery, ['planTypes', i, 'reviewEvery']);
  });
  if (template.tiers) {
    template.tiers.derivation.overrideRoles.forEach((r, i) => check.role(r, ['tiers', 'derivation', 'overrideRoles', i]));
    template.tiers.lowering.roles.forEach((r, i) => check.role(r, ['tiers', 'lowering', 'roles', i]));
    const loweringEvent = template.tiers.lowering.event;
    if (builtInCommandTypes.has(loweringEvent) || isReservedEventType(loweringEvent)) {
      report('PWY_EVENT_RESERVED', ['tiers', 'lowering', 'event'], `"${loweringEvent}" is a built-in or reserved event; the tier-lowering event needs a name of its own (e.g. tier.deescalated).`);
    }
    const lowering = template.events.find((e) => e.type === template.tiers!.lowering.event);
    const loweringIndex = lowering ? template.events.indexOf(lowering) : -1;
    if (lowering && (lowering.payload.toTier?.type !== 'tier' || lowering.payload.reason?.type !== 'string' || lowering.payload.reason.required === false)) {
      report('PWY_TIER_LOWERING_PAYLOAD', ['events', loweringIndex, 'payload'], `The tier-lowering event "${lowering.type}" must carry a required "toTier" (type tier) and a required "reason" (type string).`);
    }
  }
  template.events.forEach((e, i) => {
    if (builtInCommandTypes.has(e.type)) {
      report('PWY_EVENT_BUILT_IN', ['events', i, 'type'], `"${e.type}" is a built-in case command; use it in transitions without declaring it.`);
    } else if (isReservedEventType(e.type)) {
      report('PWY_EVENT_RESERVED', ['events', i, 'type'], `"${e.type}" is reserved for the engine; a command of that type could forge what only the engine may record.`);
    }
  });
  template.meetings.forEach((m, i) => {
    check.role(m.chairRole, ['meetings', i, 'chairRole']);
    if (typeof m.cadence !== 'string') {
      const declared = own(template.parameters, m.cadence.param);
      if (!declared) report('PWY_PARAMETER_UNKNOWN', ['meetings', i, 'cadence', 'param'], `No parameter named "${m.cadence.param}" is declared.`);
      else if (declared.kind !== 'enum') report('PWY_PARAMETER_KIND', ['meetings', i, 'cadence', 'param'], `"${m.cadence.param}" is a ${declared.kind} parameter; an enum (cadence) is needed here.`);
    }
  });
  template.conditions.forEach((c, i) => check.condition(c.condition, ['conditions', i, 'condition']));
  template.events.forEach((e, i) => {
    e.roles?.forEach((r, j) => check.role(r, ['events', i, 'roles', j]));
    for (const [name, field] of Object.entries(e.payload)) {
      if (field.type === 'tier' && !template.tiers) report('PWY_REFERENCE_DANGLING', ['events', i, 'payload', name], 'A tier field needs the template to declare tiers.');
    }
  });

  checkEscalations(index, check);
  checkRiskTools(index);
  checkAdjustmentPoints(index, check);

  template.invariants.forEach((inv, i) => {
    const path = ['invariants', i, 'rule'];
    const rule = inv.rule;
    if (rule.kind === 'mustPass') {
      check.ref(rule.from, [...path, 'from']);
      check.ref(rule.to, [...path, 'to']);
      rule.via.forEach((v, j) => check.ref(v, [...path, 'via', j]));
    } else if (rule.kind === 'precedes') {
      check.ref(rule.first, [...path, 'first']);
      check.ref(rule.then, [...path, 'then']);
      if (typeof rule.when === 'string') {
        if (!index.conditions.has(rule.when)) report('PWY_REFERENCE_DANGLING', [...path, 'when'], `No condition "${rule.when}" is declared under conditions.`);
      } else if (rule.when) check.condition(rule.when, [...path, 'when']);
    } else if (rule.kind === 'reachable') {
      check.ref(rule.target, [...path, 'target']);
    }
  });
}

/** A plugin's risk tools map scores to levels: each level must be one of the template's tiers. */
function checkRiskTools(index: TemplateIndex): void {
  const { tiers } = index.template;
  if (!tiers) return;
  for (const plugin of index.plugins.plugins) {
    for (const [key, tool] of Object.entries(plugin.definition.riskTools ?? {})) {
      const name = `${plugin.name}/${key}`;
      for (const band of tool.levels) {
        for (const [field, value, kind] of [['atLeast', band.atLeast, 'number'], ['level', band.level, 'enum']] as const) {
          if (typeof value !== 'object') continue;
          // A band through a parameter: the parameter exists, of the right kind (a tier level is an enum of tiers).
          const parameter = own(index.template.parameters, value.param);
          if (!parameter) index.report('PWY_PLUGIN_REFERENCE', ['parameters'], `The risk tool "${name}" reads its band ${field} from the parameter "${value.param}", which this pathway does not have.`);
          else if (parameter.kind !== kind) index.report('PWY_PARAMETER_KIND', ['parameters', value.param], `The risk tool "${name}" reads its band ${field} from "${value.param}", a ${parameter.kind} parameter; a${kind === 'enum' ? 'n enum of tiers' : ' number'} is needed.`);
          else if (parameter.kind === 'enum') {
            for (const level of parameter.values) if (!index.tiers.has(level)) index.report('PWY_PLUGIN_REFERENCE', ['parameters', value.param, 'values'], `"${value.param}" may give the level "${level}" to the risk tool "${name}", which is not one of this pathway's tiers (${tiers.levels.map((l) => l.id).join(', ')}).`);
          }
        }
        if (typeof band.level === 'string' && !index.tiers.has(band.level)) {
          index.report('PWY_PLUGIN_REFERENCE', ['tiers', 'levels'], `The risk tool "${name}" (${plugin.name}@${plugin.version}) gives the level "${band.level}", which is not one of this pathway's tiers (${tiers.levels.map((level) => level.id).join(', ')}).`);
        }
      }
    }
  }
}

function checkEscalations(index: TemplateIndex, check: ReturnType<typeof referenceCheckers>): void {
  index.template.escalations.forEach((e, i) => {
    const trigger = e.trigger;
    const at = ['escalations', i, 'trigger'];
    if (trigger.kind === 'tierRaised' && trigger.to !== undefined) check.tier(trigger.to, [...at, 'to']);
    if (trigger.kind === 'plugin') check.plugin('trigger', trigger.type, trigger.params, at, 'type');
    if (trigger.kind === 'tierRaised' && !index.template.tiers) {
      index.report('PWY_REFERENCE_DANGLING', at, 'A tierRaised trigger needs the template to declare tiers.');
    }
    if (trigger.kind === 'repeatEpisode') {
      check.span(trigger.within, [...at, 'within']);
      if (trigger.anchor === 'lastConferenceListing' && !index.template.meetings.some((m) => m.highRiskConference)) {
        index.report('PWY_REFERENCE_DANGLING', [...at, 'anchor'], 'The window counts from the last high-risk conference listing, but no meeting series is flagged highRiskConference.');
      }
    }
    if (trigger.kind === 'episodeCount') {
      check.span(trigger.within, [...at, 'within']);
      if (typeof trigger.atLeast !== 'number') {
        const declared = own(index.template.parameters, trigger.atLeast.param);
        if (!declared) index.report('PWY_PARAMETER_UNKNOWN', [...at, 'atLeast', 'param'], `No parameter named "${trigger.atLeast.param}" is declared.`);
        else if (declared.kind !== 'number') index.report('PWY_PARAMETER_KIND', [...at, 'atLeast', 'param'], `"${trigger.atLeast.param}" is a ${declared.kind} parameter; a number is needed here.`);
        else if (!Number.isInteger(declared.value) || declared.value < 2) {
          index.report('PWY_SCHEMA_INVALID_VALUE', ['parameters', trigger.atLeast.param, 'value'], `"${trigger.atLeast.param}" is ${declared.value}, but potential escalation counts a whole number of at least 2 episodes (it counts the new one).`);
        }
      }
    }
    if (trigger.kind === 'factRecorded' && !index.facts.has(trigger.fact)) {
      index.report('PWY_REFERENCE_DANGLING', [...at, 'fact'], `No case fact "${trigger.fact}" is declared under facts.`);
    }
    if (e.when) check.condition(e.when, ['escalations', i, 'when']);
    if (trigger.kind === 'workItemOverdue') {
      if (trigger.workItemType !== undefined) check.workItemType(trigger.workItemType, [...at, 'workItemType']);
      check.span(trigger.by, [...at, 'by']);
    }
    if (trigger.kind === 'planReviewMissed') check.span(trigger.after, [...at, 'after']);
    if (trigger.kind === 'planReviewMissed' && trigger.planType !== undefined && !index.planTypes.has(trigger.planType)) {
      index.report('PWY_REFERENCE_DANGLING', [...at, 'planType'], `No plan type "${trigger.planType}" is declared under planTypes.`);
    }
    if (trigger.kind === 'event' && !builtInCommandTypes.has(trigger.event)) check.event(trigger.event, [...at, 'event']);
    if (trigger.kind === 'condition') check.condition(trigger.condition, [...at, 'condition']);
    e.response.forEach((r, j) => {
      const path = ['escalations', i, 'response', j];
      if (r.kind === 'route') check.node(r.to, [...path, 'to']);
      else if (r.kind === 'createWorkItem') {
        check.workItemType(r.workItemType, [...path, 'workItemType']);
        const owner = r.ownerRole ?? index.workItemTypes.get(r.workItemType)?.ownerRole;
        if (r.ownerRole !== undefined) check.role(r.ownerRole, [...path, 'ownerRole']);
        else if (owner === undefined && index.workItemTypes.has(r.workItemType)) {
          index.report('PWY_OWNER_ROLE_MISSING', path, `The work item this escalation creates has no owner role (neither here nor on "${r.workItemType}").`);
        }
        check.deadline(r.due, [...path, 'due']);
      } else if (r.kind === 'notify') check.role(r.role, [...path, 'role']);
      else if (r.kind === 'listAtMeeting') {
        if (!index.meetings.has(r.meeting)) index.report('PWY_REFERENCE_DANGLING', [...path, 'meeting'], `No meeting series "${r.meeting}" is declared under meetings.`);
      } else if (r.kind === 'revisePlan') {
        if (!index.planTypes.has(r.planType)) index.report('PWY_REFERENCE_DANGLING', [...path, 'planType'], `No plan type "${r.planType}" is declared under planTypes.`);
        check.workItemType(r.workItemType, [...path, 'workItemType']);
        if (r.ownerRole !== undefined) check.role(r.ownerRole, [...path, 'ownerRole']);
        else if (index.workItemTypes.has(r.workItemType) && index.workItemTypes.get(r.workItemType)?.ownerRole === undefined) {
          index.report('PWY_OWNER_ROLE_MISSING', path, `The plan-development work item this escalation opens has no owner role (neither here nor on "${r.workItemType}").`);
        }
        check.deadline(r.due, [...path, 'due']);
      } else check.span(r.respondWithin, [...path, 'respondWithin']);
    });
  });
}

function checkAdjustmentPoints(index: TemplateIndex, check: ReturnType<typeof referenceCheckers>): void {
  const { template } = index;
  template.adjustmentPoints.forEach((point, i) => {
    const path = ['adjustmentPoints', i];
    if (point.kind === 'entryPoint') {
      check.node(point.target, [...path, 'target']);
      return;
    }
    const transition = template.transitions.find((t) => t.id === point.transition);
    if (!transition) {
      index.report('PWY_REFERENCE_DANGLING', [...path, 'transition'], `No transition "${point.transition}" exists.`);
      return;
    }
    const stages = [index.nodes.get(transition.from)?.stage, index.nodes.get(transition.to)?.stage];
    if (!stages.includes(point.stage)) {
      index.report(
        'PWY_ADJUSTMENT_POINT_INVALID',
        [...path, 'stage'],
        `The fragment point sits on "${transition.id}" (${stages.join(' → ')}), which does not touch the ${point.stage} stage.`,
      );
    }
  });
}
