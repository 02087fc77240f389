import { diff, formatDiff, type PathwayTemplate } from '@pathways/core';
import { loadConfiguredPlugins, type ConfigOption } from '../config.js';
import { exitCodes, type CliIo } from '../io.js';
import { allLoaded, loadChain, loadTemplate, type Loaded } from '../load.js';
import { reportFailure } from '../output/report-failure.js';

/** Compare `from` with a second template, or with `from` resolved with a variant chain. */
export type DiffOptions = ConfigOption & {
  readonly from: string;
  readonly json: boolean;
} & ({ readonly to: string } | { readonly variants: readonly string[] });

async function loadPair(io: CliIo, options: DiffOptions): Promise<Loaded<readonly [PathwayTemplate, PathwayTemplate]>> {
  const plugins = await loadConfiguredPlugins(io, options);
  if (!plugins.ok) return plugins;
  if ('variants' in options) {
    const chain = await loadChain(io, options.from, options.variants, plugins.value);
    return chain.ok ? { ok: true, value: [chain.value.baseline, chain.value.resolved.template] } : chain;
  }
  return allLoaded(...(await Promise.all([loadTemplate(io, options.from, plugins.value), loadTemplate(io, options.to, plugins.value)])));
}

/**
 * `pathways diff <a> <b>` or `pathways diff <baseline> --variant <v>...`: the semantic diff,
 * element by element. Differences are the answer, not problems: 0 compared, 2 unusable input
 * (including a chain that cannot be resolved, since there is then nothing to compare).
 */
export async function diffCommand(options: DiffOptions, io: CliIo): Promise<number> {
  const pair = await loadPair(io, options);
  if (!pair.ok) {
    reportFailure(io, options.json, { ...pair, unusable: true });
    return exitCodes.unusable;
  }
  const result = diff(...pair.value);
  io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatDiff(result));
  return exitCodes.ok;
}
