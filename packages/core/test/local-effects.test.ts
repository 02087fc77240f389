import {
  addTimeSpan,
  checkVariant,
  compareInstants,
  createEngine,
  meetingPeriod,
  resolve,
  subtractTimeSpan,
  type AllowedCommand,
  type CaseEngine,
  type CaseRecord,
  type CheckVariantResult,
  type CommandInput,
  type Deadline,
  type Effect,
  type EventDeclaration,
  type LocalEffect,
  type PathwayTemplate,
  type PathwayVariantInput,
  type ProvenanceMap,
  type TimeSpan,
} from '@pathways/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowing, baselineJson, parsed, variantOf } from './local-effects-fixtures.js';

// The promise to national teams, shown on the running engine rather than by the checker's own
// rules: whatever a region's own elements do to a national element — record a national milestone,
// open or work national work, set the tier, record a national case fact — either `check` refuses
// the variant for it, or the baseline allows it; and where it is allowed, national work opened by
// a local element is never due later than its national bound.
//
// Variants of the NZ baseline are generated from what the parsed baseline offers (its fragment
// points, work-item types, milestones, meetings, facts, tiers and duration parameters), so the
// property keeps its meaning as the baseline grows. Each is checked against a copy of the baseline
// that sometimes allows some of those effects; each that resolves is run on the engine by a driver
// that opens a fictional case and takes the commands the case offers. Every effect is attributed
// to the element that produced it through the effect's own attribution (transition, node,
// escalation, event) and the provenance `resolve` gives.

type Change = PathwayVariantInput['changes'][number];

const baseJson = baselineJson();
const baseline = parsed(baseJson);
const ns = 'lfx';

// ---------------------------------------------------------------------------------------------
// What the baseline offers
// ---------------------------------------------------------------------------------------------

const fragmentPoints = baseline.adjustmentPoints.flatMap((p) => (p.kind === 'fragment' ? [p] : []));
const entryPoint = baseline.adjustmentPoints.find((p) => p.kind === 'entryPoint');
const nationalTypes = baseline.workItemTypes.map((type) => type.id);
const nationalMilestones = baseline.milestones.map((m) => m.id);
const nationalMeetings = baseline.meetings.map((m) => m.id);
const nationalFacts = baseline.facts.map((fact) => fact.id);
const tierIds = baseline.tiers?.levels.map((level) => level.id) ?? [];
const highTier = tierIds.includes('high') ? 'high' : tierIds.at(-1);
const nationalPlan = baseline.planTypes[0];
const role = baseline.roles.some((r) => r.id === 'coordinator') ? 'coordinator' : baseline.roles[0]!.id;
const sourceAgency = baseline.agencies[0]!.id;
// Spans that compare exactly with the engine's arithmetic in a zone without a clock change (no months or years).
const durationParameters = Object.entries(baseline.parameters).flatMap(([name, p]) => (p.kind === 'duration' && !(typeof p.value === 'string' && /[YM].*T|[YM]$|^P[^T]*[YM]/.test(p.value)) ? [name] : []));

const localType = `${ns}/local-task`;
const localMilestone = `${ns}/local-milestone`;

// Cases run between two New Zealand clock changes (5 April and 27 September 2026), so a calendar
// day is 24 hours wherever a due time or a bound falls.
const openedAt = '2026-04-13T09:00:00+12:00';
const clockLimit = '2026-08-20T00:00:00.000Z';

// ---------------------------------------------------------------------------------------------
// Variants
// ---------------------------------------------------------------------------------------------

const spanArb = fc.constantFrom('PT4H', 'PT12H', 'PT24H', 'P1D', 'P2D', 'P3D', 'P5D', 'P7D', 'P14D', 'P30D');
const dueArb: fc.Arbitrary<Deadline | undefined> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(undefined) },
  { weight: 5, arbitrary: spanArb },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 }).map((workingDays) => ({ workingDays })) },
  ...(durationParameters.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...durationParameters).map((param) => ({ param })) }] : []),
  ...(nationalMeetings.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...nationalMeetings).map((meetingCadence): Deadline => ({ meetingCadence })) }] : []),
  ...(nationalFacts.length > 0
    ? [
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.constantFrom(...nationalFacts), fc.constantFrom('before', 'after', 'at', 'offset'), spanArb, fc.boolean())
            .map(([relativeTo, side, span, negative]): Deadline =>
              side === 'at' ? { relativeTo } : side === 'offset' ? { relativeTo, offset: `${negative ? '-' : ''}${span}` } : { relativeTo, [side]: span },
            ),
        },
      ]
    : []),
);
const typeArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...nationalTypes) }, { weight: 1, arbitrary: fc.constant(localType) });
const milestoneArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...nationalMilestones) }, { weight: 1, arbitrary: fc.constant(localMilestone) });

