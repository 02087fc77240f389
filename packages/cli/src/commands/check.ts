import { checkVariant, parseVariant } from '@pathways/core';
import { loadConfiguredPlugins, type ConfigOption } from '../config.js';
import { exitCodes, type CliIo } from '../io.js';
import { allLoaded, loadChain, loadText, type Loaded } from '../load.js';
import { formatCheck } from '../output/format-check.js';
import { reportFailure } from '../output/report-failure.js';

export interface CheckOptions extends ConfigOption {
  readonly baseline: string;
  /** The chain in order; the last one is checked, the ones before it build the level above. */
  readonly variants: readonly string[];
  readonly json: boolean;
}

/** The checked variant's text. Only unreadable JSON stops the check; schema problems are findings. */
async function loadSubject(io: CliIo, file: string): Promise<Loaded<string>> {
  const text = await loadText(io, file);
  if (!text.ok) return text;
  const parsed = parseVariant(text.value);
  return !parsed.ok && parsed.unusable ? { ok: false, unusable: true, failures: [{ file, problems: parsed.problems }] } : text;
}

/**
 * `pathways check <baseline> <variant>...`: checks the last variant against the baseline resolved
 * with the variants before it, passing their provenance so problems name the level that caused
 * them, with the plugins the configuration installs. 0 no problems, 1 problems (schema problems of
 * the checked variant included), 2 unusable (the configuration included).
 */
export async function checkCommand(options: CheckOptions, io: CliIo): Promise<number> {
  const file = options.variants.at(-1)!;
  const plugins = await loadConfiguredPlugins(io, options);
  if (!plugins.ok) {
    reportFailure(io, options.json, plugins);
    return exitCodes.unusable;
  }
  const [chain, text] = await Promise.all([loadChain(io, options.baseline, options.variants.slice(0, -1), plugins.value), loadSubject(io, file)]);
  const loaded = allLoaded(chain, text);
  if (!loaded.ok) {
    // A level above that cannot be built leaves nothing to check against, whatever the reason.
    reportFailure(io, options.json, { ...loaded, unusable: true });
    return exitCodes.unusable;
  }
  const [{ resolved }, variantText] = loaded.value;
  const result = checkVariant(resolved.template, variantText, resolved.provenance, { plugins: plugins.value });
  if (result.unusable) {
    reportFailure(io, options.json, { ok: false, unusable: true, failures: [{ file, problems: result.problems }] });
    return exitCodes.unusable;
  }
  const against = `${resolved.template.id}@${resolved.template.version}`;
  if (options.json) {
    const variant = result.variant ? `${result.variant.id}@${result.variant.version}` : null;
    io.stdout(`${JSON.stringify({ file, variant, against, ok: result.ok, unusable: false, problems: result.problems }, null, 2)}\n`);
  } else {
    io.stdout(formatCheck(file, against, result));
  }
  return result.ok ? exitCodes.ok : exitCodes.problems;
}
