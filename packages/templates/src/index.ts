// Public API of @pathways/templates: the published baselines as parsed, validated templates.
import { parseTemplate, type PathwayTemplate } from '@pathways/core';
import nzNationalBaselineJson from '../baselines/nz-national-baseline.json' with { type: 'json' };

function published(name: string, json: unknown): PathwayTemplate {
  const result = parseTemplate(json);
  if (!result.ok) {
    throw new Error(`The published baseline ${name} is invalid: ${result.problems.map((p) => `${p.code} at ${p.path.join('.')}`).join('; ')}`);
  }
  return result.template;
}

/** The New Zealand national baseline (six practice steps, tiers, escalations, locks, bounds, invariants). */
export const nzNationalBaseline: PathwayTemplate = published('nz-national-baseline', nzNationalBaselineJson);

/** The raw JSON of the New Zealand national baseline, as published. */
export { nzNationalBaselineJson };
