// What the bench opens: the NZ national baseline as the app bundles it, the generated 500-node
// template of @pathways/core's bench, saved with an untidy layout so "Tidy up" moves every node,
// and a variant of the baseline whose resolved pathway has 500 nodes, to compare with it. The
// plugins are those of examples/pathways.config.json, as the app installs them.
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

/** The baseline's fragment adjustment points, with their practice steps: the only places a variant adds nodes. */
const fragmentPoints = [
  { point: 'local-services', stage: 'allocation' },
  { point: 'local-meeting-forms', stage: 'integratedResponse' },
  { point: 'local-follow-up', stage: 'monitoring' },
] as const;

/**
 * A fictional regional variant of the NZ baseline whose resolved pathway has `size` nodes: the
 * nodes past the baseline's own are local human tasks, chained in one fragment per fragment
 * adjustment point (a point takes one fragment). Its own ids and events are namespaced by its
 * locality, so the designer's checks pass and its diff with the baseline is the real one: every
 * local node, transition and event added, the three points' transitions changed.
 */
export function variantFile(size = 500): DesignFile {
  const baseline = JSON.parse(baselineFile.text) as { id: string; version: string; effectiveFrom: string; nodes: readonly unknown[] };
  const local = size - baseline.nodes.length;
  if (local < fragmentPoints.length) throw new Error(`A variant of ${baseline.id} has at least ${baseline.nodes.length + fragmentPoints.length} nodes, not ${size}.`);
  const changes = fragmentPoints.map(({ point, stage }, p) => {
    // The local nodes shared out as evenly as they go, the first points taking one more.
    const count = Math.floor(local / fragmentPoints.length) + (p < local % fragmentPoints.length ? 1 : 0);
    const ids = Array.from({ length: count }, (_, i) => `bch/${point}-${i + 1}`);
    const done = `bch.${point}.done`;
    return {
      op: 'addFragment',
      point,
      nodes: ids.map((id, i) => ({ id, stage, type: 'humanTask', label: { en: `Local step ${i + 1} at ${point}` }, ownerRole: 'lead-agency-practitioner', due: 'P2D' })),
      transitions: ids.slice(1).map((id, i) => ({ id: `bch/${point}-${i + 1}-done`, from: ids[i]!, to: id, on: done })),
      entry: ids[0]!,
      exit: { node: ids.at(-1)!, on: done },
      events: [{ type: done, label: { en: `Local step done at ${point}` } }],
    };
  });
  const variant = {
    kind: 'variant',
    id: `nz-bench-${size}`,
    version: '1.0.0',
    title: { en: `Bench region (${size} nodes, fictional)` },
    locality: { id: 'bch', level: 'regional', name: 'Bench region' },
    extends: { id: baseline.id, version: baseline.version },
    effectiveFrom: baseline.effectiveFrom,
    changes,
  };
  return { name: `nz-bench-${size}.json`, text: JSON.stringify(variant) };
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

/** A command the simulation bench sends, and what it does to the case: where the case moves and the work it opens. */
export interface SimulatedCommand {
  readonly type: string;
  /** The payload as the command's form takes it: text, a yes/no box, or a choice of a list. */
  readonly payload: Readonly<Record<string, string | boolean>>;
  readonly from: string;
  readonly to: string;
  readonly workItem: string;
}

/** On the NZ baseline, a fictional referral from the police recorded at intake: the case moves on to recording it. */
export const simulatedCommand: SimulatedCommand = {
  type: 'referral.received',
  payload: { sourceAgency: 'nz-police', selfReferral: false, childrenPresent: false, immediateSafetyConcern: false, consentStatus: 'given' },
  from: 'intake',
  to: 'record-referral',
  workItem: 'referral-record',
};
