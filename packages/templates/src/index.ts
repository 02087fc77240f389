// Public API of @pathways/templates: the published baselines as parsed, validated templates.
import { parseTemplate, type PathwayTemplate } from '@pathways/core';
import nzNationalBaselineV1Json from '../baselines/nz-national-baseline-1.0.0.json' with { type: 'json' };
import nzNationalBaselineJson from '../baselines/nz-national-baseline.json' with { type: 'json' };

function published(name: string, json: unknown): PathwayTemplate {
  const result = parseTemplate(json);
  if (!result.ok) {
    throw new Error(`The published baseline ${name} is invalid: ${result.problems.map((p) => `${p.code} at ${p.path.join('.')}`).join('; ')}`);
  }
  return result.template;
}

/**
 * The New Zealand national baseline in force (2.0.0): six practice steps, tiers, escalations,
 * locks, bounds, invariants, case facts, plan versions and the effects local elements may have.
 */
export const nzNationalBaseline: PathwayTemplate = published('nz-national-baseline', nzNationalBaselineJson);

/** The raw JSON of the New Zealand national baseline in force, as published. */
export { nzNationalBaselineJson };

/**
 * The New Zealand national baseline 1.0.0 as it was published, so variants that still extend it
 * can be checked against it and rebased onto the version in force.
 */
export const nzNationalBaselineV1: PathwayTemplate = published('nz-national-baseline@1.0.0', nzNationalBaselineV1Json);

/** The raw JSON of the New Zealand national baseline 1.0.0, as published. */
export { nzNationalBaselineV1Json };

/** Every published version of the New Zealand national baseline, oldest first. */
export const nzNationalBaselineVersions: readonly PathwayTemplate[] = [nzNationalBaselineV1, nzNationalBaseline];
