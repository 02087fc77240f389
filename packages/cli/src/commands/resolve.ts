import { loadConfiguredPlugins, type ConfigOption } from '../config.js';
import { exitCodes, type CliIo } from '../io.js';
import { loadChain } from '../load.js';
import { reportFailure } from '../output/report-failure.js';

export interface ResolveOptions extends ConfigOption {
  readonly baseline: string;
  readonly variants: readonly string[];
  readonly provenance: boolean;
  readonly json: boolean;
}

/**
 * `pathways resolve <baseline> <variant>...`: prints the resolved template. It is a document, so
 * stdout is always JSON and can be redirected to a file; problems go to stderr (or, with --json,
 * to stdout as JSON). Governance is not judged here: that is `pathways check`.
 * 0 resolved, 1 the chain cannot be resolved, 2 unusable input (the configuration included).
 */
export async function resolveCommand(options: ResolveOptions, io: CliIo): Promise<number> {
  const plugins = await loadConfiguredPlugins(io, options);
  const chain = plugins.ok ? await loadChain(io, options.baseline, options.variants, plugins.value) : plugins;
  if (!chain.ok) {
    reportFailure(io, options.json, chain);
    return chain.unusable ? exitCodes.unusable : exitCodes.problems;
  }
  const { template, provenance } = chain.value.resolved;
  io.stdout(`${JSON.stringify(options.provenance ? { template, provenance } : template, null, 2)}\n`);
  return exitCodes.ok;
}