/** What a local event does besides moving the case: record a national fact, assess the tier. */
interface EventEffect {
  readonly records?: string;
  readonly assessesTier: boolean;
}
const eventEffectArb: fc.Arbitrary<EventEffect> = fc.record({
  records: nationalFacts.length > 0 ? fc.option(fc.constantFrom(...nationalFacts), { nil: undefined, freq: 2 }) : fc.constant(undefined),
  assessesTier: tierIds.length > 0 ? fc.boolean() : fc.constant(false),
});

interface ActivitySpec {
  readonly type?: string;
  readonly due?: Deadline;
  readonly meeting?: string;
}
const activityArb: fc.Arbitrary<ActivitySpec> = fc.record({
  type: fc.option(typeArb, { nil: undefined, freq: 3 }),
  due: dueArb,
  meeting: nationalMeetings.length > 0 ? fc.option(fc.constantFrom(...nationalMeetings), { nil: undefined, freq: 2 }) : fc.constant(undefined),
});

interface FragmentSpec {
  readonly point: string;
  readonly first: ActivitySpec;
  readonly second: ActivitySpec;
  readonly milestones: readonly string[];
  readonly effect: EventEffect;
}
const fragmentArb: fc.Arbitrary<FragmentSpec> = fc.record({
  point: fc.constantFrom(...fragmentPoints.map((p) => p.id)),
  first: activityArb,
  second: activityArb,
  milestones: fc.uniqueArray(milestoneArb, { maxLength: 2 }),
  effect: eventEffectArb,
});

type ResponseSpec =
  | { readonly kind: 'createWorkItem' | 'revisePlan'; readonly type: string; readonly due?: Deadline }
  | { readonly kind: 'listAtMeeting'; readonly meeting: string }
  | { readonly kind: 'notify' };
const responseArb: fc.Arbitrary<ResponseSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('createWorkItem' as const), type: typeArb, due: dueArb }) },
  ...(nationalMeetings.length > 0 ? [{ weight: 2, arbitrary: fc.record({ kind: fc.constant('listAtMeeting' as const), meeting: fc.constantFrom(...nationalMeetings) }) }] : []),
  ...(nationalPlan ? [{ weight: 1, arbitrary: fc.record({ kind: fc.constant('revisePlan' as const), type: typeArb, due: dueArb }) }] : []),
  { weight: 1, arbitrary: fc.constant({ kind: 'notify' as const }) },
);

interface EscalationSpec {
  readonly trigger: 'event' | 'tierRaised' | 'tierRaisedHigh';
  readonly responses: readonly ResponseSpec[];
  readonly effect: EventEffect;
}
const escalationArb: fc.Arbitrary<EscalationSpec> = fc.record({
  trigger: tierIds.length > 0 ? fc.constantFrom('event' as const, 'tierRaised' as const, 'tierRaisedHigh' as const) : fc.constant('event' as const),
  responses: fc.array(responseArb, { minLength: 1, maxLength: 3 }),
  effect: eventEffectArb,
});

