// Local bands: a locality's variant tailors the plugin's parameters (`risk-tools/<name>` in the
// pathway) within their bounds, judged by checkVariant and run on the resolved pathway; outside
// the bounds, or on a locked parameter, the change is refused. The locality is fictional.
import { checkVariant, resolve, type PathwayTemplate } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { assess, dashAnswersWith, odaraWith, openCase, plugins, templateWith } from './fixtures/risk-tools.js';

const baseline = templateWith();

/** A fictional local variant of the test pathway that sets these parameters. */
function localVariant(values: Record<string, unknown>) {
  return {
    kind: 'variant',
    id: 'fictional-harbourside',
    version: '1.0.0',
    title: { en: 'Harbourside (fictional) local bands' },
    locality: { id: 'hbs', level: 'local', name: 'Harbourside (fictional)' },
    extends: { id: baseline.id, version: baseline.version },
    effectiveFrom: '2026-07-01',
    changes: Object.entries(values).map(([name, value]) => ({ op: 'setParameter', name: `risk-tools/${name}`, value, reason: 'Local bands agreed by the fictional Harbourside partnership.' })),
  };
}

/** Every problem checkVariant finds with the variant, as code, path and message. */
const checked = (values: Record<string, unknown>) => checkVariant(baseline, localVariant(values), undefined, { plugins }).problems.map((p) => ({ code: p.code, path: p.path.join('.'), message: p.message }));
/** The changes refused (a value outside its bounds also leaves the resolved pathway contradicting them, reported besides). */
const problemsOf = (values: Record<string, unknown>) => checked(values).filter((p) => p.path.startsWith('changes.'));

/** The variant checked (it must pass) and resolved with the plugin. */
function tailored(values: Record<string, unknown>): PathwayTemplate {
  expect(checked(values)).toEqual([]);
  const resolved = resolve(baseline, [localVariant(values)], { plugins });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems, null, 2));
  return resolved.template;
}

describe('the plugin\'s parameters in a pathway', () => {
  it('stand beside the template\'s as risk-tools/<name>, with their governance', () => {
    expect(baseline.parameters['risk-tools/dashVisibleHighRisk']).toMatchObject({ kind: 'number', value: 14, governance: { mode: 'locked' } });
    expect(baseline.parameters['risk-tools/dashMediumFrom']).toMatchObject({ kind: 'number', value: 10, governance: { mode: 'tailorable', bounds: { value: { min: 5, max: 13 } } } });
    expect(baseline.parameters['risk-tools/dashHighLevel']).toMatchObject({ kind: 'enum', value: 'high', values: ['emerging', 'escalating', 'high', 'intensive'], governance: { mode: 'locked' } });
  });

  it('give way to a parameter the template declares itself', () => {
    const own = templateWith(plugins, (json) => {
      json.parameters = { 'risk-tools/dashMediumFrom': { kind: 'number', value: 8, governance: { mode: 'locked', reason: 'A fictional national choice.' } } };
    });
    expect(own.parameters['risk-tools/dashMediumFrom']).toMatchObject({ value: 8, governance: { mode: 'locked' } });
    expect(assess(openCase(own), 'dash', dashAnswersWith(8))).toMatchObject({ score: 8, scoreLevel: 'escalating' });
  });
});

