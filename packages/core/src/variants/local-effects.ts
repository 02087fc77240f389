import { canonicalJson } from '../compiler/content-hash.js';
import { resolveDeadline, type ResolvedDeadline } from '../compiler/deadline-rules.js';
import { PathwaysError } from '../errors/problem.js';
import { caseFact as caseFactSchema } from '../model/case-facts.js';
import type { JsonPath } from '../errors/problem.js';
import { escalationRule } from '../model/escalations.js';
import { eventDeclaration } from '../model/events.js';
import type { Governance, LocalEffect } from '../model/governance.js';
import { pathwayNode } from '../model/nodes.js';
import { own } from '../model/own.js';
import type { Deadline, TimeSpan } from '../model/parameters.js';
import { compareSpans, describeSpan, spanLength } from '../model/span-length.js';
import type { DeclaredEffects } from '../model/plugin-definition.js';
import { createRegistry, type PluginRegistry } from '../model/plugin-registry.js';
import type { PathwayTemplateData } from '../model/template.js';
import { transition as transitionSchema } from '../model/transitions.js';
import { workItemType as workItemTypeSchema } from '../model/work-items.js';
import { elementIdOf, provenanceKey, type ProvenanceMap } from './apply-variant.js';
import { variantProblem } from './change-rules.js';
import type { VariantProblem } from './check-variant.js';
import type { ElementCollection, PathwayVariant } from './variant.js';

// What a variant's own elements do to the elements of the level above: a local transition that
// records a national milestone, a local activity or escalation that opens (or works) a national
// work-item type, a local event that records a national case fact or assesses the tier. Each is
// refused unless the level above lists it in the element's `governance.localEffects`; and work of
// a national type opened by a local element is never due later than the type's own bound, allowed
// or not.

/** A deadline with its parameters resolved: a span from when work opens, or an offset from a case fact. */
type Due = { readonly kind: 'span'; readonly span: TimeSpan } | { readonly kind: 'fact'; readonly fact: string; readonly before?: TimeSpan; readonly after?: TimeSpan };

/** Where in the variant a field of an element was last set: the change, and the path to the field's value. */
interface Located {
  readonly change: number;
  readonly path: (string | number)[];
}

/** The change of `variant` that last set `field` of an element, with the path to that field's value. */
function locateField(variant: PathwayVariant, collection: ElementCollection, id: string, field: string): Located | undefined {
  for (let index = variant.changes.length - 1; index >= 0; index -= 1) {
    const change = variant.changes[index]!;
    const at = (...path: (string | number)[]): Located => ({ change: index, path: ['changes', index, ...path] });
    switch (change.op) {
      case 'add':
        if (change.collection === collection && elementIdOf(collection, change.element) === id) return at('element', field);
        break;
      case 'replace':
        if (change.collection === collection && change.id === id) return at('element', field);
        break;
      case 'setField':
        if (change.collection === collection && change.id === id && change.field === field) return at('value');
        break;
      case 'addFragment': {
        const list = collection === 'nodes' ? change.nodes.map((n) => n.id) : collection === 'transitions' ? change.transitions.map((t) => t.id) : collection === 'events' ? change.events.map((e) => e.type) : [];
        const position = list.indexOf(id);
        if (position >= 0) return at(collection, position, field);
        break;
      }
      case 'addIntakeSource':
        if (collection === 'events' && change.event?.type === id) return at('event', field);
        break;
      default:
        break;
    }
  }
  return undefined;
}

function allows(governance: Governance | undefined, effect: LocalEffect): boolean {
  return governance?.localEffects?.includes(effect) ?? false;
}

function describeDue(due: Due, within = ''): string {
  if (due.kind === 'span') return `${within}${describeSpan(due.span)}`;
  if (due.before !== undefined) return `${describeSpan(due.before)} before the case fact "${due.fact}"`;
  if (due.after !== undefined) return `${describeSpan(due.after)} after the case fact "${due.fact}"`;
  return `at the case fact "${due.fact}"`;
}

const zeroLength = (span: TimeSpan | undefined) => span === undefined || spanLength(span).value === 0;
const unitsDiffer = 'working days and calendar durations cannot be compared, so give the due in the unit of the bound';

/**
 * Why a due time is later than a bound, or cannot be shown not to be; undefined when it is no
 * later. Spans compare like bounds do (a calendar day as 24 hours, working days only with working
 * days); a bound counted from a case fact admits only a due counted from the same fact, no later.
 */