/** What the copy of the baseline allows: everything, nothing, or what the baseline itself allows and maybe some more. */
type AllowSpec = 'everything' | 'nothing' | { readonly milestones: string[]; readonly workItemTypes: string[]; readonly facts: string[]; readonly tiers: boolean };
const allowArb: fc.Arbitrary<AllowSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('everything' as const) },
  { weight: 1, arbitrary: fc.constant('nothing' as const) },
  {
    weight: 3,
    arbitrary: fc.record({ milestones: fc.subarray(nationalMilestones), workItemTypes: fc.subarray(nationalTypes), facts: fc.subarray(nationalFacts), tiers: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.constant<AllowSpec>({ milestones: [], workItemTypes: [], facts: [], tiers: false }) },
);

interface Plan {
  readonly fragments: readonly FragmentSpec[];
  readonly escalations: readonly EscalationSpec[];
  readonly intake?: EventEffect;
  readonly allow: AllowSpec;
  /** No local due times, and no local type on an activity that works a meeting's listing: what a careful region writes. */
  readonly tame: boolean;
  readonly withChild: boolean;
  readonly seed: number;
}
const planArb: fc.Arbitrary<Plan> = fc.record({
  fragments: fc.uniqueArray(fragmentArb, { selector: (f) => f.point, maxLength: fragmentPoints.length }),
  escalations: fc.array(escalationArb, { maxLength: 3 }),
  intake: entryPoint ? fc.option(eventEffectArb, { nil: undefined, freq: 3 }) : fc.constant(undefined),
  allow: allowArb,
  tame: fc.boolean(),
  withChild: fc.boolean(),
  seed: fc.integer(),
});

/** A local event's declaration: a note, and the fields its effect reads. */
function localEventDeclaration(type: string, effect: EventEffect): Record<string, unknown> {
  return {
    type,
    label: { en: `Fictional local event ${type}` },
    payload: {
      note: { type: 'enum', values: ['routine', 'urgent'] },
      ...(effect.records ? { when: { type: 'instant' } } : {}),
      ...(effect.assessesTier ? { tier: { type: 'tier' } } : {}),
    },
    ...(effect.records ? { records: { when: effect.records } } : {}),
    ...(effect.assessesTier ? { assessesTier: { field: 'tier' } } : {}),
  };
}

function activity(id: string, stage: string, given: ActivitySpec, tame: boolean): Record<string, unknown> {
  const spec: ActivitySpec = tame ? { ...(given.meeting === undefined && given.type !== undefined ? { type: given.type } : {}), ...(given.meeting !== undefined ? { meeting: given.meeting } : {}) } : given;
  return {
    id,
    stage,
    type: 'humanTask',
    label: { en: `Local activity ${id}`, mi: 'He mahi ā-rohe' },
    ownerRole: role,
    ...(spec.type !== undefined ? { workItemType: spec.type } : {}),
    ...(spec.due !== undefined ? { due: spec.due } : {}),
    ...(spec.meeting !== undefined ? { meeting: spec.meeting } : {}),
  };
}

function changesOf(plan: Plan): Change[] {
  const changes: Change[] = [
    { op: 'add', collection: 'workItemTypes', element: { id: localType, label: { en: 'Local task' }, kind: 'task', ownerRole: role, due: 'P3D' } },
    { op: 'add', collection: 'milestones', element: { id: localMilestone, label: { en: 'Local milestone' } } },
  ];
  for (const fragment of plan.fragments) {
    const point = fragmentPoints.find((p) => p.id === fragment.point)!;
    const name = point.id.split('/').pop()!;
    const [first, second] = [`${ns}/${name}-a`, `${ns}/${name}-b`];
    changes.push({
      op: 'addFragment',
      point: point.id,
      nodes: [activity(first, point.stage, fragment.first, plan.tame), activity(second, point.stage, fragment.second, plan.tame)],
      transitions: [{ id: `${ns}/${name}-next`, from: first, to: second, on: `${ns}.${name}.next`, actions: fragment.milestones.map((milestone) => ({ name: 'recordMilestone', params: { milestone } })) }],
      entry: first,
      exit: { node: second, on: `${ns}.${name}.done` },
      events: [localEventDeclaration(`${ns}.${name}.next`, fragment.effect), { type: `${ns}.${name}.done`, label: { en: 'Local activity done' } }],
    } as unknown as Change);
  }
  plan.escalations.forEach((escalation, k) => {
    const event = `${ns}.signal-${k}`;
    if (escalation.trigger === 'event') changes.push({ op: 'add', collection: 'events', element: localEventDeclaration(event, escalation.effect) });
    const trigger = escalation.trigger === 'event' ? { kind: 'event', event } : escalation.trigger === 'tierRaisedHigh' ? { kind: 'tierRaised', to: highTier } : { kind: 'tierRaised' };
    const response = escalation.responses.map((given) => {
      const r = plan.tame && 'due' in given ? { ...given, due: undefined } : given;
      switch (r.kind) {
        case 'createWorkItem':
          return { kind: r.kind, workItemType: r.type, ownerRole: role, ...(r.due !== undefined ? { due: r.due } : {}) };
        case 'revisePlan':
          return { kind: r.kind, planType: nationalPlan!.id, workItemType: r.type, ownerRole: role, ...(r.due !== undefined ? { due: r.due } : {}) };
        case 'listAtMeeting':
          return { kind: r.kind, meeting: r.meeting };
        case 'notify':
          return { kind: r.kind, role };
      }
    });
    changes.push({ op: 'add', collection: 'escalations', element: { id: `${ns}/escalation-${k}`, label: { en: `Local escalation ${k}` }, trigger, response } });
  });
  if (plan.intake && entryPoint) {
    changes.push({
      op: 'addIntakeSource',
      point: entryPoint.id,
      agency: { id: `${ns}/community-hub`, label: { en: 'Community hub (fictional)' }, agencyType: 'community' },
      event: localEventDeclaration(`${ns}.hub-referral.received`, plan.intake),
    } as Change);
  }
  return changes;
}

function parentOf(allow: AllowSpec): PathwayTemplate {
  if (allow === 'everything') return parsed(allowing({ milestones: nationalMilestones, workItemTypes: nationalTypes, facts: nationalFacts, tiers: true }, { keep: true }));
  if (allow === 'nothing') return parsed(allowing({}));
  return parsed(allowing(allow, { keep: true }));
}

function allows(parent: PathwayTemplate, effect: LocalEffect, element: string): boolean {
  const list =
    effect === 'recordMilestone'
      ? parent.milestones.find((m) => m.id === element)?.governance?.localEffects
      : effect === 'openWorkItem'
        ? parent.workItemTypes.find((w) => w.id === element)?.governance?.localEffects
        : effect === 'recordFact'
          ? parent.facts.find((f) => f.id === element)?.governance?.localEffects
          : parent.tiers?.governance?.localEffects;
  return list?.includes(effect) ?? false;
}

// ---------------------------------------------------------------------------------------------
// The driver: a fictional case, the commands it offers, local events, high risk now and then, timers
// ---------------------------------------------------------------------------------------------

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Context {
  readonly next: () => number;
  readonly record: CaseRecord;
  readonly persons: readonly string[];
  readonly workItems: readonly string[];
  episodes: number;
}
const pick = <T,>(ctx: Context, values: readonly T[]): T => values[Math.floor(ctx.next() * values.length)]!;
const later = (ctx: Context, maxMinutes: number) => new Date(Date.parse(ctx.record.clock) + (1 + Math.floor(ctx.next() * maxMinutes)) * 60_000).toISOString();

type Schema = { type?: string | string[]; enum?: unknown[]; anyOf?: Schema[]; format?: string; minimum?: number; maximum?: number; maxLength?: number; items?: Schema; properties?: Record<string, Schema>; required?: string[] };

/** A value for a payload field, from its JSON Schema and its name. */
function valueFor(name: string, schema: Schema, ctx: Context): unknown {
  if (schema.anyOf) return valueFor(name, schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, ctx);
  if (schema.enum) return pick(ctx, schema.enum);
  switch (schema.type) {
    case 'boolean':
      return ctx.next() < 0.5;
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 5;
      return Math.min(max, min + Math.floor(ctx.next() * 4));
    }
    case 'array':
      if (name === 'victimSurvivors') return [ctx.persons[0]];
      if (name === 'personsUsingViolence') return [ctx.persons[1]];
      return [valueFor(name, schema.items ?? { type: 'string' }, ctx)];
    case 'string': {
      if (schema.format === 'date-time') return later(ctx, 20 * 24 * 60);
      if (name === 'personId') return pick(ctx, ctx.persons);
      if (name === 'workItemId') return ctx.workItems.length > 0 ? pick(ctx, ctx.workItems) : 'no-work-item';
      if (name === 'episodeId') return `episode-${(ctx.episodes += 1)}`;
      if (/agency/i.test(name)) return sourceAgency;
      if (name === 'worker' || name === 'assignee') return 'kaimahi-ana';
      return 'Fictional text for the test.'.slice(0, schema.maxLength ?? 200);
    }
    default:
      return null;
  }
}