describe('a tailored Dash-style medium band', () => {
  it('is accepted within bounds (5 to 13) and used by the resolved pathway at every boundary', () => {
    const template = tailored({ dashMediumFrom: 7 });
    expect(template.parameters['risk-tools/dashMediumFrom']).toMatchObject({ value: 7 });
    for (const [score, level] of [[6, 'emerging'], [7, 'escalating'], [8, 'escalating'], [13, 'escalating'], [14, 'high']] as const) {
      expect(assess(openCase(template), 'dash', dashAnswersWith(score))).toMatchObject({ score, scoreLevel: level, level });
    }
  });

  it('accepts the bounds themselves', () => {
    expect(checked({ dashMediumFrom: 5 })).toEqual([]);
    expect(checked({ dashMediumFrom: 13 })).toEqual([]);
    expect(assess(openCase(tailored({ dashMediumFrom: 13 })), 'dash', dashAnswersWith(12))).toMatchObject({ scoreLevel: 'emerging' });
  });

  it('is refused outside its bounds', () => {
    expect(problemsOf({ dashMediumFrom: 4 })).toEqual([{ code: 'PWY_VARIANT_OUT_OF_BOUNDS', path: 'changes.0.value', message: expect.stringContaining('"risk-tools/dashMediumFrom" cannot be 4: 4 is below the minimum 5') }]);
    expect(problemsOf({ dashMediumFrom: 14 })).toEqual([{ code: 'PWY_VARIANT_OUT_OF_BOUNDS', path: 'changes.0.value', message: expect.stringContaining('"risk-tools/dashMediumFrom" cannot be 14: 14 is above the maximum 13') }]);
    expect(checked({ dashMediumFrom: 14 }).map((p) => p.code)).toEqual(['PWY_VARIANT_OUT_OF_BOUNDS', 'PWY_BOUNDS_CONTRADICT']);
  });

  it('never moves visible high risk or its tier: both are locked', () => {
    expect(problemsOf({ dashVisibleHighRisk: 12 })).toEqual([{ code: 'PWY_VARIANT_LOCKED', path: 'changes.0.name', message: expect.stringContaining('The parameter "risk-tools/dashVisibleHighRisk" is locked (14+ is visible high risk') }]);
    expect(problemsOf({ dashHighLevel: 'intensive' }).map((p) => p.code)).toEqual(['PWY_VARIANT_LOCKED']);
  });

  it('may map a band to a higher tier, never a lower one', () => {
    expect(assess(openCase(tailored({ dashMediumLevel: 'high' })), 'dash', dashAnswersWith(10))).toMatchObject({ scoreLevel: 'high' });
    expect(assess(openCase(tailored({ dashStandardLevel: 'escalating' })), 'dash', dashAnswersWith(0))).toMatchObject({ scoreLevel: 'escalating' });
    expect(problemsOf({ dashMediumLevel: 'emerging' })).toEqual([{ code: 'PWY_VARIANT_OUT_OF_BOUNDS', path: 'changes.0.value', message: expect.stringContaining('emerging is below the min escalating') }]);
    expect(problemsOf({ dashStandardLevel: 'high' }).map((p) => p.code)).toEqual(['PWY_VARIANT_OUT_OF_BOUNDS']);
  });
});

describe('tailored ODARA-style bins', () => {
  it('are accepted within bounds and used at every boundary', () => {
    const template = tailored({ odaraModerateFrom: 3, odaraHighFrom: 6, odaraHighestFrom: 9 });
    for (const [score, level] of [[2, 'emerging'], [3, 'escalating'], [5, 'escalating'], [6, 'high'], [8, 'high'], [9, 'intensive'], [10, 'intensive']] as const) {
      expect(assess(openCase(template), 'odara', odaraWith(score))).toMatchObject({ score, scoreLevel: level });
    }
  });

  it('are refused outside their bounds, and the highest bin\'s tier is locked', () => {
    expect(problemsOf({ odaraModerateFrom: 0, odaraHighFrom: 8, odaraHighestFrom: 14 }).map((p) => `${p.code} ${p.path}`)).toEqual([
      'PWY_VARIANT_OUT_OF_BOUNDS changes.0.value',
      'PWY_VARIANT_OUT_OF_BOUNDS changes.1.value',
      'PWY_VARIANT_OUT_OF_BOUNDS changes.2.value',
    ]);
    expect(problemsOf({ odaraHighestLevel: 'high' }).map((p) => p.code)).toEqual(['PWY_VARIANT_LOCKED']);
  });
});

describe('the Danger Assessment-style and MARAM-style bands', () => {
  it('keep the instrument\'s published thresholds locked', () => {
    for (const name of ['dangerAssessmentIncreasedFrom', 'dangerAssessmentSevereFrom', 'dangerAssessmentExtremeFrom']) {
      expect(problemsOf({ [name]: 10 }).map((p) => p.code)).toEqual(['PWY_VARIANT_LOCKED']);
    }
  });

  it('let a locality raise a band\'s tier within bounds, and lock the top band\'s', () => {
    expect(checked({ dangerAssessmentSevereLevel: 'intensive', maramSeriousLevel: 'intensive', maramAtRiskLevel: 'escalating' })).toEqual([]);
    expect(problemsOf({ dangerAssessmentExtremeLevel: 'high', maramImmediateLevel: 'high' }).map((p) => p.code)).toEqual(['PWY_VARIANT_LOCKED', 'PWY_VARIANT_LOCKED']);
    expect(problemsOf({ maramElevatedLevel: 'emerging' }).map((p) => p.code)).toEqual(['PWY_VARIANT_OUT_OF_BOUNDS']);
    const template = tailored({ maramSeriousLevel: 'intensive' });
    expect(assess(openCase(template), 'maram', { riskLevel: 'serious-risk', evidenceConsidered: ['children-circumstances'] })).toMatchObject({ score: 2, scoreLevel: 'intensive' });
  });
});
