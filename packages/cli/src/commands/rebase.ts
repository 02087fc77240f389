import { resolve as resolvePath } from 'node:path';
import { problem, rebase } from '@pathways/core';
import { loadConfiguredPlugins, type ConfigOption } from '../config.js';
import { exitCodes, writeTextFile, type CliIo } from '../io.js';
import { allLoaded, loadTemplate, loadVariant } from '../load.js';
import { formatRebase } from '../output/format-rebase.js';
import { reportFailure } from '../output/report-failure.js';

export interface RebaseOptions extends ConfigOption {
  readonly variant: string;
  /** The version the variant extends now. */
  readonly from: string;
  /** The version to move it onto. */
  readonly to: string;
  /** Where to save the rebased variant. */
  readonly write?: string;
  readonly json: boolean;
}

/**
 * `pathways rebase <variant> --from <old> --to <new>`: re-applies each change onto the new version
 * and reports the ones that conflict, with a suggested resolution. For a local variant, --from and
 * --to are resolved regional templates (`pathways resolve … > regional.json`).
 * 0 no conflicts, 1 conflicts, 2 unusable input (the configuration included).
 */
export async function rebaseCommand(options: RebaseOptions, io: CliIo): Promise<number> {
  const plugins = await loadConfiguredPlugins(io, options);
  if (!plugins.ok) {
    reportFailure(io, options.json, plugins);
    return exitCodes.unusable;
  }
  const loaded = allLoaded(...(await Promise.all([loadVariant(io, options.variant), loadTemplate(io, options.from, plugins.value), loadTemplate(io, options.to, plugins.value)])));
  if (!loaded.ok) {
    reportFailure(io, options.json, loaded);
    return exitCodes.unusable;
  }
  const [{ variant }, from, to] = loaded.value;
  const fromName = `${from.id}@${from.version}`;
  const toName = `${to.id}@${to.version}`;
  // Conflicts are judged against what the variant was written for; another --from would mislead.
  if (variant.extends.id !== from.id || variant.extends.version !== from.version) {
    const message = `${variant.id}@${variant.version} extends ${variant.extends.id}@${variant.extends.version}, but --from is ${fromName}.`;
    reportFailure(io, options.json, { ok: false, unusable: true, failures: [{ file: options.variant, problems: [problem('PWY_VARIANT_BASE_MISMATCH', ['extends'], message, 'Pass the exact version the variant extends as --from.')] }] });
    return exitCodes.unusable;
  }
  const result = rebase(variant, from, to);
  if (options.write !== undefined) {
    const written = await writeTextFile(resolvePath(io.cwd, options.write), `${JSON.stringify(result.variant, null, 2)}\n`);
    if (!written.ok) {
      reportFailure(io, options.json, { ok: false, unusable: true, failures: [{ file: options.write, problems: [written.problem] }] });
      return exitCodes.unusable;
    }
  }
  if (options.json) {
    const report = { file: options.variant, variant: `${variant.id}@${variant.version}`, from: fromName, to: toName, conflicts: result.conflicts, outcomes: result.outcomes, written: options.write ?? null, rebased: result.variant };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout(formatRebase(variant, result, { file: options.variant, from: fromName, to: toName, written: options.write }));
  }
  return result.conflicts > 0 ? exitCodes.problems : exitCodes.ok;
}