function payloadFor(schema: Schema, ctx: Context): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  const payload: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (!required.has(name) && ctx.next() < 0.6) continue;
    payload[name] = valueFor(name, field, ctx);
  }
  return payload;
}

/** The JSON Schema of a template event's payload, as far as the payload builder needs it. */
function schemaOf(event: EventDeclaration): Schema {
  const properties: Record<string, Schema> = {};
  for (const [name, field] of Object.entries(event.payload)) {
    properties[name] =
      field.type === 'instant'
        ? { type: 'string', format: 'date-time' }
        : field.type === 'enum'
          ? { enum: field.values }
          : field.type === 'tier'
            ? { enum: tierIds }
            : field.type === 'personId'
              ? { type: 'string' }
              : field.type === 'agency'
                ? { type: 'string' }
                : { type: field.type };
  }
  return { properties, required: Object.entries(event.payload).flatMap(([name, field]) => (field.required ? [name] : [])) };
}

/** One national element a local element acted on, as the engine showed it. */
interface Observed {
  readonly effect: LocalEffect;
  readonly element: string;
  readonly by: string;
  /** The kind of local element: a transition, an activity, an escalation or an event. */
  readonly via: 'transition' | 'activity' | 'escalation' | 'event';
  /** For work: its due time, and the instant a span bound counts from (when the work opened, or the activity took it over). */
  readonly due?: string;
  readonly from: string;
  readonly facts: Readonly<Record<string, string>>;
}

