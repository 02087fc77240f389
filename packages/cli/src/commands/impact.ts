import { impact } from '@pathways/core';
import { loadCatalogue } from '../catalogue.js';
import { loadConfiguredPlugins, type ConfigOption } from '../config.js';
import { exitCodes, type CliIo } from '../io.js';
import { allLoaded, loadTemplate } from '../load.js';
import { formatProblems } from '../output/format-problems.js';
import { formatImpact } from '../output/format-impact.js';
import { reportFailure } from '../output/report-failure.js';

export interface ImpactOptions extends ConfigOption {
  readonly proposed: string;
  /** Published versions the variants may extend. */
  readonly published: readonly string[];
  /** Folders (their *.json files) and files holding the variants to assess. */
  readonly variants: readonly string[];
  readonly json: boolean;
}

/**
 * `pathways impact <proposed> --published <baseline>... --variants <folder-or-file>...`: before a
 * baseline version is published, rebases every variant of it onto the proposal and checks it.
 * The report still covers every readable variant when some files are unusable, but the run then
 * exits 2, since a gate must not pass on an incomplete catalogue; so does a configuration that
 * cannot be loaded. 0 none affected, 1 some affected.
 */
export async function impactCommand(options: ImpactOptions, io: CliIo): Promise<number> {
  const plugins = await loadConfiguredPlugins(io, options);
  if (!plugins.ok) {
    reportFailure(io, options.json, plugins);
    return exitCodes.unusable;
  }
  const [proposedLoad, publishedLoads, catalogue] = await Promise.all([
    loadTemplate(io, options.proposed, plugins.value),
    Promise.all(options.published.map((file) => loadTemplate(io, file, plugins.value))),
    loadCatalogue(io, options.variants),
  ]);
  const templates = allLoaded(proposedLoad, allLoaded(...publishedLoads));
  if (!templates.ok) {
    reportFailure(io, options.json, { ...templates, failures: [...templates.failures, ...catalogue.unusable] });
    return exitCodes.unusable;
  }
  const [proposed, published] = templates.value;
  const report = impact(proposed, published, catalogue.variants, { plugins: plugins.value });
  const incomplete = catalogue.unusable.length > 0;
  // impact() leaves out variants of other templates (a local variant extends its region); name them.
  const assessed = new Set(report.variants.map((entry) => entry.source));
  const notAssessed = catalogue.variants.filter(({ source }) => !assessed.has(source));
  if (options.json) {
    const listed = notAssessed.map(({ source, variant }) => ({ source, variant: `${variant.id}@${variant.version}`, extends: `${variant.extends.id}@${variant.extends.version}` }));
    const body = { ...report, notAssessed: listed, skipped: catalogue.skipped, unusable: incomplete, inputs: catalogue.unusable };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    io.stdout(formatImpact(report, catalogue, notAssessed, published.map((template) => `${template.id}@${template.version}`)));
    if (incomplete) io.stderr(catalogue.unusable.map((item) => formatProblems(item.file, item.problems)).join('\n'));
  }
  if (incomplete) return exitCodes.unusable;
  return report.affected > 0 ? exitCodes.problems : exitCodes.ok;
}
