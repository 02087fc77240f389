// Hand-written fast-check arbitraries for pathway templates (zod 4 has no generator bridge).
//
// `validTemplateArbitrary` builds random templates that parseTemplate AND validateTemplate accept:
// six stages in order, nodes grouped by stage with the single start node first (recognition) and an
// end node last (monitoring); every node gets an edge from an earlier non-end node (reachable from
// the start) and every non-end node an edge to a later node (so it can reach an end); automatic
// transitions (decision / notify, no `on`) only ever point forward, so they cannot form a cycle,
// while event-driven ones may also point backwards. Every `on` is a declared event, `timer.fired`
// out of a wait node, a built-in case command or the (undeclared) tier-lowering event; every other
// reference resolves; parameter bounds hold their values; tailorable fields exist.
//
// `mutationArbitrary` / `mutatedTemplateArbitrary` break such templates in random ways (as values
// and as text), for properties that the parser never throws and never pollutes prototypes.

import fc from 'fast-check';
import {
  agencyTypes,
  caseCommandPayloads,
  compareSpans,
  personRoles,
  practiceSteps,
  sensitivityLevels,
  workItemKinds,
  workItemStatuses,
  type Condition,
  type Governance,
  type JsonValue,
  type Labels,
  type PathwayTemplateInput,
  type PracticeStep,
  type TimeSpan,
  type TimeSpanOrRef,
} from '@pathways/core';

type Input = PathwayTemplateInput;
type ElementOf<K extends keyof Input> = NonNullable<Input[K]> extends readonly (infer E)[] ? E : never;
type NodeInput = ElementOf<'nodes'>;
type TransitionInput = ElementOf<'transitions'>;
type EventInput = ElementOf<'events'>;
type PayloadFieldInput = NonNullable<EventInput['payload']>[string];
type ParameterInput = NonNullable<Input['parameters']>[string];
type WorkItemTypeInput = ElementOf<'workItemTypes'>;
type PlanTypeInput = ElementOf<'planTypes'>;
type EscalationInput = ElementOf<'escalations'>;
type TriggerInput = EscalationInput['trigger'];
type ResponseInput = EscalationInput['response'][number];
type AdjustmentPointInput = ElementOf<'adjustmentPoints'>;
type InvariantInput = ElementOf<'invariants'>;
type ElementRefInput = { node: string } | { milestone: string } | { tier: string };
type CaseDataFieldInput = NonNullable<NonNullable<Input['caseData']>['person']>[number];
type StageInput = ElementOf<'stages'>;
type NodeType = 'start' | 'end' | 'decision' | 'humanTask' | 'wait' | 'notify';

// ---------------------------------------------------------------------------------------------
// Leaf arbitraries. Module-level builders, so `fc.gen` caches the arbitraries they return.
// ---------------------------------------------------------------------------------------------

/** Replaces the controls the JSON guard refuses (C0 except tab, LF and CR; DEL) with spaces. */
function withoutControls(text: string): string {
  return Array.from(text, (c) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f ? ' ' : c;
  }).join('');
}

/**
 * Commands every case accepts without a declaration (see case-commands.ts in core, which the
 * public API does not export). Transitions and escalation triggers may use them undeclared.
 */
const builtInCommands = Object.keys(caseCommandPayloads);

const maoriWords = [
  'Ara',
  'iti',
  'Whānau',
  'Kaiwhakarite',
  'Ngā',
  'Pirihimana',
  'o',
  'Aotearoa',
  'Tūtohu',
  'Hauora',
  'kōrero',
  'Aromātai',
  'Tīmatanga',
  'Mutunga',
  'Whakaaetanga',
  'Kāinga',
  'Tūranga',
  'haumaru',
  'Ōritetanga',
  'tautoko',
  'Rōpū',
  'hui',
  'Mātāwaka',
] as const;
const englishWords = ['Referral', 'intake', 'triage', 'first', 'contact', 'safety', 'plan', 'review', 'closed', 'lead', 'agency', 'victim-survivor', "whānau's", 'risk'] as const;

/** Awkward but acceptable characters: macrons (composed and combining), emoji, RTL, zero-width, a lone surrogate. */
const awkwardCharacters = ['ā', 'Ā', 'ē', 'ī', 'ō', 'ū', '\u0304', '👩🏽‍⚖️', '🌿', 'ש', 'ع', '\u200d', '\u200b', '\ufeff', '\ud800', '\u00a0', '"', '\\', '<', '&', '\t', '\n'] as const;
/**
 * One character: printable ASCII, a letter from the Basic Multilingual Plane, an astral character
 * (a surrogate pair) or an awkward one. Built from integers rather than fc.string's 'grapheme'
 * unit, whose first use maps every code point (about a second of set-up).
 */
const characterArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)) },
  { weight: 2, arbitrary: fc.constantFrom(...awkwardCharacters) },
);
const freeTextArb = () => fc.array(characterArb, { minLength: 1, maxLength: 16 }).map((characters) => withoutControls(characters.join('')));
/** Te reo Māori phrases with macrons, sometimes decomposed (NFD: vowel + combining macron). */
const maoriArb = () =>
  fc
    .tuple(fc.array(fc.constantFrom(...maoriWords), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([words, decomposed]) => (decomposed ? words.join(' ').normalize('NFD') : words.join(' ')));
const englishArb = () => fc.array(fc.constantFrom(...englishWords), { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
// Composite leaves are drawn with one `fc.gen` call each: every call is recorded for replay, so
// fewer, larger draws keep generation fast.
const textArb = () => fc.oneof({ weight: 3, arbitrary: englishArb() }, { weight: 3, arbitrary: maoriArb() }, { weight: 2, arbitrary: freeTextArb() });
/** Labels: English always; te reo Māori (`mi`) often; regional tags sometimes. */
const labelsArb = () =>
  fc
    .tuple(textArb(), fc.option(maoriArb(), { freq: 2 }), fc.option(textArb(), { freq: 6 }), fc.option(maoriArb(), { freq: 8 }))
    .map(([en, mi, enNz, miNz]) => {
      const labels: Labels = { en };
      if (mi !== null) labels.mi = mi;
      if (enNz !== null) labels['en-NZ'] = enNz;
      if (miNz !== null) labels['mi-NZ'] = miNz;
      return labels;
    });
/** ISO 8601 durations with random parts, e.g. `P1Y2M`, `PT24H`, `P2W3DT4H5M6S`, `P0D`. */
const isoDurationArb = () =>
  fc
    .tuple(
      fc.option(fc.nat(20), { freq: 3 }),
      fc.option(fc.nat(24), { freq: 3 }),
      fc.option(fc.nat(10), { freq: 3 }),
      fc.option(fc.nat(60), { freq: 2 }),
      fc.option(fc.nat(72), { freq: 2 }),
      fc.option(fc.nat(120), { freq: 3 }),
      fc.option(fc.nat(3600), { freq: 3 }),
    )
    .map(([y, mo, w, d, h, mi, s]) => {
      const part = (n: number | null, unit: string) => (n === null ? '' : `${n}${unit}`);
      const date = `${part(y, 'Y')}${part(mo, 'M')}${part(w, 'W')}${part(d, 'D')}`;
      const time = `${part(h, 'H')}${part(mi, 'M')}${part(s, 'S')}`;
      if (date === '' && time === '') return 'PT24H';
      return `P${date}${time === '' ? '' : `T${time}`}`;
    });
/** Real calendar dates (leap days included). */
const isoDateArb = () =>
  fc
    .tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([year, month, day]) => {
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, days)).padStart(2, '0')}`;
    });
const idWordArb = () => fc.stringMatching(/^[a-z][a-z0-9]{0,7}([-_/][a-z0-9]{1,5}){0,2}$/);
const lowerWordArb = () => fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const camelWordArb = () => fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,5}$/);
const reportingCodeArb = () => fc.stringMatching(/^[A-Z][A-Z0-9]{0,4}(-[A-Z0-9]{1,5}){0,3}$/);
const jurisdictionArb = () => fc.stringMatching(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/);
const prereleaseArb = () => fc.stringMatching(/^(alpha|beta|rc)(\.[1-9][0-9]{0,2})?$/);
const finiteNumberArb = () =>
  fc
    .oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .map((x) => (x === 0 ? 0 : x)); // -0 does not survive JSON; keep it out of valid templates.
/** JSON values for bounds, guards and parameters: only keys and text the JSON guard accepts. */
const safeJsonArb = (): fc.Arbitrary<JsonValue> =>
  fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      freeTextArb(),
      finiteNumberArb(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(camelWordArb(), tie('value'), { maxKeys: 3 }),
    ),
  })).value;

const idWords = ['first-contact', 'triage', 'chc/whanau-hui', 'risk_review', 'nz-police', 'coordinator', 'a', 'x1', 'safety-plan', 'tier/high', 'constructor', 'proto'] as const;
const camelWords = ['risk', 'sourceAgency', 'outcome', 'victimViewRecorded', 'x', 'firstContactHigh', 'triageDue', 'reviewCadence', 'toString', 'valueOf'] as const;
const reportingCodes = ['FV-REC', 'FV-RES', 'FV-EIS-FIRST-CONTACT', 'FV-ALL-LEAD-AGENCY', 'X', 'FV-INT-PLAN-APPROVED'] as const;
const uniformNatArb = () => fc.noBias(fc.nat({ max: 0x3fffffff }));
const timeZones = ['Pacific/Auckland', 'Pacific/Chatham', 'UTC', 'Australia/Sydney', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT+12'] as const;
const cadenceWords = ['daily', 'twice-weekly', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'ia rā', 'ia wiki'] as const;
const unitWords = ['incidents', 'days', 'people', 'referrals', 'tamariki'] as const;

/** A thin, typed layer over `fc.gen`: every random choice goes through it, so it replays and shrinks. */
class Picker {
  constructor(private readonly g: fc.GeneratorValue) {}

  /**
   * Every number comes from one cached arbitrary (fc.gen looks arbitraries up by their arguments,
   * linearly, so one `fc.integer` per range would dominate the run time). Shrinks towards `min`.
   */
  int(min: number, max: number): number {
    return min + (this.g(uniformNatArb) % (max - min + 1));
  }

  /** True with probability `p`; shrinks towards false (the smaller template). */
  chance(p: number): boolean {
    return this.int(0, 99) >= Math.round((1 - p) * 100);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** A random sub-list, order kept; at least `min` items (when there are that many). */
  subset<T>(items: readonly T[], min = 0, p = 0.5): T[] {
    const chosen = items.filter(() => this.chance(p));
    if (chosen.length >= min || items.length <= chosen.length) return chosen;
    return min === 1 ? [this.pick(items)] : items.slice(0, min);
  }

  maybe<T>(p: number, make: () => T): T | undefined {
    return this.chance(p) ? make() : undefined;
  }

  draw<T>(builder: () => fc.Arbitrary<T>): T {
    return this.g(builder);
  }

  text(): string {
    return this.draw(textArb);
  }

  labels(): Labels {
    return this.draw(labelsArb);
  }

  /** Unique within its collection thanks to the index suffix. Mostly from a list (fc.stringMatching is slow). */
  id(index: number): string {
    return `${this.chance(0.15) ? this.draw(idWordArb) : this.pick(idWords)}-${index}`;
  }

  /** camelCase, unique by the index suffix (which also keeps it from being `constructor` or `prototype`). */
  camel(index: number): string {
    return `${this.chance(0.15) ? this.draw(camelWordArb) : this.pick(camelWords)}${index}`;
  }

  reportingCode(): string {
    return this.chance(0.3) ? this.draw(reportingCodeArb) : this.pick(reportingCodes);
  }

  isoDuration(): string {
    return this.draw(isoDurationArb);
  }

  timeSpan(workingDays = this.chance(0.35)): TimeSpan {
    return workingDays ? { workingDays: this.int(0, 366) } : this.isoDuration();
  }

  isoDate(): string {
    return this.draw(isoDateArb);
  }
}

/** What a generated template declares, for references to resolve against. */
interface Declared {
  roles: string[];
  /** Events a transition may wait for: declared ones, built-in commands, an undeclared tier-lowering event. */
  transitionEvents: string[];
  agencies: string[];
  milestones: string[];
  events: string[];
  tiers: string[] | undefined;
  workItemTypes: WorkItemTypeInput[];
  planTypes: string[];
  meetings: string[];
  conditions: string[];
  durationParameters: string[];
  enumParameters: string[];
}

function spanOrRef(p: Picker, d: Declared): TimeSpanOrRef {
  if (d.durationParameters.length > 0 && p.chance(0.3)) return { param: p.pick(d.durationParameters) };
  return p.timeSpan();
}

function condition(p: Picker, d: Declared, depth = 0): Condition {
  const options: (() => Condition)[] = [
    () => ({ persons: { role: p.pick(personRoles), atLeast: p.int(1, 100) } }),
    () => {
      const type = d.workItemTypes.length > 0 && p.chance(0.5) ? p.pick(d.workItemTypes).id : undefined;
      return { workItems: { ...(type === undefined ? {} : { type }), status: p.subset(workItemStatuses, 1), count: p.pick(['none', 'some'] as const) } };
    },
  ];
  if (d.milestones.length > 0) options.push(() => ({ milestone: p.pick(d.milestones) }));
  if (d.tiers) {
    const tiers = d.tiers;
    options.push(() => ({ tierAtLeast: p.pick(tiers) }), () => ({ tierBelow: p.pick(tiers) }));
  }
  if (depth < 2) {
    const children = () => Array.from({ length: p.int(1, 3) }, () => condition(p, d, depth + 1));
    options.push(() => ({ all: children() }), () => ({ any: children() }), () => ({ not: condition(p, d, depth + 1) }));
  }
  return p.pick(options)();
}

function ownKeys(element: object): string[] {
  return Object.entries(element).flatMap(([key, value]) => (value === undefined ? [] : [key]));
}

/** Governance of an ordinary element: tailorable bounds only ever name fields the element has. */
function elementGovernance(p: Picker, fields: readonly string[]): Governance | undefined {
  switch (p.int(0, 4)) {
    case 0:
    case 1:
      return undefined;
    case 2:
      return p.chance(0.5) ? { mode: 'locked', reason: p.text() } : { mode: 'locked' };
    case 3:
      return { mode: 'free' };
    default: {
      const bounds: Record<string, { min?: JsonValue; max?: JsonValue; values?: JsonValue[] }> = {};
      for (const field of p.subset(fields.filter((f) => f !== 'id' && f !== 'governance'))) {
        bounds[field] = {
          min: p.maybe(0.3, () => p.draw(safeJsonArb)),
          max: p.maybe(0.3, () => p.draw(safeJsonArb)),
          values: p.maybe(0.3, () => Array.from({ length: p.int(1, 3) }, () => p.draw(safeJsonArb))),
        };
      }
      return { mode: 'tailorable', bounds, reason: p.maybe(0.5, () => p.text()) };
    }
  }
}

function governed<T extends object>(p: Picker, element: T): T & { governance?: Governance } {
  const governance = elementGovernance(p, ownKeys(element));
  return governance === undefined ? element : { ...element, governance };
}

/** Governance of a parameter: `value` bounds that hold the value itself. */
function parameterGovernance(p: Picker, bounds: () => { min?: JsonValue; max?: JsonValue; values?: JsonValue[] }): Governance | undefined {
  switch (p.int(0, 3)) {
    case 0:
      return undefined;
    case 1:
      return { mode: 'locked', reason: p.maybe(0.5, () => p.text()) };
    case 2:
      return { mode: 'free' };
    default:
      return { mode: 'tailorable', bounds: p.chance(0.8) ? { value: bounds() } : {}, reason: p.maybe(0.5, () => p.text()) };
  }
}

function durationParameter(p: Picker): ParameterInput {
  const workingDays = p.chance(0.35);
  const [min, value, max] = [p.timeSpan(workingDays), p.timeSpan(workingDays), p.timeSpan(workingDays)].sort((a, b) => compareSpans(a, b)!) as [TimeSpan, TimeSpan, TimeSpan];
  return {
    kind: 'duration',
    value,
    description: p.maybe(0.4, () => p.text()),
    governance: parameterGovernance(p, () => ({ min: p.maybe(0.6, () => min), max: p.maybe(0.6, () => max) })),
  };
}

function numberParameter(p: Picker): ParameterInput {
  const [min, value, max] = [p.draw(finiteNumberArb), p.draw(finiteNumberArb), p.draw(finiteNumberArb)].sort((a, b) => a - b) as [number, number, number];
  return {
    kind: 'number',
    value,
    unit: p.maybe(0.5, () => p.pick(unitWords)),
    description: p.maybe(0.4, () => p.text()),
    governance: parameterGovernance(p, () => ({ min: p.maybe(0.6, () => min), max: p.maybe(0.6, () => max) })),
  };
}

function enumParameter(p: Picker): ParameterInput {
  const values = p.subset(cadenceWords, 1);
  const at = p.int(0, values.length - 1);
  const value = values[at]!;
  return {
    kind: 'enum',
    values,
    value,
    description: p.maybe(0.4, () => p.text()),
    governance: parameterGovernance(p, () => ({
      min: p.maybe(0.5, () => values[p.int(0, at)]!),
      max: p.maybe(0.5, () => values[p.int(at, values.length - 1)]!),
      values: p.maybe(0.5, () => [value, ...p.subset(values.filter((v) => v !== value))]),
    })),
  };
}

function payloadField(p: Picker, hasTiers: boolean): PayloadFieldInput {
  const base = {
    required: p.maybe(0.4, () => p.chance(0.5)),
    sensitivity: p.maybe(0.3, () => ({ level: p.pick(sensitivityLevels), tags: p.maybe(0.5, () => Array.from({ length: p.int(0, 2) }, (_, i) => p.id(i))) })),
  };
  const kinds = ['string', 'number', 'boolean', 'instant', 'enum', 'personId', 'agency', ...(hasTiers ? (['tier'] as const) : [])] as const;
  const type = p.pick(kinds);
  switch (type) {
    case 'string':
      return { type, ...base, maxLength: p.maybe(0.5, () => p.int(1, 10_000)) };
    case 'number': {
      const [min, max] = [p.draw(finiteNumberArb), p.draw(finiteNumberArb)];
      return { type, ...base, min: p.maybe(0.5, () => min), max: p.maybe(0.5, () => max) };
    }
    case 'enum':
      return { type, ...base, values: Array.from({ length: p.int(1, 4) }, () => p.text()) };
    default:
      return { type, ...base };
  }
}

function elementRef(p: Picker, nodes: readonly string[], d: Declared): ElementRefInput {
  const options: (() => ElementRefInput)[] = [() => ({ node: p.pick(nodes) })];
  if (d.milestones.length > 0) options.push(() => ({ milestone: p.pick(d.milestones) }));
  if (d.tiers) {
    const tiers = d.tiers;
    options.push(() => ({ tier: p.pick(tiers) }));
  }
  return p.pick(options)();
}

function caseDataFields(p: Picker): CaseDataFieldInput[] {
  return Array.from({ length: p.int(0, 3) }, (_, i) => {
    const type = p.pick(['text', 'number', 'boolean', 'date', 'instant', 'enum', 'agency'] as const);
    return governed(p, {
      name: p.camel(i),
      label: p.labels(),
      type,
      values: type === 'enum' || p.chance(0.1) ? Array.from({ length: p.int(1, 3) }, (_, j) => p.id(j)) : undefined,
      multiple: p.maybe(0.3, () => p.chance(0.5)),
      required: p.maybe(0.3, () => p.chance(0.5)),
      sensitivity: { level: p.pick(sensitivityLevels), tags: p.maybe(0.5, () => Array.from({ length: p.int(0, 2) }, (_, j) => p.id(j))) },
    });
  });
}

/** Builds one valid template from the random choices of `g`. */
export function buildTemplate(g: fc.GeneratorValue): Input {
  const p = new Picker(g);

  // --- Organisation, events, declarations ---------------------------------------------------
  const roles = Array.from({ length: p.int(1, 5) }, (_, i) => governed(p, { id: p.id(i), label: p.labels(), description: p.maybe(0.3, () => p.text()) }));
  const agencies = Array.from({ length: p.int(0, 3) }, (_, i) => governed(p, { id: p.id(i), label: p.labels(), agencyType: p.pick(agencyTypes) }));
  const milestones = Array.from({ length: p.int(0, 5) }, (_, i) => governed(p, { id: p.id(i), label: p.labels(), reportingCode: p.maybe(0.4, () => p.reportingCode()) }));
  const eventTypes = Array.from({ length: p.int(1, 6) }, (_, i) => `${p.draw(lowerWordArb)}.${p.draw(camelWordArb)}${i}`);
  const tierIds = p.chance(0.5) ? Array.from({ length: p.int(1, 4) }, (_, i) => p.id(i)) : undefined;

  const d: Declared = {
    roles: roles.map((r) => r.id),
    agencies: agencies.map((a) => a.id),
    milestones: milestones.map((m) => m.id),
    events: eventTypes,
    transitionEvents: [...eventTypes, ...builtInCommands],
    tiers: tierIds,
    workItemTypes: [],
    planTypes: [],
    meetings: [],
    conditions: [],
    durationParameters: [],
    enumParameters: [],
  };

  const parameters: Record<string, ParameterInput> = {};
  Array.from({ length: p.int(0, 5) }, (_, i) => {
    const name = p.camel(i);
    const kind = p.int(0, 2);
    parameters[name] = kind === 0 ? durationParameter(p) : kind === 1 ? numberParameter(p) : enumParameter(p);
    if (kind === 0) d.durationParameters.push(name);
    if (kind === 2) d.enumParameters.push(name);
  });

  d.workItemTypes = Array.from({ length: p.int(0, 4) }, (_, i) =>
    governed(p, {
      id: p.id(i),
      label: p.labels(),
      kind: p.pick(workItemKinds),
      ownerRole: p.maybe(0.6, () => p.pick(d.roles)),
      ownerAgency: d.agencies.length > 0 ? p.maybe(0.4, () => p.pick(d.agencies)) : undefined,
      due: p.maybe(0.5, () => spanOrRef(p, d)),
      reportingCode: p.maybe(0.3, () => p.reportingCode()),
    }),
  );
  let planTypes: PlanTypeInput[] =
    d.workItemTypes.length === 0
      ? []
      : Array.from({ length: p.int(0, 2) }, (_, i) =>
          governed(p, {
            id: p.id(i),
            label: p.labels(),
            workItemTypes: p.subset(d.workItemTypes.map((w) => w.id), 1),
            // The approval node is chosen once the flow exists (below).
            approval: { role: p.pick(d.roles), node: '', requires: p.maybe(0.4, () => condition(p, d)) },
            reviewEvery: p.maybe(0.5, () => spanOrRef(p, d)),
            reportingCode: p.maybe(0.3, () => p.reportingCode()),
          }),
        );
  d.planTypes = planTypes.map((t) => t.id);
  const meetings = Array.from({ length: p.int(0, 2) }, (_, i) =>
    governed(p, {
      id: p.id(i),
      label: p.labels(),
      cadence: d.enumParameters.length > 0 && p.chance(0.5) ? { param: p.pick(d.enumParameters) } : p.pick(cadenceWords),
      chairRole: p.pick(d.roles),
    }),
  );
  d.meetings = meetings.map((m) => m.id);
  const conditions = Array.from({ length: p.int(0, 3) }, (_, i) => ({ id: p.id(i), description: p.text(), condition: condition(p, d) }));
  d.conditions = conditions.map((c) => c.id);

  // The tier-lowering event is either left undeclared (it then has a built-in payload and only
  // transitions may use it) or declared with a required `toTier` (tier) and `reason` (string).
  const loweringEvent = tierIds === undefined ? undefined : p.chance(0.5) ? p.pick(eventTypes) : `${p.draw(lowerWordArb)}.lowered`;
  if (loweringEvent !== undefined && !eventTypes.includes(loweringEvent)) d.transitionEvents.push(loweringEvent);
  const events: EventInput[] = eventTypes.map((type) => {
    const payload: Record<string, PayloadFieldInput> = {};
    for (let i = p.int(0, 3); i > 0; i -= 1) payload[p.camel(i)] = payloadField(p, tierIds !== undefined);
    if (type === loweringEvent) {
      payload.toTier = { type: 'tier', required: p.maybe(0.5, () => true) };
      payload.reason = { type: 'string', required: p.maybe(0.5, () => true), maxLength: p.maybe(0.3, () => p.int(1, 10_000)) };
    }
    return governed(p, {
      type,
      label: p.labels(),
      payload: Object.keys(payload).length > 0 || p.chance(0.5) ? payload : undefined,
      roles: p.maybe(0.3, () => p.subset(d.roles)),
    });
  });

  // --- Nodes: grouped by stage in practice-step order; first is the start, last an end. --------
  // Mostly small pathways (6 to 24 nodes), sometimes large ones (up to 42).
  const perStage = p.pick([3, 3, 3, 4, 4, 7]);
  const counts = practiceSteps.map(() => p.int(1, perStage));
  const total = counts.reduce((a, b) => a + b, 0);
  const stageOf: PracticeStep[] = practiceSteps.flatMap((step, s) => Array.from({ length: counts[s]! }, () => step));
  const innerTypes: readonly NodeType[] = ['humanTask', 'humanTask', 'humanTask', 'wait', 'decision', 'notify', 'end'];
  const types: NodeType[] = stageOf.map((_, i) => (i === 0 ? 'start' : i === total - 1 ? 'end' : p.pick(innerTypes)));
  const nodes: NodeInput[] = types.map((type, i) => {
    const base = { id: p.id(i), stage: stageOf[i]!, label: p.labels(), reportingCode: p.maybe(0.3, () => p.reportingCode()) };
    let node: NodeInput;
    switch (type) {
      case 'humanTask': {
        const typed = d.workItemTypes.length > 0 && p.chance(0.4) ? p.pick(d.workItemTypes) : undefined;
        const needsOwner = typed?.ownerRole === undefined || p.chance(0.5);
        node = {
          ...base,
          type,
          workItemType: typed?.id,
          ownerRole: needsOwner ? p.pick(d.roles) : undefined,
          ownerAgency: d.agencies.length > 0 ? p.maybe(0.3, () => p.pick(d.agencies)) : undefined,
          due: p.maybe(0.6, () => spanOrRef(p, d)),
        };
        break;
      }
      case 'wait':
        node = { ...base, type, duration: spanOrRef(p, d) };
        break;
      case 'notify':
        node = { ...base, type, role: p.pick(d.roles), message: p.labels() };
        break;
      default:
        node = { ...base, type };
    }
    return governed(p, node);
  });
  const nodeIds = nodes.map((n) => n.id);

  // --- Transitions --------------------------------------------------------------------------
  // Every node j > 0 gets an edge from an earlier non-end node (so it is reachable from the
  // start), and every non-end node an edge to a later node (so, as the last node is an end, it
  // can reach an end). Extra edges out of event-driven nodes may go anywhere, even backwards;
  // extra edges out of automatic nodes only go forwards, so automatic edges never form a cycle.
  const automatic = (i: number) => types[i] === 'decision' || types[i] === 'notify';
  const edges: [number, number][] = [];
  const hasForward = new Set<number>();
  for (let j = 1; j < total; j += 1) {
    const candidates = types.flatMap((t, i) => (i < j && t !== 'end' ? [i] : []));
    const from = p.pick(candidates);
    edges.push([from, j]);
    hasForward.add(from);
  }
  for (let i = 0; i < total - 1; i += 1) {
    if (types[i] === 'end' || hasForward.has(i)) continue;
    edges.push([i, p.int(i + 1, total - 1)]);
  }
  const sources = types.flatMap((t, i) => (t === 'end' ? [] : [i]));
  for (let extra = p.int(0, Math.ceil(total / 3)); extra > 0; extra -= 1) {
    const from = p.pick(sources);
    if (automatic(from)) {
      if (from < total - 1) edges.push([from, p.int(from + 1, total - 1)]);
    } else edges.push([from, p.int(0, total - 1)]);
  }

  const transitions: TransitionInput[] = edges.map(([from, to], i) => {
    const fromType = types[from]!;
    const on =
      fromType === 'decision' || fromType === 'notify'
        ? undefined
        : fromType === 'wait'
          ? p.chance(0.8)
            ? 'timer.fired'
            : p.pick(d.transitionEvents)
          : p.pick(d.transitionEvents);
    const actions = Array.from({ length: p.int(0, 2) }, () =>
      d.milestones.length > 0 && p.chance(0.5)
        ? { name: 'recordMilestone' as const, params: { milestone: p.pick(d.milestones) } }
        : { name: 'notifyRole' as const, params: { role: p.pick(d.roles) } },
    );
    return governed(p, {
      id: p.id(i),
      from: nodeIds[from]!,
      to: nodeIds[to]!,
      on,
      guard: p.maybe(0.3, () => ({ name: 'payloadEquals' as const, params: { field: p.camel(0), value: p.draw(safeJsonArb) } })),
      when: p.maybe(0.2, () => condition(p, d)),
      actions: actions.length > 0 || p.chance(0.3) ? actions : undefined,
      workItem: p.maybe(0.2, () => p.pick(['done', 'cancelled'] as const)),
    });
  });

  // Each plan type is approved at a human task, on one of its transitions taken by plan.approved.
  const tasks = types.flatMap((t, i) => (t === 'humanTask' ? [i] : []));
  if (tasks.length === 0) {
    planTypes = [];
    d.planTypes = [];
  }
  for (const plan of planTypes) {
    const at = p.pick(tasks);
    plan.approval.node = nodeIds[at]!;
    const out = transitions.filter((t) => t.from === nodeIds[at]);
    p.pick(out).on = 'plan.approved';
  }

  // --- Tiers, escalations, adjustment points, invariants, case data -------------------------
  const tiers = tierIds && {
    levels: tierIds.map((id) => ({ id, label: p.labels(), description: p.maybe(0.3, () => p.text()) })),
    derivation: { rule: 'highest-victim-survivor-level' as const, overrideRoles: p.maybe(0.6, () => p.subset(d.roles)) },
    lowering: { event: loweringEvent!, roles: p.subset(d.roles, 1) },
    governance: elementGovernance(p, ['levels', 'derivation', 'lowering']),
  };

  const triggerMakers: (() => TriggerInput)[] = [
    () => ({ kind: 'repeatEpisode', within: spanOrRef(p, d) }),
    () => ({
      kind: 'workItemOverdue',
      workItemType: d.workItemTypes.length > 0 ? p.maybe(0.6, () => p.pick(d.workItemTypes).id) : undefined,
      by: p.maybe(0.5, () => spanOrRef(p, d)),
    }),
    () => ({ kind: 'planReviewMissed', planType: d.planTypes.length > 0 ? p.maybe(0.6, () => p.pick(d.planTypes)) : undefined }),
    () => ({ kind: 'event', event: p.chance(0.7) ? p.pick(d.events) : p.pick(builtInCommands) }),
    () => ({ kind: 'condition', condition: condition(p, d) }),
  ];
  if (d.tiers) {
    const levels = d.tiers;
    triggerMakers.push(() => ({ kind: 'tierRaised', to: p.maybe(0.6, () => p.pick(levels)) }));
  }
  const responseMakers: (() => ResponseInput)[] = [
    () => ({ kind: 'route', to: p.pick(nodeIds) }),
    () => ({ kind: 'notify', role: p.pick(d.roles) }),
    () => ({ kind: 'raiseToRegionalHub', respondWithin: spanOrRef(p, d) }),
  ];
  if (d.workItemTypes.length > 0) {
    responseMakers.push(() => {
      const type = p.pick(d.workItemTypes);
      return {
        kind: 'createWorkItem',
        workItemType: type.id,
        ownerRole: type.ownerRole === undefined || p.chance(0.5) ? p.pick(d.roles) : undefined,
        due: p.maybe(0.5, () => spanOrRef(p, d)),
      };
    });
  }
  if (d.meetings.length > 0) responseMakers.push(() => ({ kind: 'listAtMeeting', meeting: p.pick(d.meetings) }));
  const escalations: EscalationInput[] = Array.from({ length: p.int(0, 4) }, (_, i) =>
    governed(p, {
      id: p.id(i),
      label: p.labels(),
      trigger: p.pick(triggerMakers)(),
      response: Array.from({ length: p.int(1, 3) }, () => p.pick(responseMakers)()),
    }),
  );

  const adjustmentPoints: AdjustmentPointInput[] = Array.from({ length: p.int(0, 3) }, (_, i) => {
    if (transitions.length > 0 && p.chance(0.6)) {
      const at = p.int(0, transitions.length - 1);
      const [from, to] = edges[at]!;
      return { kind: 'fragment', id: p.id(i), label: p.labels(), stage: p.pick([stageOf[from]!, stageOf[to]!]), transition: transitions[at]!.id, description: p.maybe(0.3, () => p.text()) };
    }
    return { kind: 'entryPoint', id: p.id(i), label: p.labels(), target: p.pick(nodeIds), description: p.maybe(0.3, () => p.text()) };
  });

  const invariants: InvariantInput[] = Array.from({ length: p.int(0, 4) }, (_, i) => {
    const ref = () => elementRef(p, nodeIds, d);
    const rules: (() => InvariantInput['rule'])[] = [
      () => ({ kind: 'mustPass', from: ref(), to: ref(), via: Array.from({ length: p.int(1, 3) }, ref) }),
      () => ({
        kind: 'precedes',
        first: ref(),
        then: ref(),
        when: p.maybe(0.5, () => (d.conditions.length > 0 && p.chance(0.5) ? p.pick(d.conditions) : condition(p, d))),
      }),
      () => ({ kind: 'reachable', target: ref() }),
      () => ({ kind: 'noDeadEnds' }),
      () => ({ kind: 'ownerRoleExists' }),
    ];
    return governed(p, { id: p.id(i), label: p.labels(), rule: p.pick(rules)() });
  });

  const caseData = p.maybe(0.4, () => ({ person: p.maybe(0.8, () => caseDataFields(p)), episode: p.maybe(0.8, () => caseDataFields(p)) }));
  const retention = Array.from({ length: p.int(0, 2) }, (_, i) =>
    governed(p, {
      id: p.id(i),
      label: p.labels(),
      tag: p.maybe(0.4, () => p.id(0)),
      keepFor: p.isoDuration(),
      from: p.pick(['caseClosed', 'recorded', 'lastActivity'] as const),
      then: p.pick(['erase', 'anonymise', 'review'] as const),
    }),
  );

  const stages: StageInput[] = practiceSteps.map((step) => ({
    step,
    label: p.maybe(0.3, () => p.labels()),
    reportingCode: p.maybe(0.5, () => p.reportingCode()),
    entryCriterion: p.maybe(0.15, () => condition(p, d)),
    exitCriterion: p.maybe(0.15, () => condition(p, d)),
    governance: elementGovernance(p, ['label', 'reportingCode', 'entryCriterion', 'exitCriterion']),
  }));

  // Empty collections are sometimes left out, so their defaults get exercised.
  const orDefault = <T>(items: T[]): T[] | undefined => (items.length > 0 || p.chance(0.3) ? items : undefined);
  const template: Input = {
    $schema: p.maybe(0.3, () => '../../packages/core/schema/pathway-template.schema.json'),
    id: p.id(0),
    version: `${p.int(0, 20)}.${p.int(0, 50)}.${p.int(0, 200)}${p.chance(0.2) ? `-${p.draw(prereleaseArb)}` : ''}`,
    title: p.labels(),
    description: p.maybe(0.4, () => p.text()),
    jurisdiction: p.draw(jurisdictionArb),
    kind: p.pick(['baseline', 'variant'] as const),
    effectiveFrom: p.isoDate(),
    locality: {
      timeZone: p.pick(timeZones),
      workingWeekdays: p.maybe(0.6, () => p.subset([1, 2, 3, 4, 5, 6, 7], 1, 0.7)),
      holidays: p.maybe(0.5, () => Array.from({ length: p.int(0, 4) }, () => p.isoDate())),
    },
    stages,
    roles,
    agencies: orDefault(agencies),
    caseData,
    workItemTypes: orDefault(d.workItemTypes),
    planTypes: orDefault(planTypes),
    tiers,
    meetings: orDefault(meetings),
    milestones: orDefault(milestones),
    conditions: orDefault(conditions),
    events,
    parameters: Object.keys(parameters).length > 0 || p.chance(0.3) ? parameters : undefined,
    nodes,
    transitions,
    escalations: orDefault(escalations),
    adjustmentPoints: orDefault(adjustmentPoints),
    invariants: orDefault(invariants),
    retention: orDefault(retention),
  };
  // Plain JSON: no `undefined` members, nothing shared between elements.
  return JSON.parse(JSON.stringify(template)) as Input;
}

/**
 * Random templates that parseTemplate and validateTemplate both accept (6 to 42 nodes). Built with
 * `fc.gen`, which records thousands of choices per template; shrinking is capped so a failing
 * property reports a (partly shrunk) counterexample in seconds rather than minutes.
 */
export const validTemplateArbitrary: fc.Arbitrary<PathwayTemplateInput> = fc.limitShrink(fc.gen().map(buildTemplate), 150);

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/** JSON texts spliced into templates: hostile, huge, deep, empty, or confusable with real ids. */
const specialTexts = [
  'null',
  'true',
  '0',
  '-0',
  '-1',
  '1e400',
  '-1e400',
  '1e-400',
  '1.7976931348623157e308',
  '9007199254740993',
  '123456789012345678901234567890',
  '[]',
  '{}',
  '""',
  '" "',
  '"\\u0000"',
  '"bell\\u0007"',
  '"\\u001b[31mred"',
  '"\\ud800"',
  '"line\\nbreak"',
  '"__proto__"',
  '"constructor"',
  '"prototype"',
  '"toString"',
  '"hasOwnProperty"',
  '"valueOf"',
  '"timer.fired"',
  '"PT24H"',
  '"P1X"',
  '{"workingDays": 5}',
  '{"workingDays": -1}',
  '{"param": "toString"}',
  '{"param": "__proto__"}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"prototype": {"polluted": true}}',
  '{"a": {"__proto__": {"polluted": true}}}',
  '[{"__proto__": {"polluted": true}}]',
  '{"$where": "1"}',
  '{"mode": "tailorable", "bounds": {"toString": {}}}',
  '{"en": "x", "__proto__": "y"}',
  '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
] as const;

/**
 * Any text: C0 controls, DEL, lone surrogates, astral characters, macrons. (fc.string's 'binary'
 * unit would do, but costs a second of set-up on first use.)
 */
export const hostileTextArbitrary: fc.Arbitrary<string> = fc
  .array(fc.oneof(characterArb, fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), fc.constantFrom('\u007f', '\udc00', '\ud83d', '{', '[', '"', ':')), {
    maxLength: 40,
  })
  .map((characters) => characters.join(''));

/** JSON text of a random replacement value (parsed afresh each time it is used). */
export const replacementTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...specialTexts),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  hostileTextArbitrary.map((text) => JSON.stringify(text)),
  fc.double().map((x) => JSON.stringify(x)),
  fc.integer({ min: 1, max: 200 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 100 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.integer({ min: 1, max: 20_000 }).map((length) => JSON.stringify('x'.repeat(length))),
);

/** One change to a template's JSON. `at` picks a place (modulo the places there are). */
export type Mutation =
  | { readonly kind: 'deleteKey'; readonly at: number }
  | { readonly kind: 'replaceValue'; readonly at: number; readonly replacement: string }
  | { readonly kind: 'duplicateElement'; readonly at: number }
  | { readonly kind: 'swapType'; readonly at: number }
  | { readonly kind: 'swapStrings'; readonly at: number; readonly other: number }
  /** Replaces an id-like word (an id, event type, node type, stage, mode…) with another from the template. */
  | { readonly kind: 'retarget'; readonly at: number; readonly other: number }
  | { readonly kind: 'injectKey'; readonly at: number; readonly key: string; readonly replacement: string }
  | { readonly kind: 'wrapDeep'; readonly at: number; readonly depth: number; readonly container: 'array' | 'object' }
  | { readonly kind: 'truncateText'; readonly at: number };

const place = fc.nat({ max: 1_000_000 });

/**
 * Weighted towards changes that keep the JSON screen and often the schema happy (retargeting ids,
 * deleting or duplicating members), so the cross-reference, bounds, cycle and graph checks run too.
 */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('retarget' as const), at: place, other: place }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deleteKey' as const), at: place }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replaceValue' as const), at: place, replacement: replacementTextArbitrary }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateElement' as const), at: place }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapType' as const), at: place }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapStrings' as const), at: place, other: place }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('injectKey' as const),
      at: place,
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$ref', 'toString', 'extra'),
      replacement: replacementTextArbitrary,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wrapDeep' as const),
      at: place,
      depth: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 55, max: 70 }), fc.integer({ min: 100, max: 1200 })),
      container: fc.constantFrom('array' as const, 'object' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncateText' as const), at: place }) },
);

/** Ids, event types and enum words: the strings references and discriminators are made of. */
const idLike = /^[a-z][a-zA-Z0-9]*(?:[-_/.][a-zA-Z0-9]+)*$/;

type Container = Record<string, unknown> | unknown[];

interface Slot {
  /** Undefined for the root. */
  readonly parent: Container | undefined;
  readonly key: string | number;
  readonly value: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every place in a JSON document, root first. Iterative: documents may be thousands deep. */
function slotsOf(root: unknown): Slot[] {
  const slots: Slot[] = [{ parent: undefined, key: '', value: root }];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      current.forEach((value, key) => {
        slots.push({ parent: current, key, value });
        stack.push(value);
      });
    } else if (isRecord(current)) {
      for (const [key, value] of Object.entries(current)) {
        slots.push({ parent: current, key, value });
        stack.push(value);
      }
    }
  }
  return slots;
}

/** Sets an own member, even one named `__proto__`, without touching any prototype. */
function put(parent: Container, key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Replaces the value in a slot; returns the (possibly new) root. */
function replace(root: unknown, slot: Slot, value: unknown): unknown {
  if (slot.parent === undefined) return value;
  put(slot.parent, slot.key, value);
  return root;
}

function jsonClone(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
}

/** The same content in another JSON type: text ↔ number, list ↔ object, and so on. */
function swappedType(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : [value];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  if (isRecord(value)) return Object.values(value);
  return null;
}

function applyMutation(root: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'truncateText') return root;
  const slots = slotsOf(root);
  const pickFrom = (candidates: Slot[], at: number): Slot | undefined => (candidates.length === 0 ? undefined : candidates[at % candidates.length]);
  switch (mutation.kind) {
    case 'deleteKey': {
      const slot = pickFrom(
        slots.filter((s) => s.parent !== undefined),
        mutation.at,
      );
      if (!slot?.parent) return root;
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else Reflect.deleteProperty(slot.parent, slot.key);
      return root;
    }
    case 'replaceValue': {
      const slot = pickFrom(slots, mutation.at)!;
      return replace(root, slot, JSON.parse(mutation.replacement) as unknown);
    }
    case 'duplicateElement': {
      const slot = pickFrom(
        slots.filter((s) => Array.isArray(s.parent)),
        mutation.at,
      );
      if (slot && Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key) + 1, 0, jsonClone(slot.value));
      return root;
    }
    case 'swapType': {
      const slot = pickFrom(slots, mutation.at)!;
      return replace(root, slot, swappedType(slot.value));
    }
    case 'swapStrings': {
      const strings = slots.filter((s) => typeof s.value === 'string');
      const a = pickFrom(strings, mutation.at);
      const b = pickFrom(strings, mutation.other);
      if (!a || !b) return root;
      const swapped = replace(root, a, b.value);
      return replace(swapped, b, a.value);
    }
    case 'retarget': {
      const words = slots.filter((s) => typeof s.value === 'string' && idLike.test(s.value));
      const target = pickFrom(words, mutation.at);
      const source = pickFrom(words, mutation.other);
      return target && source ? replace(root, target, source.value) : root;
    }
    case 'injectKey': {
      const slot = pickFrom(
        slots.filter((s) => isRecord(s.value)),
        mutation.at,
      );
      if (slot && isRecord(slot.value)) put(slot.value, mutation.key, JSON.parse(mutation.replacement) as unknown);
      return root;
    }
    case 'wrapDeep': {
      const slot = pickFrom(slots, mutation.at)!;
      let wrapped: unknown = slot.value;
      for (let i = 0; i < mutation.depth; i += 1) wrapped = mutation.container === 'array' ? [wrapped] : { nested: wrapped };
      return replace(root, slot, wrapped);
    }
  }
}

/** A mutated template, both as a value and as JSON text (the text may also be truncated). */
export interface MutatedTemplate {
  readonly mutations: readonly Mutation[];
  readonly value: unknown;
  readonly text: string;
}

/** Applies mutations in order to a fresh copy of `template` (which is left untouched). */
export function applyMutations(template: unknown, mutations: readonly Mutation[]): MutatedTemplate {
  let value = jsonClone(template);
  for (const mutation of mutations) value = applyMutation(value, mutation);
  let text = JSON.stringify(value) ?? 'null';
  for (const mutation of mutations) {
    if (mutation.kind === 'truncateText') text = text.slice(0, mutation.at % (text.length + 1));
  }
  return { mutations, value, text };
}

/** Valid templates broken by one to three random mutations. */
export const mutatedTemplateArbitrary: fc.Arbitrary<MutatedTemplate> = fc.limitShrink(
  fc.tuple(validTemplateArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 })).map(([template, mutations]) => applyMutations(template, mutations)),
  300,
);