function dueLaterThanBound(due: Due, bound: Due): string | undefined {
  if (due.kind === 'span' && bound.kind === 'span') {
    const order = compareSpans(due.span, bound.span);
    if (order === undefined) return unitsDiffer;
    return order > 0 ? 'that is later' : undefined;
  }
  if (due.kind === 'span' && bound.kind === 'fact') {
    return `a span from when the work opens can fall after a bound counted from the case fact "${bound.fact}"; count the due from "${bound.fact}" too, no later`;
  }
  if (due.kind === 'fact' && bound.kind === 'span') {
    return `a due counted from the case fact "${due.fact}" can fall any time after a bound counted from when the work opens`;
  }
  if (due.kind !== 'fact' || bound.kind !== 'fact') return undefined;
  if (due.fact !== bound.fact) return `a due counted from the case fact "${due.fact}" cannot be compared with a bound counted from "${bound.fact}"`;
  // Offsets from the same fact, as signed lengths: before is negative, after is positive.
  if (due.before !== undefined) {
    if (bound.before === undefined) return undefined;
    const order = compareSpans(due.before, bound.before);
    if (order === undefined) return unitsDiffer;
    return order < 0 ? 'that is later' : undefined;
  }
  if (due.after === undefined || zeroLength(due.after)) {
    return zeroLength(bound.before) ? undefined : 'that is later';
  }
  if (bound.after === undefined) return zeroLength(bound.before) && zeroLength(due.after) ? undefined : 'that is later';
  const order = compareSpans(due.after, bound.after);
  if (order === undefined) return unitsDiffer;
  return order > 0 ? 'that is later' : undefined;
}

/**
 * Judges what the variant's own elements do to the elements of the level above (`parent`): every
 * local transition, activity, escalation and event this variant added or changed in `resolved`
 * (found through `provenance`), against the parent's `governance.localEffects`, and the due time
 * of every national work-item type a local element opens, against the type's bound in `resolved`.
 * Only what the variant brought counts: actions, responses and records the parent's version of the
 * same element already had are national.
 */
