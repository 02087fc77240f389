// The repeat-episode and potential-escalation rules of the NZ national baseline, held to an
// independent oracle: plain Luxon (`DateTime.fromISO(…).setZone(zone).plus(Duration.fromISO(…))`)
// and plain array code written here, never Pathways' own time helpers or case rules. Timelines are
// random, biased towards the edges that matter: exactly the window, a minute either side, window
// ends on Pacific/Auckland daylight-saving days, month ends, and people drawn from small pools so
// that the same victim-survivor and person using violence meet again. All data is fictional.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkVariant,
  createEngine,
  parseTemplate,
  resolve,
  type CaseEngine,
  type CaseRecord,
  type CommandResult,
  type Effect,
  type PathwayTemplate,
  type PathwayVariantInput,
} from '@pathways/core';
import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';

// Property runs are CPU-bound; a generous limit keeps a loaded machine from failing them. Nothing
// here asserts on time.
const slow = { timeout: 60_000 };

const ZONE = 'Pacific/Auckland';
const MINUTE = 60_000;
const ICM = 'intensive-case-management';

const baselineJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8')) as Record<string, unknown>;

function parsed(json: unknown): PathwayTemplate {
  const result = parseTemplate(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.template;
}

const baseline = parsed(baselineJson());

/** The baseline with the repeat rule's window counted from the last high-risk conference listing. */
function conferenceAnchoredJson(): Record<string, unknown> {
  const json = baselineJson();
  const escalations = json.escalations as { id: string; trigger: Record<string, unknown> }[];
  const rule = escalations.find((e) => e.id === 'repeat-episode');
  if (!rule) throw new Error('The baseline has no repeat-episode rule.');
  rule.trigger = { ...rule.trigger, anchor: 'lastConferenceListing' };
  return json;
}

/** A fictional regional variant tailoring potential escalation to 3 episodes in `window`. */
function tailoredVariant(window: string): PathwayVariantInput {
  return {
    kind: 'variant',
    id: 'nz-fictional-district',
    version: '1.0.0',
    title: { en: 'Fictional district pathway' },
    locality: { id: 'fdx', level: 'regional', name: 'Fictional district' },
    extends: { id: baseline.id, version: baseline.version },
    effectiveFrom: '2026-07-01',
    changes: [
      { op: 'setParameter', name: 'potentialEscalationWindow', value: window, reason: 'Count episodes over a shorter period.' },
      { op: 'setParameter', name: 'potentialEscalationEpisodes', value: 3, reason: 'Three episodes, as nationally.' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The oracle: plain Luxon in the locality's zone, and the rules as the baseline words them.

interface Windows {
  /** The repeat window (repeatWindow). */
  readonly repeat: string;
  /** The potential-escalation window (potentialEscalationWindow). */
  readonly escalation: string;
  /** How many episodes, counting the new one (potentialEscalationEpisodes). */
  readonly atLeast: number;
}

const nationalWindows: Windows = { repeat: 'P12M', escalation: 'P12M', atLeast: 3 };

const millis = (iso: string): number => DateTime.fromISO(iso).toMillis();

/** The instant `window` after `from`, counted in the locality's calendar. */
function windowEnd(from: string, window: string): number {
  return DateTime.fromISO(from).setZone(ZONE).plus(Duration.fromISO(window)).toMillis();
}

/** Whether `at` is no earlier than `from` and no later than the window's end (inclusive). */
function within(from: string, at: string, window: string): boolean {
  return millis(from) <= millis(at) && millis(at) <= windowEnd(from, window);
}

const local = (ms: number): string => DateTime.fromMillis(ms, { zone: ZONE }).toISO()!;
const shares = (a: readonly string[], b: readonly string[]): boolean => a.some((id) => b.includes(id));

interface EpisodeSpec {
  readonly id: string;
  readonly at: string;
  readonly victimSurvivors: readonly string[];
  readonly personsUsingViolence: readonly string[];
}

/** Repeat: an earlier episode (never the episode itself) with both people in common, within the window. */
function oracleRepeat(timeline: readonly EpisodeSpec[], index: number, window: string): boolean {
  const now = timeline[index]!;
  return timeline
    .slice(0, index)
    .some((e) => shares(e.victimSurvivors, now.victimSurvivors) && shares(e.personsUsingViolence, now.personsUsingViolence) && within(e.at, now.at, window));
}

/** Potential escalation: the most episodes any one of the new episode's victim-survivors has within the window ending at it, counting it. */
function oracleCount(timeline: readonly EpisodeSpec[], index: number, window: string): number {
  const now = timeline[index]!;
  const inWindow = timeline.slice(0, index + 1).filter((e) => within(e.at, now.at, window));
  return Math.max(0, ...now.victimSurvivors.map((person) => inWindow.filter((e) => e.victimSurvivors.includes(person)).length));
}

// ---------------------------------------------------------------------------------------------
// Driving the engine through its public API.

const raisedRules = (effects: readonly Effect[]): string[] => effects.flatMap((effect) => (effect.type === 'escalation.raised' ? [effect.rule] : []));

function payloadOf(episode: EpisodeSpec) {
  return {
    episodeId: episode.id,
    sourceAgency: 'nz-police',
    victimSurvivors: [...episode.victimSurvivors],
    personsUsingViolence: [...episode.personsUsingViolence],
    childrenPresent: false,
  };
}

function applied(result: CommandResult): { record: CaseRecord; effects: readonly Effect[] } {
  if (result.kind !== 'applied') throw new Error(`Expected the command to apply: ${JSON.stringify(result)}`);
  return result;
}

function report(engine: CaseEngine, record: CaseRecord, episode: EpisodeSpec, key = `report-${episode.id}`): CommandResult {
  return engine.send(record, {
    type: 'episode.reported',
    payload: payloadOf(episode),
    at: episode.at,
    actor: 'kaimahi-ana',
    actorRole: 'referrer',
    idempotencyKey: key,
    expectedVersion: record.version,
  });
}

function openCase(engine: CaseEngine, opening: EpisodeSpec, persons: readonly { id: string; roles: ['child'] }[] = []) {
  return engine.startCase({ caseId: 'case-window-0001', openedAt: opening.at, persons: [...persons], episode: payloadOf(opening) });
}

/** Runs a timeline (the first episode opens the case) and returns the rules raised for each later episode. */
function runTimeline(engine: CaseEngine, timeline: readonly EpisodeSpec[]): string[][] {
  const opened = openCase(engine, timeline[0]!);
  expect(raisedRules(opened.effects)).toEqual([]);
  let record = opened.record;
  const raised: string[][] = [[]];
  for (const episode of timeline.slice(1)) {
    const step = applied(report(engine, record, episode));
    record = step.record;
    raised.push(raisedRules(step.effects));
  }
  return raised;
}

// ---------------------------------------------------------------------------------------------
// Generators.

const VICTIM_SURVIVORS = ['person-aroha', 'person-hana'] as const;
const USING_VIOLENCE = ['person-tane', 'person-rawiri', 'person-hemi'] as const;

/** Days on which New Zealand's clocks change (first Sunday of April back, last Sunday of September forward). */
const DST_DAYS = ['2025-04-06', '2025-09-28', '2026-04-05', '2026-09-27', '2027-04-04', '2027-09-26', '2028-04-02', '2028-09-24'];

interface People {
  readonly victimSurvivors: readonly string[];
  readonly personsUsingViolence: readonly string[];
}

const peopleArb: fc.Arbitrary<People> = fc.record({
  victimSurvivors: fc.subarray([...VICTIM_SURVIVORS], { minLength: 1 }),
  // An episode may name no person using violence; it can then never be a repeat.
  personsUsingViolence: fc.oneof({ weight: 9, arbitrary: fc.subarray([...USING_VIOLENCE], { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant([]) }),
});

/** A start instant: anywhere in 2025–2028, a month end, or 6 or 12 months before a clock change at 01:00–04:00 local. */
const startArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 4 * 365 * 24 * 60 }).map((minutes) => DateTime.fromISO('2025-01-01T00:00', { zone: ZONE }).toMillis() + minutes * MINUTE),
  fc
    .record({ day: fc.constantFrom('2025-01-31', '2025-03-31', '2025-08-31', '2027-02-28', '2027-12-31', '2028-02-29'), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }) })
    .map(({ day, minute }) => DateTime.fromISO(day, { zone: ZONE }).plus({ minutes: minute }).toMillis()),
  fc.record({ day: fc.constantFrom(...DST_DAYS), monthsBack: fc.constantFrom(6, 12), minute: fc.integer({ min: 60, max: 240 }) }).map(({ day, monthsBack, minute }) => {
    const shadow = DateTime.fromISO(day).minus({ months: monthsBack });
    return DateTime.fromObject({ year: shadow.year, month: shadow.month, day: shadow.day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: ZONE }).toMillis();
  }),
);

type Gap = { readonly kind: 'minutes'; readonly minutes: number } | { readonly kind: 'window'; readonly which: keyof Omit<Windows, 'atLeast'>; readonly back: number; readonly nudge: -1 | 0 | 1 };

const gapArb: fc.Arbitrary<Gap> = fc.oneof(
  fc.record({ kind: fc.constant('minutes' as const), minutes: fc.integer({ min: 0, max: 12 * 60 }) }),
  fc.record({ kind: fc.constant('minutes' as const), minutes: fc.integer({ min: 12 * 60, max: 120 * 24 * 60 }) }),
  fc.record({ kind: fc.constant('minutes' as const), minutes: fc.integer({ min: 120 * 24 * 60, max: 610 * 24 * 60 }) }),
  fc.record({ kind: fc.constant('window' as const), which: fc.constantFrom('repeat' as const, 'escalation' as const), back: fc.nat(8), nudge: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('window' as const), which: fc.constantFrom('repeat' as const, 'escalation' as const), back: fc.nat(8), nudge: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
);

/**
 * Report times from a start and gaps. A window gap lands exactly the window (± a minute) after one
 * of the earlier episodes, chosen among those for which that is not before the latest one.
 */
function timesOf(start: number, gaps: readonly Gap[], windows: Windows): number[] {
  const times = [start];
  for (const gap of gaps) {
    const previous = times[times.length - 1]!;
    if (gap.kind === 'minutes') {
      times.push(previous + gap.minutes * MINUTE);
      continue;
    }
    const candidates = times.map((t) => windowEnd(local(t), windows[gap.which]) + gap.nudge * MINUTE).filter((t) => t >= previous);
    times.push(candidates[gap.back % candidates.length]!);
  }
  return times;
}

const timelineArb = (windows: Windows): fc.Arbitrary<EpisodeSpec[]> =>
  fc.record({ start: startArb, gaps: fc.array(gapArb, { minLength: 1, maxLength: 7 }), people: fc.array(peopleArb, { minLength: 8, maxLength: 8 }) }).map(({ start, gaps, people }) =>
    timesOf(start, gaps, windows).map((t, i) => ({ id: `episode-${String(i + 1).padStart(4, '0')}`, at: local(t), ...people[i]! })),
  );

// ---------------------------------------------------------------------------------------------
// Counters, so that a pass means both outcomes (and the edges) were exercised.

interface Counters {
  repeats: number;
  notRepeats: number;
  escalations: number;
  notEscalations: number;
  /** A new episode exactly at the end of a matching earlier episode's window (inclusive end). */
  exactlyAtEnd: number;
  /** A new episode one minute past the end of a matching earlier episode's window. */
  minuteOutside: number;
  /** A window end (of any episode in a timeline) on a day the clocks change. */
  endsOnClockChange: number;
}

const counters = (): Counters => ({ repeats: 0, notRepeats: 0, escalations: 0, notEscalations: 0, exactlyAtEnd: 0, minuteOutside: 0, endsOnClockChange: 0 });

function countEdges(counts: Counters, timeline: readonly EpisodeSpec[], windows: Windows): void {
  for (const [index, now] of timeline.entries()) {
    for (const earlier of timeline.slice(0, index)) {
      for (const window of new Set([windows.repeat, windows.escalation])) {
        const end = windowEnd(earlier.at, window);
        if (end === millis(now.at)) counts.exactlyAtEnd += 1;
        if (end + MINUTE === millis(now.at)) counts.minuteOutside += 1;
      }
    }
    if (DST_DAYS.includes(DateTime.fromMillis(windowEnd(now.at, windows.repeat), { zone: ZONE }).toISODate()!)) counts.endsOnClockChange += 1;
    if (DST_DAYS.includes(DateTime.fromMillis(windowEnd(now.at, windows.escalation), { zone: ZONE }).toISODate()!)) counts.endsOnClockChange += 1;
  }
}

/** The timeline property: for every later episode, each rule is raised exactly when the oracle says. */
function timelineProperty(engine: CaseEngine, windows: Windows, counts: Counters) {
  return fc.property(timelineArb(windows), (timeline) => {
    const raised = runTimeline(engine, timeline);
    countEdges(counts, timeline, windows);
    for (let index = 1; index < timeline.length; index += 1) {
      const repeat = oracleRepeat(timeline, index, windows.repeat);
      const escalation = oracleCount(timeline, index, windows.escalation) >= windows.atLeast;
      const rules = raised[index]!;
      const why = `${timeline[index]!.id} at ${timeline[index]!.at}`;
      expect(rules.includes('repeat-episode'), `repeat-episode for ${why}`).toBe(repeat);
      expect(rules.includes('potential-escalation'), `potential-escalation for ${why}`).toBe(escalation);
      counts[repeat ? 'repeats' : 'notRepeats'] += 1;
      counts[escalation ? 'escalations' : 'notEscalations'] += 1;
    }
  });
}

function expectBothOutcomes(counts: Counters): void {
  expect(counts.repeats).toBeGreaterThan(0);
  expect(counts.notRepeats).toBeGreaterThan(0);
  expect(counts.escalations).toBeGreaterThan(0);
  expect(counts.notEscalations).toBeGreaterThan(0);
  expect(counts.exactlyAtEnd).toBeGreaterThan(0);
  expect(counts.minuteOutside).toBeGreaterThan(0);
  expect(counts.endsOnClockChange).toBeGreaterThan(0);
}

/** Counters observed per property, printed once for the report (PATHWAYS_PRINT_COUNTERS=1). */
function show(name: string, counts: Counters): void {
  if (process.env.PATHWAYS_PRINT_COUNTERS === '1') console.log(name, JSON.stringify(counts));
}

// ---------------------------------------------------------------------------------------------

describe('the oracle itself', () => {
  it('counts calendar months at the same local time across a clock change, and is inclusive at the end', () => {
    // 12 calendar months from 10:00 NZDT on 1 March 2025 is 10:00 NZDT on 1 March 2026 (8760 h).
    expect(local(windowEnd('2025-03-01T10:00:00+13:00', 'P12M'))).toBe('2026-03-01T10:00:00.000+13:00');
    // 6 months from 10:00 NZDT on 1 March is 10:00 NZST on 1 September: 184 days and one hour later.
    expect(local(windowEnd('2026-03-01T10:00:00+13:00', 'P6M'))).toBe('2026-09-01T10:00:00.000+12:00');
    expect(windowEnd('2026-03-01T10:00:00+13:00', 'P6M') - millis('2026-03-01T10:00:00+13:00')).toBe((184 * 24 + 1) * 60 * MINUTE);
    expect(within('2025-03-01T10:00:00+13:00', '2026-03-01T10:00:00+13:00', 'P12M')).toBe(true);
    expect(within('2025-03-01T10:00:00+13:00', '2026-03-01T10:01:00+13:00', 'P12M')).toBe(false);
    expect(within('2025-03-01T10:00:00+13:00', '2025-03-01T09:59:00+13:00', 'P12M')).toBe(false);
  });
});

describe('repeat episodes and potential escalation on the NZ national baseline (12 months, 3 episodes)', () => {
  const engine = createEngine(baseline);

  it(
    'raises repeat-episode exactly when an earlier episode with the same two people is within 12 months, and potential-escalation exactly when 3 are',
    slow,
    () => {
      const counts = counters();
      fc.assert(timelineProperty(engine, nationalWindows, counts), { numRuns: 200 });
      show('national', counts);
      expectBothOutcomes(counts);
    },
  );

  it('agrees with the oracle on hand-picked edges: exactly 12 months on, a minute later, and across the April clock change', () => {
    // 02:30 on 5 April 2026 happens twice in Auckland; this is the first (NZDT), 12 months after 02:30 NZDT on 5 April 2025.
    const at = (iso: string) => local(millis(iso));
    const timeline: EpisodeSpec[] = [
      { id: 'episode-0001', at: at('2025-04-05T02:30:00+13:00'), victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'] },
      { id: 'episode-0002', at: at('2025-10-01T09:00:00+13:00'), victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-rawiri'] },
      { id: 'episode-0003', at: local(windowEnd(at('2025-04-05T02:30:00+13:00'), 'P12M')), victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'] },
      { id: 'episode-0004', at: local(windowEnd(at('2025-10-01T09:00:00+13:00'), 'P12M') + MINUTE), victimSurvivors: ['person-aroha', 'person-hana'], personsUsingViolence: ['person-rawiri'] },
    ];
    const raised = runTimeline(engine, timeline);
    const expected = timeline.map((_, i) => [
      ...(i > 0 && oracleRepeat(timeline, i, 'P12M') ? ['repeat-episode'] : []),
      ...(i > 0 && oracleCount(timeline, i, 'P12M') >= 3 ? ['potential-escalation'] : []),
    ]);
    expect(expected).toEqual([[], [], ['repeat-episode', 'potential-escalation'], []]);
    expect(raised.map((rules) => rules.filter((r) => r === 'repeat-episode' || r === 'potential-escalation').sort())).toEqual(expected.map((rules) => [...rules].sort()));
  });

  it('counts each victim-survivor\'s own episodes, never two people\'s added together', () => {
    // Aroha has two episodes in the window and Hana two, the new one shared: two each, so no
    // potential escalation; a third of Aroha's own makes one.
    const timeline: EpisodeSpec[] = [
      { id: 'episode-0001', at: '2026-05-04T08:30:00.000+12:00', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'] },
      { id: 'episode-0002', at: '2026-06-04T08:30:00.000+12:00', victimSurvivors: ['person-hana'], personsUsingViolence: ['person-rawiri'] },
      { id: 'episode-0003', at: '2026-07-04T08:30:00.000+12:00', victimSurvivors: ['person-aroha', 'person-hana'], personsUsingViolence: ['person-hemi'] },
    ];
    expect(oracleCount(timeline, 2, 'P12M')).toBe(2);
    expect(runTimeline(engine, timeline)[2]).not.toContain('potential-escalation');
    const third: EpisodeSpec = { id: 'episode-0004', at: '2026-08-04T08:30:00.000+12:00', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'] };
    expect(oracleCount([...timeline, third], 3, 'P12M')).toBe(3);
    expect(runTimeline(engine, [...timeline, third])[3]).toContain('potential-escalation');
  });
});

describe('an episode is never a repeat of itself', () => {
  const engine = createEngine(baseline);

  it('an opening episode alone raises nothing, and one later episode counts only the opening one, never itself', () => {
    let laterWithOthers = 0;
    let laterWithSamePeople = 0;
    fc.assert(
      fc.property(startArb, peopleArb, peopleArb, fc.integer({ min: 0, max: 610 * 24 * 60 }), (start, openingPeople, laterPeople, gap) => {
        const opening: EpisodeSpec = { id: 'episode-0001', at: local(start), ...openingPeople };
        const opened = openCase(engine, opening);
        expect(raisedRules(opened.effects)).toEqual([]);
        const later: EpisodeSpec = { id: 'episode-0002', at: local(start + gap * MINUTE), ...laterPeople };
        const rules = raisedRules(applied(report(engine, opened.record, later)).effects);
        // The new episode has itself in the case state when the rules run; only the opening one may match.
        const sameTwo = shares(opening.victimSurvivors, later.victimSurvivors) && shares(opening.personsUsingViolence, later.personsUsingViolence);
        if (sameTwo) laterWithSamePeople += 1;
        else laterWithOthers += 1;
        expect(rules.includes('repeat-episode')).toBe(sameTwo && within(opening.at, later.at, 'P12M'));
        expect(rules).not.toContain('potential-escalation');
      }),
      { numRuns: 80 },
    );
    expect(laterWithOthers).toBeGreaterThan(0);
    expect(laterWithSamePeople).toBeGreaterThan(0);
  });

  it('the same episode at the same instant with a new id is a repeat (the window includes its start), but with the same id it is refused and changes nothing', () => {
    const opening: EpisodeSpec = { id: 'episode-0001', at: '2026-05-04T08:30:00.000+12:00', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'] };
    const opened = openCase(engine, opening);
    const again = report(engine, opened.record, { ...opening, id: 'episode-0002' });
    expect(raisedRules(applied(again).effects)).toContain('repeat-episode');
    const duplicate = report(engine, opened.record, opening, 'report-again');
    expect(duplicate.kind).toBe('refused');
    if (duplicate.kind === 'refused') expect(duplicate.refusal.code).toBe('PWY_COMMAND_PAYLOAD_INVALID');
  });

  it('an episode id the case has recorded is refused whatever its people and time, even once no window reaches it', () => {
    let refused = 0;
    fc.assert(
      fc.property(timelineArb(nationalWindows), fc.nat(), peopleArb, fc.integer({ min: 0, max: 60 * 24 * 30 }), (timeline, pick, people, gap) => {
        let record = openCase(engine, timeline[0]!).record;
        for (const episode of timeline.slice(1)) record = applied(report(engine, record, episode)).record;
        // Any id the case has recorded, including episodes no window reaches any more.
        const last = timeline[timeline.length - 1]!;
        const target = timeline[pick % timeline.length]!;
        const result = report(engine, record, { ...people, id: target.id, at: local(millis(last.at) + gap * MINUTE) }, `report-again-${target.id}`);
        expect(result.kind).toBe('refused');
        if (result.kind === 'refused') expect(result.refusal.code).toBe('PWY_COMMAND_PAYLOAD_INVALID');
        refused += 1;
      }),
      { numRuns: 40 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});

describe('an old episode sent again', () => {
  it('is refused after the case has dropped it from the episodes its windows reach, and raises nothing', () => {
    const engine = createEngine(baseline);
    const opening: EpisodeSpec = { id: 'episode-0001', at: '2025-03-01T10:00:00.000+13:00', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'] };
    let record = openCase(engine, opening).record;
    record = applied(report(engine, record, { ...opening, id: 'episode-0002', at: '2026-04-01T10:00:00.000+13:00' })).record;
    const again = report(engine, record, { ...opening, at: '2026-04-01T10:05:00.000+13:00' }, 'report-old-again');
    expect(again.kind).toBe('refused');
    if (again.kind === 'refused') expect(again.refusal.code).toBe('PWY_COMMAND_PAYLOAD_INVALID');
  });
});

describe('a tailored window: 3 episodes in 6 months, through a variant', () => {
  it('checkVariant accepts P6M and refuses P5M as out of bounds', () => {
    expect(checkVariant(baseline, tailoredVariant('P6M')).problems).toEqual([]);
    const tooShort = checkVariant(baseline, tailoredVariant('P5M'));
    expect(tooShort.ok).toBe(false);
    expect(tooShort.problems.map((p) => p.code)).toContain('PWY_VARIANT_OUT_OF_BOUNDS');
  });

  it(
    'on the resolved template, potential-escalation counts 6 months back while repeats still count 12',
    slow,
    () => {
      const resolved = resolve(baseline, [tailoredVariant('P6M')]);
      if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
      const parameter = resolved.template.parameters.potentialEscalationWindow;
      expect(parameter?.kind === 'duration' && parameter.value).toBe('P6M');
      const engine = createEngine(resolved.template);
      const windows: Windows = { repeat: 'P12M', escalation: 'P6M', atLeast: 3 };
      const counts = counters();
      fc.assert(timelineProperty(engine, windows, counts), { numRuns: 120 });
      show('six months', counts);
      expectBothOutcomes(counts);
    },
  );
});

describe('repeat window anchored on the last high-risk conference listing', () => {
  const anchored = parsed(conferenceAnchoredJson());
  const engine = createEngine(anchored);
  const OUTSIDER_VICTIM = 'person-mere';
  const OUTSIDER_USING_VIOLENCE = 'person-tipene';
  const CHILD = 'person-kiri';

  it('the copy differs from the baseline only in the anchor, and the intensive case management meeting is the high-risk conference', () => {
    const copy = conferenceAnchoredJson();
    const copied = (copy.escalations as { id: string; trigger: Record<string, unknown> }[]).find((e) => e.id === 'repeat-episode')!;
    copied.trigger = { ...copied.trigger, anchor: 'lastEpisode' };
    expect(copy).toEqual(baselineJson());
    const rule = anchored.escalations.find((e) => e.id === 'repeat-episode');
    expect(rule?.trigger).toMatchObject({ kind: 'repeatEpisode', anchor: 'lastConferenceListing' });
    expect(anchored.meetings.find((m) => m.id === ICM)?.highRiskConference).toBe(true);
  });

  const probePeopleArb: fc.Arbitrary<People> = fc.record({
    victimSurvivors: fc.subarray([...VICTIM_SURVIVORS, OUTSIDER_VICTIM, CHILD], { minLength: 1, maxLength: 2 }),
    personsUsingViolence: fc.subarray([...USING_VIOLENCE, OUTSIDER_USING_VIOLENCE], { minLength: 1, maxLength: 2 }),
  });
  type ProbeGap = { readonly kind: 'minutes'; readonly minutes: number } | { readonly kind: 'fromListing'; readonly nudge: -1 | 0 | 1 };
  const probeGapArb: fc.Arbitrary<ProbeGap> = fc.oneof(
    fc.record({ kind: fc.constant('minutes' as const), minutes: fc.integer({ min: 0, max: 400 * 24 * 60 }) }),
    fc.record({ kind: fc.constant('fromListing' as const), nudge: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
  );

  it(
    'a later episode is a repeat exactly when it shares a victim-survivor and a person using violence recorded at the listing, within 12 months of it',
    slow,
    () => {
      const seen = { repeats: 0, notRepeats: 0, exactlyAtEnd: 0, minuteOutside: 0, beforeListing: 0, otherPeopleInside: 0 };
      fc.assert(
        fc.property(
          startArb,
          peopleArb,
          fc.boolean(),
          fc.array(fc.record({ people: peopleArb, minutes: fc.integer({ min: 0, max: 60 * 24 * 90 }) }), { maxLength: 2 }),
          fc.integer({ min: 1, max: 60 * 24 * 30 }),
          fc.array(fc.record({ people: probePeopleArb, gap: probeGapArb }), { minLength: 1, maxLength: 3 }),
          (start, openingPeople, withChild, before, listingGap, probes) => {
            const opening: EpisodeSpec = { id: 'episode-0001', at: local(start), ...openingPeople };
            const opened = openCase(engine, opening, withChild ? [{ id: CHILD, roles: ['child'] }] : []);
            let record = opened.record;
            const timeline: EpisodeSpec[] = [opening];
            let clock = start;
            // Episodes before any listing: the window has no anchor yet, so none is a repeat.
            for (const { people, minutes } of before) {
              clock += minutes * MINUTE;
              const episode: EpisodeSpec = { id: `episode-${String(timeline.length + 1).padStart(4, '0')}`, at: local(clock), ...people };
              const step = applied(report(engine, record, episode));
              record = step.record;
              timeline.push(episode);
              expect(raisedRules(step.effects)).not.toContain('repeat-episode');
              seen.beforeListing += 1;
            }
            // Raising the tier to high lists the case at intensive case management: the listing records
            // every victim-survivor (adult or child) and every person using violence the case knows.
            clock += listingGap * MINUTE;
            const listingAt = local(clock);
            const listed = applied(
              engine.send(record, { type: 'risk.assessed', payload: { personId: opening.victimSurvivors[0], level: 'high' }, at: listingAt, actor: 'kaimahi-ana', idempotencyKey: 'assess-high', expectedVersion: record.version }),
            );
            record = listed.record;
            expect(listed.effects.filter((e) => e.type === 'workItem.created' && e.meeting === ICM)).toHaveLength(1);
            const listingVictims = [...new Set([...timeline.flatMap((e) => e.victimSurvivors), ...(withChild ? [CHILD] : [])])];
            const listingUsingViolence = [...new Set(timeline.flatMap((e) => e.personsUsingViolence))];
            const listing = record.snapshot.context.conferenceListing;
            expect(listing && { ...listing, victimSurvivors: [...listing.victimSurvivors].sort(), personsUsingViolence: [...listing.personsUsingViolence].sort() }).toEqual({
              at: DateTime.fromISO(listingAt).toUTC().toISO(),
              meeting: ICM,
              victimSurvivors: [...listingVictims].sort(),
              personsUsingViolence: [...listingUsingViolence].sort(),
            });
            const listingEnd = windowEnd(listingAt, 'P12M');
            for (const { people, gap } of probes) {
              clock = gap.kind === 'minutes' ? clock + gap.minutes * MINUTE : Math.max(clock, listingEnd + gap.nudge * MINUTE);
              const episode: EpisodeSpec = { id: `episode-${String(timeline.length + 1).padStart(4, '0')}`, at: local(clock), ...people };
              const step = applied(report(engine, record, episode));
              record = step.record;
              timeline.push(episode);
              const samePeople = shares(listingVictims, episode.victimSurvivors) && shares(listingUsingViolence, episode.personsUsingViolence);
              const inside = within(listingAt, episode.at, 'P12M');
              const repeat = samePeople && inside;
              const rules = raisedRules(step.effects);
              expect(rules.includes('repeat-episode'), `repeat-episode for ${episode.id} at ${episode.at}, listed at ${listingAt}`).toBe(repeat);
              // Potential escalation does not depend on the anchor.
              expect(rules.includes('potential-escalation')).toBe(oracleCount(timeline, timeline.length - 1, 'P12M') >= 3);
              // No later command re-lists the case, so the anchor stays where it was.
              expect(step.effects.filter((e) => e.type === 'workItem.created' && e.meeting === ICM)).toEqual([]);
              seen[repeat ? 'repeats' : 'notRepeats'] += 1;
              if (millis(episode.at) === listingEnd && samePeople) seen.exactlyAtEnd += 1;
              if (millis(episode.at) === listingEnd + MINUTE && samePeople) seen.minuteOutside += 1;
              if (inside && !samePeople) seen.otherPeopleInside += 1;
            }
          },
        ),
        { numRuns: 120 },
      );
      if (process.env.PATHWAYS_PRINT_COUNTERS === '1') console.log('conference anchor', JSON.stringify(seen));
      for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
    },
  );

  it('a pair that never met in one episode is still a repeat of the listing, since the listing records people by role, not by pair', () => {
    const opening: EpisodeSpec = { id: 'episode-0001', at: '2026-05-04T08:30:00.000+12:00', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-tane'] };
    let record = openCase(engine, opening).record;
    record = applied(report(engine, record, { id: 'episode-0002', at: '2026-05-05T09:00:00.000+12:00', victimSurvivors: ['person-hana'], personsUsingViolence: ['person-rawiri'] })).record;
    record = applied(
      engine.send(record, { type: 'risk.assessed', payload: { personId: 'person-aroha', level: 'high' }, at: '2026-05-06T09:00:00.000+12:00', actor: 'kaimahi-ana', idempotencyKey: 'assess-high', expectedVersion: record.version }),
    ).record;
    // Aroha and Rawiri were never in one episode together; both were recorded at the listing.
    const crossed = applied(report(engine, record, { id: 'episode-0003', at: '2026-06-01T09:00:00.000+12:00', victimSurvivors: ['person-aroha'], personsUsingViolence: ['person-rawiri'] }));
    expect(raisedRules(crossed.effects)).toContain('repeat-episode');
  });
});