/** Attributes effects to the variant's own elements, through the effect's own attribution and the provenance. */
function attributor(parent: PathwayTemplate, provenance: ProvenanceMap, variantId: string) {
  const mine = (key: string) => Object.hasOwn(provenance, key) && provenance[key]!.source === variantId;
  const parentNodes = new Set(parent.nodes.map((n) => n.id));
  const parentEscalations = new Set(parent.escalations.map((e) => e.id));
  const parentEvents = new Set(parent.events.map((e) => e.type));
  const parentTransitions = new Map(parent.transitions.map((t) => [t.id, t]));
  const types = new Set(parent.workItemTypes.map((w) => w.id));
  const milestones = new Set(parent.milestones.map((m) => m.id));
  const facts = new Set(parent.facts.map((f) => f.id));
  const localNode = (id: string | undefined) => id !== undefined && !parentNodes.has(id) && mine(`nodes:${id}`);
  const localEscalation = (id: string | undefined) => id !== undefined && !parentEscalations.has(id) && mine(`escalations:${id}`);
  const localEvent = (type: string | undefined) => type !== undefined && !parentEvents.has(type) && mine(`events:${type}`);
  // A transition the variant brought records a milestone the national version of it did not.
  const localRecording = (transition: string | undefined, milestone: string) =>
    transition !== undefined && mine(`transitions:${transition}`) && !(parentTransitions.get(transition)?.actions.some((a) => a.name === 'recordMilestone' && a.params.milestone === milestone) ?? false);
  const itemTypes = new Map<string, string>();

  return (effects: readonly Effect[], at: string, caseFacts: Readonly<Record<string, string>>): Observed[] => {
    const observed: Observed[] = [];
    // A command is one step: a work item's due time is the last one the step gave it (a fact the
    // same command records re-times work counted from it, after the escalations it set off).
    const finalDue = new Map<string, string | undefined>();
    for (const effect of effects) {
      if (effect.type === 'workItem.created') finalDue.set(effect.workItemId, effect.due);
      else if (effect.type === 'workItem.updated' && effect.due !== undefined) finalDue.set(effect.workItemId, effect.due);
    }
    const dueOf = (id: string) => (finalDue.get(id) !== undefined ? { due: finalDue.get(id)! } : {});
    for (const effect of effects) {
      switch (effect.type) {
        case 'workItem.created': {
          itemTypes.set(effect.workItemId, effect.workItemType);
          const via = localNode(effect.node) ? 'activity' : localEscalation(effect.escalation) ? 'escalation' : undefined;
          const by = via === 'activity' ? effect.node : effect.escalation;
          if (via && by && types.has(effect.workItemType)) observed.push({ effect: 'openWorkItem', element: effect.workItemType, by, via, from: at, facts: caseFacts, ...dueOf(effect.workItemId) });
          break;
        }
        case 'workItem.updated': {
          const type = itemTypes.get(effect.workItemId);
          if (localNode(effect.node) && type !== undefined && types.has(type)) observed.push({ effect: 'openWorkItem', element: type, by: effect.node!, via: 'activity', from: at, facts: caseFacts, ...dueOf(effect.workItemId) });
          break;
        }
        case 'milestone.reached':
          if (milestones.has(effect.milestone) && localRecording(effect.transition, effect.milestone)) observed.push({ effect: 'recordMilestone', element: effect.milestone, by: effect.transition!, via: 'transition', from: at, facts: caseFacts });
          break;
        case 'tier.changed':
          if (localEvent(effect.event)) observed.push({ effect: 'setTier', element: 'tiers', by: effect.event!, via: 'event', from: at, facts: caseFacts });
          break;
        case 'fact.recorded':
          if (facts.has(effect.fact) && localEvent(effect.event)) observed.push({ effect: 'recordFact', element: effect.fact, by: effect.event, via: 'event', from: at, facts: caseFacts });
          break;
        default:
          break;
      }
    }
    return observed;
  };
}

