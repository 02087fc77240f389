// What the bench opens: the NZ national baseline as the app bundles it, and the generated
// 500-node template of @pathways/core's bench, saved with an untidy layout so "Tidy up" moves
// every node. The plugins are those of examples/pathways.config.json, as the app installs them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@pathways/config';
import type { InstalledPlugin } from '@pathways/core';
import type { DesignFile } from '@pathways/designer/core';
// The generator lives with the core bench, which measures the same template without a UI; a
// bench fixture, not part of any package's API, so it is imported from there and not copied.
import { generateLargeTemplate } from '../../../packages/core/bench/generate-template.js';

const require = createRequire(import.meta.url);

/** The first national baseline of the library, as the designer lists it. */
export const baselineFile: DesignFile = {
  name: 'nz-national-baseline.json',
  text: readFileSync(require.resolve('@pathways/templates/baselines/nz-national-baseline.json'), 'utf8'),
};

/**
 * The core bench's 500-node template with a layout: a grid that ignores the swimlanes. No node is
 * where "Tidy up" puts it (each goes to its practice step's column), so every one of them moves.
 */
export function generatedFile(size = 500): DesignFile {
  const template = generateLargeTemplate(size);
  const nodes = Object.fromEntries(template.nodes.map((node, i) => [node.id, { x: 20 + (i % 25) * 250, y: 20 + Math.floor(i / 25) * 130 }]));
  return { name: `generated-${size}.json`, text: JSON.stringify({ ...template, layout: { nodes, notes: [] } }) };
}

/** The plugins the app is built with (built-ins first, then the configured example plugin). */
export async function installedPlugins(): Promise<readonly InstalledPlugin[]> {
  const config = fileURLToPath(new URL('../../../examples/pathways.config.json', import.meta.url));
  const loaded = await loadConfig(config);
  if (!loaded.ok) throw new Error(`Loading ${config} failed: ${loaded.problems.map((p) => p.message).join(' ')}`);
  return loaded.registry.plugins;
}

/** A parameter edit measured in bounds (two values in turn, so each is a change) and out of bounds (refused). */
export interface ParameterEdit {
  readonly name: string;
  readonly inBounds: readonly [string, string];
  readonly outOfBounds: string;
  /** Text of the refusal that shows the out-of-bounds value was refused. */
  readonly refusalIncludes: string;
}

/** In a variant over the NZ baseline: first contact for high risk, bounded by the baseline at PT24H. */
export const variantEdit: ParameterEdit = { name: 'firstContactHigh', inBounds: ['PT12H', 'PT18H'], outOfBounds: 'PT36H', refusalIncludes: 'PT36H' };

/** In the generated template, baseline mode: its cadence, bounded by the template itself at P14D. */
export const generatedEdit: ParameterEdit = { name: 'cadence', inBounds: ['P10D', 'P12D'], outOfBounds: 'P30D', refusalIncludes: '"cadence"' };