export function judgeLocalEffects(parent: PathwayTemplateData, resolved: PathwayTemplateData, provenance: ProvenanceMap, variant: PathwayVariant, plugins: PluginRegistry = createRegistry([])): VariantProblem[] {
  const problems: VariantProblem[] = [];
  const mine = (collection: ElementCollection, id: string) => own(provenance, provenanceKey(collection, id))?.source === variant.id;
  const national = parent.kind === 'baseline';
  /** How a hub knows the element: national, or a level's own (its provenance, or the parent when this variant changed it). */
  const ownerOf = (collection: ElementCollection, id: string): string | undefined => {
    const origin = own(provenance, provenanceKey(collection, id));
    const from = origin && origin.source !== variant.id ? origin : undefined;
    return (from ? from.level === 'national' : national) ? undefined : (from?.source ?? parent.id);
  };
  const nationalName = (kind: string, collection: ElementCollection, id: string) => {
    const owner = ownerOf(collection, id);
    return owner === undefined ? `the national ${kind} "${id}"` : `the ${kind} "${id}" of ${owner}`;
  };
  const above = national ? 'the national team' : `the level above (${parent.id})`;
  const flowOf = (collection: ElementCollection, id: string) => {
    const owner = ownerOf(collection, id);
    return owner === undefined ? 'the national flow' : `the flow of ${owner}`;
  };
  const localName = (kind: string, id: string, inParent: boolean) => (inParent ? `the ${kind} "${id}", as this variant changes it,` : `the local ${kind} "${id}"`);

  // An installed plugin's own work-item types and facts sit beside the template's whenever it is
  // read with the plugin (prepareForPlugins), so a parent read with its plugins (as the CLI reads
  // it) holds them too. They are the plugin's elements, not the level above's, whoever places the
  // plugin. A template that declares one of those ids otherwise keeps its own, which is judged.
  const contributed = new Set(
    plugins.plugins.flatMap((plugin) => [
      ...(plugin.definition.workItemTypes ?? []).map((type) => workItemTypeSchema.safeParse(type)).flatMap((r) => (r.success ? [`workItemTypes:${canonicalJson(r.data)}`] : [])),
      ...(plugin.definition.facts ?? []).map((fact) => caseFactSchema.safeParse(fact)).flatMap((r) => (r.success ? [`facts:${canonicalJson(r.data)}`] : [])),
    ]),
  );
  const parentTypes = new Map(parent.workItemTypes.filter((type) => !contributed.has(`workItemTypes:${canonicalJson(type)}`)).map((type) => [type.id, type]));
  const parentMeetings = new Set(parent.meetings.map((meeting) => meeting.id));

  /** A deadline resolved the way the engine resolves it; undefined when it names what does not exist (reported elsewhere). */
  const resolveDue = (deadline: Deadline): Due | undefined => {
    let result: ResolvedDeadline;
    try {
      result = resolveDeadline(resolved, deadline);
    } catch (error) {
      if (error instanceof PathwaysError) return undefined;
      throw error;
    }
    return result.kind === 'span' ? result : { kind: 'fact', ...result.offset };
  };
  /** A work-item type as the resolved template has it (its `due` is the national bound). */
  const resolvedType = (id: string) => {
    const element = resolved.workItemTypes.find((type) => (type as { id?: unknown }).id === id);
    const parsed = element === undefined ? undefined : workItemTypeSchema.safeParse(element);
    return parsed?.success ? parsed.data : undefined;
  };
  /** The work-item type of a listing at a meeting, as the engine opens it. */
  const listingTypeOf = (meeting: string): string | undefined => {
    const series = resolved.meetings.find((m) => (m as { id?: unknown }).id === meeting);
    if (!series) return undefined;
    return series.listingType ?? resolved.workItemTypes.find((type) => type.kind === 'meetingListing')?.id ?? 'meeting-listing';
  };
  const where = (located: Located | undefined, fallback: { change: number | null }, ...rest: (string | number)[]): { change: number | null; path: JsonPath } =>
    located ? { change: located.change, path: [...located.path, ...rest] } : { change: fallback.change, path: fallback.change === null ? [] : ['changes', fallback.change] };
  const fallbackOf = (collection: ElementCollection, id: string) => ({ change: own(provenance, provenanceKey(collection, id))?.change ?? null });
  const report = (at: { change: number | null; path: JsonPath }, message: string) =>
    problems.push(variantProblem('PWY_VARIANT_LOCAL_EFFECT', at.change, at.path, `${message.charAt(0).toUpperCase()}${message.slice(1)}`));

  /**
   * A local element opens (or works) work of a type of the level above: allowed only with
   * `openWorkItem`, and never due later than the type's bound (its own `due` in the resolved
   * template). `due` is what the local element sets, if anything.
   */
  const judgeOpening = (local: string, how: string, typeId: string, due: Deadline | undefined, at: { change: number | null; path: JsonPath }, dueAt: { change: number | null; path: JsonPath }) => {
    const type = parentTypes.get(typeId);
    if (!type) return;
    if (!allows(type.governance, 'openWorkItem')) {
      report(
        at,
        `${local} ${how} ${nationalName('work-item type', 'workItemTypes', typeId)}, and ${above} has not allowed local elements to open it (openWorkItem). Work of that type is opened where ${flowOf('workItemTypes', typeId)} opens it, within its time limit; use a work-item type of your own for local work.`,
      );
    }
    const boundDeadline = resolvedType(typeId)?.due;
    if (due === undefined || boundDeadline === undefined) return;
    const dueTime = resolveDue(due);
    const bound = resolveDue(boundDeadline);
    if (!dueTime || !bound) return;
    const why = dueLaterThanBound(dueTime, bound);
    if (why) {
      const param = typeof boundDeadline === 'object' && 'param' in boundDeadline ? ` (${boundDeadline.param})` : '';
      report(
        dueAt,
        `${local} ${how} ${nationalName('work-item type', 'workItemTypes', typeId)} due ${describeDue(dueTime, 'within ')}, and its ${ownerOf('workItemTypes', typeId) === undefined ? 'national ' : ''}bound is ${describeDue(bound)}${param}: ${why}. Work of that type is never due later than its bound, even where local elements may open it.`,
      );
    }
  };

  // (a) Transitions whose new actions record a milestone of the level above.
  const parentTransitions = new Map(parent.transitions.map((t) => [t.id, t]));
  const parentMilestones = new Map(parent.milestones.map((m) => [m.id, m]));
  for (const element of resolved.transitions) {
    const parsed = transitionSchema.safeParse(element);
    if (!parsed.success || !mine('transitions', parsed.data.id)) continue;
    const t = parsed.data;
    const before = parentTransitions.get(t.id);
    t.actions.forEach((action, a) => {
      const milestone = action.name === 'recordMilestone' ? action.params.milestone : undefined;
      if (typeof milestone !== 'string') return;
      if (before?.actions.some((b) => b.name === 'recordMilestone' && b.params.milestone === milestone)) return;
      const target = parentMilestones.get(milestone);
      if (!target || allows(target.governance, 'recordMilestone')) return;
      report(
        where(locateField(variant, 'transitions', t.id, 'actions'), fallbackOf('transitions', t.id), a),
        `${localName('transition', t.id, before !== undefined)} records ${nationalName('milestone', 'milestones', milestone)}, and ${above} has not allowed local steps to record it (recordMilestone). A safeguard may count on it, so only ${flowOf('milestones', milestone)} records it; record a milestone of your own instead.`,
      );
    });
  }

  // (b) Activities the variant added that open work of a type of the level above, or work the listing of one of its meetings.
  const parentNodes = new Set(parent.nodes.map((node) => node.id));
  for (const element of resolved.nodes) {
    const parsed = pathwayNode.safeParse(element);
    if (!parsed.success || parsed.data.type !== 'humanTask' || parentNodes.has(parsed.data.id) || !mine('nodes', parsed.data.id)) continue;
    const node = parsed.data;
    const locate = (field: string) => where(locateField(variant, 'nodes', node.id, field), fallbackOf('nodes', node.id));
    const type = node.workItemType ?? node.id;
    const dueAt = node.due !== undefined ? locate('due') : undefined;
    if (parentTypes.has(type)) {
      const typeAt = locate(node.workItemType !== undefined ? 'workItemType' : 'id');
      judgeOpening(`The local activity "${node.id}"`, 'opens work of', type, node.due, typeAt, dueAt ?? typeAt);
    }
    const listing = node.meeting !== undefined && parentMeetings.has(node.meeting) ? listingTypeOf(node.meeting) : undefined;
    if (listing !== undefined && listing !== type && parentTypes.has(listing)) {
      const meetingAt = locate('meeting');
      // The activity takes over the case's outstanding listing at the meeting, due by its own deadline if that is earlier.
      judgeOpening(`The local activity "${node.id}"`, `works the listing at the meeting "${node.meeting!}", of`, listing, node.due ?? resolvedType(type)?.due, meetingAt, dueAt ?? meetingAt);
    }
  }

  // (c) Escalations whose new responses open work of a type of the level above.
  const parentEscalations = new Map(parent.escalations.map((rule) => [rule.id, rule]));
  for (const element of resolved.escalations) {
    const parsed = escalationRule.safeParse(element);
    if (!parsed.success || !mine('escalations', parsed.data.id)) continue;
    const rule = parsed.data;
    const before = parentEscalations.get(rule.id);
    const kept = new Set(before?.response.map((response) => canonicalJson(response)) ?? []);
    const located = locateField(variant, 'escalations', rule.id, 'response');
    const local = before ? `The escalation "${rule.id}", as this variant changes it,` : `The local escalation "${rule.id}"`;
    rule.response.forEach((response, r) => {
      if (kept.has(canonicalJson(response))) return;
      const at = where(located, fallbackOf('escalations', rule.id), r);
      if (response.kind === 'createWorkItem' || response.kind === 'revisePlan') {
        judgeOpening(local, 'opens', response.workItemType, response.due, at, response.due !== undefined ? { ...at, path: [...at.path, 'due'] } : at);
      } else if (response.kind === 'listAtMeeting') {
        const listing = listingTypeOf(response.meeting);
        if (listing !== undefined) judgeOpening(local, `lists the case at the meeting "${response.meeting}", opening`, listing, undefined, at, at);
      }
    });
  }

  // (d) Events that record a case fact of the level above, or assess the tier.
  const parentEvents = new Map(parent.events.map((event) => [event.type, event]));
  const parentFacts = new Map(parent.facts.filter((fact) => !contributed.has(`facts:${canonicalJson(fact)}`)).map((fact) => [fact.id, fact]));
  for (const element of resolved.events) {
    const parsed = eventDeclaration.safeParse(element);
    if (!parsed.success || !mine('events', parsed.data.type)) continue;
    const event = parsed.data;
    const before = parentEvents.get(event.type);
    const local = localName('event', event.type, before !== undefined);
    for (const [field, fact] of Object.entries(event.records ?? {})) {
      if (before?.records && own(before.records, field) === fact) continue;
      const target = parentFacts.get(fact);
      if (!target || allows(target.governance, 'recordFact')) continue;
      report(
        where(locateField(variant, 'events', event.type, 'records'), fallbackOf('events', event.type), field),
        `${local} records ${nationalName('case fact', 'facts', fact)} from its field "${field}", and ${above} has not allowed local events to record it (recordFact). Deadlines in ${flowOf('facts', fact)} count from it, so leave recording it to that flow.`,
      );
    }
    if (event.assessesTier && parent.tiers && !before?.assessesTier && !allows(parent.tiers.governance, 'setTier')) {
      report(
        where(locateField(variant, 'events', event.type, 'assessesTier'), fallbackOf('events', event.type)),
        `${local} assesses the case tier (from its field "${event.assessesTier.field}"), and ${above} has not allowed local events to set or raise ${national ? 'the national tiers' : 'the tiers'} (setTier). The tier decides national safeguards such as first contact and intensive case management; record risk with the national assessment instead.`,
      );
    }
  }

  // (e) Plugin nodes and plugin actions the variant added: what their plugin declares they may do
  // to elements that are not the plugin's own is judged like any local element's effect.
  const judgeDeclared = (local: string, plugin: string, effects: DeclaredEffects | undefined, at: { change: number | null; path: JsonPath }) => {
    for (const typeId of effects?.openWorkItem ?? []) if (parentTypes.has(typeId)) judgeOpening(local, `may open (as ${plugin} declares)`, typeId, undefined, at, at);
    for (const milestone of effects?.recordMilestone ?? []) {
      const target = parentMilestones.get(milestone);
      if (target && !allows(target.governance, 'recordMilestone')) {
        report(at, `${local} may record ${nationalName('milestone', 'milestones', milestone)} (as ${plugin} declares), and ${above} has not allowed local steps to record it (recordMilestone). Use the plugin where ${flowOf('milestones', milestone)} allows it, or a plugin that does not record it.`);
      }
    }
    for (const fact of effects?.recordFact ?? []) {
      const target = parentFacts.get(fact);
      if (target && !allows(target.governance, 'recordFact')) {
        report(at, `${local} may record ${nationalName('case fact', 'facts', fact)} (as ${plugin} declares), and ${above} has not allowed local elements to record it (recordFact).`);
      }
    }
    if (effects?.setTier === true && parent.tiers && !allows(parent.tiers.governance, 'setTier')) {
      report(at, `${local} may set or raise the case tier (as ${plugin} declares), and ${above} has not allowed local elements to (setTier).`);
    }
  };
  for (const element of resolved.nodes) {
    const node = element as { id?: unknown; type?: unknown };
    if (typeof node.id !== 'string' || typeof node.type !== 'string' || !node.type.includes('/') || parentNodes.has(node.id) || !mine('nodes', node.id)) continue;
    const contribution = plugins.nodeType(node.type);
    if (!contribution) continue;
    const at = where(locateField(variant, 'nodes', node.id, 'type'), fallbackOf('nodes', node.id));
    const plugin = `${contribution.plugin.name}@${contribution.plugin.version}`;
    const local = `The local ${node.type} node "${node.id}"`;
    const workItemType = contribution.definition.workItemType;
    if (workItemType !== undefined && parentTypes.has(workItemType)) judgeOpening(local, 'opens work of', workItemType, undefined, at, at);
    judgeDeclared(local, plugin, contribution.definition.effects, at);
  }
  for (const element of resolved.transitions) {
    const parsed = transitionSchema.safeParse(element);
    if (!parsed.success || !mine('transitions', parsed.data.id)) continue;
    const t = parsed.data;
    const before = parentTransitions.get(t.id);
    t.actions.forEach((action, a) => {
      if (!action.name.includes('/') || before?.actions.some((b) => b.name === action.name)) return;
      const contribution = plugins.action(action.name);
      if (!contribution) return;
      const at = where(locateField(variant, 'transitions', t.id, 'actions'), fallbackOf('transitions', t.id), a);
      judgeDeclared(`${localName('transition', t.id, before !== undefined)}'s action ${action.name}`, `${contribution.plugin.name}@${contribution.plugin.version}`, contribution.definition.effects, at);
    });
  }
  return problems;
}
