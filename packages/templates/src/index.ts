// Public API of @pathways/templates: the published baselines as parsed, validated templates.
import { loadPlugins, parseTemplate, type LoadedPlugin, type PathwayTemplate } from '@pathways/core';
import childExpertise from '@pathways/plugin-child-expertise';
import riskTools from '@pathways/plugin-risk-tools';
import nzNationalBaselineV1Json from '../baselines/nz-national-baseline-1.0.0.json' with { type: 'json' };
import nzNationalBaselineV2Json from '../baselines/nz-national-baseline-2.0.0.json' with { type: 'json' };
import nzNationalBaselineJson from '../baselines/nz-national-baseline.json' with { type: 'json' };

function installed(): readonly LoadedPlugin[] {
  const loaded = loadPlugins([riskTools, childExpertise]);
  if (!loaded.ok) throw new Error(`The built-in plugins do not load: ${loaded.problems.map((p) => `${p.code} at ${p.path.join('.')}`).join('; ')}`);
  return loaded.registry.plugins;
}

/**
 * The plugins the New Zealand national baseline runs on (from 3.0.0): the built-in risk tools and
 * child-expertise plugins, loaded with no installation options (so the Danger Assessment-style
 * tool has no weights and gives no level). Pass them wherever the baseline is parsed, compiled or
 * run; an installation with options loads them itself through @pathways/config.
 */
export const nzBaselinePlugins: readonly LoadedPlugin[] = installed();

function published(name: string, json: unknown): PathwayTemplate {
  const result = parseTemplate(json, { plugins: nzBaselinePlugins });
  if (!result.ok) {
    throw new Error(`The published baseline ${name} is invalid: ${result.problems.map((p) => `${p.code} at ${p.path.join('.')}`).join('; ')}`);
  }
  return result.template;
}

/**
 * The New Zealand national baseline in force (3.0.0): six practice steps, tiers, escalations,
 * locks, bounds, invariants, case facts, plan versions and the effects local elements may have,
 * with risk tools scored to its tiers and the child-expertise check as the plugin's node.
 */
export const nzNationalBaseline: PathwayTemplate = published('nz-national-baseline', nzNationalBaselineJson);

/** The raw JSON of the New Zealand national baseline in force, as published. */
export { nzNationalBaselineJson };

/**
 * The New Zealand national baseline 2.0.0 as it was published (its child-expertise check a core
 * human task), so variants that still extend it can be checked against it and rebased.
 */
export const nzNationalBaselineV2: PathwayTemplate = published('nz-national-baseline@2.0.0', nzNationalBaselineV2Json);

/** The raw JSON of the New Zealand national baseline 2.0.0, as published. */
export { nzNationalBaselineV2Json };

/**
 * The New Zealand national baseline 1.0.0 as it was published, so variants that still extend it
 * can be checked against it and rebased onto the version in force.
 */
export const nzNationalBaselineV1: PathwayTemplate = published('nz-national-baseline@1.0.0', nzNationalBaselineV1Json);

/** The raw JSON of the New Zealand national baseline 1.0.0, as published. */
export { nzNationalBaselineV1Json };

/** Every published version of the New Zealand national baseline, oldest first. */
export const nzNationalBaselineVersions: readonly PathwayTemplate[] = [nzNationalBaselineV1, nzNationalBaselineV2, nzNationalBaseline];