/** Runs a fictional case on the engine for a bounded number of steps; returns every national effect of a local element. */
function drive(engine: CaseEngine, attribute: ReturnType<typeof attributor>, localEvents: readonly EventDeclaration[], plan: Plan): { observed: Observed[]; applied: number; incidents: number } {
  const next = random(plan.seed);
  const persons = ['person-aroha', 'person-tane', ...(plan.withChild ? ['person-mere'] : [])];
  const opened = engine.startCase({
    caseId: 'case-lfx-0001',
    openedAt,
    persons: plan.withChild ? [{ id: 'person-mere', roles: ['child'] }] : [],
    episode: { episodeId: 'episode-0', sourceAgency, victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'], childrenPresent: plan.withChild },
  });
  let record = opened.record;
  const observed = attribute(opened.effects, record.clock, record.snapshot.context.facts);
  let applied = 0;
  let incidents = 0;
  let episodes = 0;
  for (let step = 0; step < 80; step += 1) {
    if (record.snapshot.context.closed || compareInstants(record.clock, clockLimit) > 0) break;
    const ctx: Context = { next, record, persons, workItems: Object.keys(record.snapshot.context.workItems), episodes };
    const roll = next();
    const timers = engine.dueTimers(record, '2100-01-01T00:00:00Z');
    let result;
    const command = (type: string, payload: Record<string, unknown>, roles?: readonly string[]): CommandInput => ({
      type,
      payload,
      at: later(ctx, 240),
      actor: 'kaimahi-test',
      idempotencyKey: `step-${step}`,
      expectedVersion: record.version,
      ...(roles?.[0] ? { actorRole: roles[0] } : {}),
    });
    if (roll < 0.08 && timers.length > 0) result = engine.fireTimer(record, timers[0]!.timerId);
    else if (roll < 0.14 && highTier) result = engine.send(record, command('risk.assessed', { personId: 'person-aroha', level: highTier }));
    else if (roll < 0.24 && localEvents.length > 0) {
      const event = pick(ctx, localEvents);
      result = engine.send(record, command(event.type, payloadFor(schemaOf(event), ctx), event.roles));
    } else {
      const offered: readonly AllowedCommand[] = engine.view(record).allowedCommands;
      if (offered.length === 0) {
        if (timers.length === 0) break;
        result = engine.fireTimer(record, timers[0]!.timerId);
      } else {
        // The current activity's commands come first: mostly take the first one.
        const chosen = next() < 0.7 ? offered[0]! : pick(ctx, offered);
        result = engine.send(record, command(chosen.type, payloadFor(chosen.payloadSchema as Schema, ctx), chosen.roles));
      }
    }
    episodes = ctx.episodes;
    if (result.kind === 'incident') incidents += 1;
    if (result.kind !== 'applied') continue;
    applied += 1;
    record = result.record;
    observed.push(...attribute(result.effects, record.clock, record.snapshot.context.facts));
  }
  return { observed, applied, incidents };
}

// ---------------------------------------------------------------------------------------------
// National bounds, computed from the resolved template with the engine's calendar arithmetic
// ---------------------------------------------------------------------------------------------

function spanOf(template: PathwayTemplate, value: TimeSpan | { param: string } | { meetingCadence: string }): TimeSpan {
  if (typeof value === 'object' && 'meetingCadence' in value) {
    const period = meetingPeriod(template, value.meetingCadence);
    if (period === undefined) throw new Error(`No cadence period for "${value.meetingCadence}"`);
    return period;
  }
  if (typeof value === 'string' || !('param' in value)) return value;
  const parameter = template.parameters[value.param];
  if (parameter?.kind !== 'duration') throw new Error(`No duration parameter "${value.param}"`);
  return parameter.value;
}

/** The latest instant work of the type may be due, for work opened (or taken over) at `from`; null when the type has no bound. */
function boundOf(template: PathwayTemplate, type: string, from: string, facts: Readonly<Record<string, string>>): string | null | undefined {
  const due = template.workItemTypes.find((w) => w.id === type)?.due;
  if (due === undefined) return null;
  if (typeof due === 'string' || !('relativeTo' in due)) return addTimeSpan(from, spanOf(template, due), template.locality);
  const fact = Object.hasOwn(facts, due.relativeTo) ? facts[due.relativeTo] : undefined;
  if (fact === undefined) return undefined;
  if (due.offset !== undefined) {
    const length = due.offset.replace(/^[+-]/, '');
    return due.offset.startsWith('-') ? subtractTimeSpan(fact, length, template.locality) : addTimeSpan(fact, length, template.locality);
  }
  if (due.before !== undefined) return subtractTimeSpan(fact, spanOf(template, due.before), template.locality);
  if (due.after !== undefined) return addTimeSpan(fact, spanOf(template, due.after), template.locality);
  return fact;
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

describe('local effects on national elements, on the running engine', () => {
  it('every national effect of a local element is refused by check or allowed by the baseline, and allowed work is never due past its bound', () => {
    const figures = { runs: 0, resolved: 0, withNationalEffect: 0, refusedWithEffect: 0, allowedPassedWithEffect: 0, effects: 0, applied: 0, incidents: 0 };
    const refusedKinds = new Set<string>();
    const allowedKinds = new Set<string>();
    fc.assert(
      fc.property(planArb, (plan) => {
        figures.runs += 1;
        const parent = parentOf(plan.allow);
        const variant = variantOf(parent, changesOf(plan));
        const checked: CheckVariantResult = checkVariant(parent, variant);
        const resolved = resolve(parent, [variant]);
        if (!resolved.ok) return;
        figures.resolved += 1;
        const engine = createEngine(resolved.template);
        const localEvents = resolved.template.events.filter((e) => resolved.provenance[`events:${e.type}`]?.source === variant.id);
        const run = drive(engine, attributor(parent, resolved.provenance, variant.id), localEvents, plan);
        figures.applied += run.applied;
        figures.incidents += run.incidents;
        figures.effects += run.observed.length;
        if (run.observed.length > 0) figures.withNationalEffect += 1;
        let refused = false;
        let allowedPassed = false;
        const localProblems = checked.problems.filter((p) => p.code === 'PWY_VARIANT_LOCAL_EFFECT');
        for (const seen of run.observed) {
          const what = `${seen.by} → ${seen.effect} ${seen.element}`;
          if (!allows(parent, seen.effect, seen.element)) {
            // Refused by the check, with a problem that names the national element.
            const named = seen.effect === 'setTier' ? / tier/ : `"${seen.element}"`;
            expect(
              localProblems.some((p) => (typeof named === 'string' ? p.message.includes(named) : named.test(p.message))),
              `${what} happened in the engine, but check did not refuse it: ${JSON.stringify(checked.problems.map((p) => p.message))}`,
            ).toBe(true);
            refused = true;
            refusedKinds.add(`${seen.effect} by ${seen.via}`);
            continue;
          }
          if (!checked.ok) continue;
          allowedPassed = true;
          allowedKinds.add(`${seen.effect} by ${seen.via}`);
          if (seen.effect !== 'openWorkItem' || seen.due === undefined) continue;
          const bound = boundOf(resolved.template, seen.element, seen.from, seen.facts);
          if (bound === null) continue;
          expect(bound !== undefined && compareInstants(seen.due, bound) <= 0, `${what}: due ${seen.due}, bound ${String(bound)} (from ${seen.from})`).toBe(true);
        }
        if (refused) figures.refusedWithEffect += 1;
        if (allowedPassed) figures.allowedPassedWithEffect += 1;
      }),
      { numRuns: Number(process.env.PATHWAYS_LOCAL_EFFECT_RUNS ?? 150) },
    );
    // PATHWAYS_LOCAL_EFFECT_RUNS=3000 PATHWAYS_LOCAL_EFFECT_FIGURES=1 runs it longer and prints what it saw.
    if (process.env.PATHWAYS_LOCAL_EFFECT_FIGURES) console.info(JSON.stringify({ ...figures, refusedKinds: [...refusedKinds], allowedKinds: [...allowedKinds] }));
    // Not vacuous: local elements did act on national elements in the engine, both where check
    // refused the variant and where the baseline allowed it and the variant passed.
    expect(figures.refusedWithEffect).toBeGreaterThan(0);
    expect(figures.allowedPassedWithEffect).toBeGreaterThan(0);
  }, 120_000);
});
