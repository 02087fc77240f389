// `pnpm bench` for @pathways/designer-app: the built designer in Chromium. Times are taken in the
// page (probe.ts) and printed as absolute times. The same work without a browser is measured in
// Node in the same run and printed beside them for reference only: it is our own code run a second
// way, not an independent baseline, so it is never turned into a ratio. Goals are reported as met
// or missed, never asserted.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, startServer } from '../server.mjs';
import { launchChromium } from '../test/browser/chromium.js';
import buildDesignerIfStale from '../test/global-setup.js';
import type { Measurement } from '../../../packages/core/bench/measure.js';
import { showDifferences } from './diff-scenario.js';
import { baselineFile, generatedEdit, generatedFile, installedPlugins, simulatedCommand, variantEdit, variantFile } from './documents.js';
import { diffBaselines, documentBaselines, editBaselines, simulationBaseline, type DocumentBaselines } from './node-baselines.js';
import { installProbe, type ProbeResult } from './probe.js';
import { editParameter, openAndTidyUp, openFromDisk, startVariantOverBaseline, type OpenRun } from './scenarios.js';
import { sendSimulatedCommand } from './simulation-scenario.js';

const goals = { openAndTidyUpMs: 1000, editBaselineMs: 50, edit500Ms: 100, simulatedCommandMs: 50, diff500Ms: 200 };
const runs = { baselineOpen: { warmup: 1, runs: 7 }, largeOpen: { warmup: 1, runs: 5 }, edits: { warmup: 2, runs: 12 }, commands: { warmup: 2, runs: 12 }, diffs: { warmup: 2, runs: 9 } };
/** The whole bench normally takes a minute or two; past this, something hangs. */
const giveUpAfterMs = 15 * 60_000;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const width = 62;

/** A reference measurement in Node (our own check, without a browser), and what it is called. */
type Against = readonly [Measurement, string];

function nodeRow(m: Measurement, against?: Against): string {
  return `  ${m.name.padEnd(width)} ${m.medianMs.toFixed(2).padStart(8)} ms${against ? `  (${against[1]} alone: ${against[0].medianMs.toFixed(2)} ms)` : ''}`;
}

/**
 * The median of the page's times (until the next frame, or until the DOM showed the outcome), the
 * Node reference beside it and its goal. `shown` adds, beside a time until the next frame, the time
 * until the DOM showed the outcome.
 */
function browserRow(name: string, results: readonly ProbeResult[], { until = 'paintedMs', shown = false, against, under }: { until?: 'domMs' | 'paintedMs'; shown?: boolean; against?: Against; under?: number } = {}): string {
  const value = median(results.map((r) => r[until]));
  return [
    `  ${name.padEnd(width)} ${value.toFixed(1).padStart(8)} ms`,
    until === 'domMs' ? `  (next frame ${median(results.map((r) => r.paintedMs)).toFixed(1)} ms)` : '',
    until === 'paintedMs' && shown ? `  (DOM shown ${median(results.map((r) => r.domMs)).toFixed(1)} ms)` : '',
    against ? `  (${against[1]} in Node: ${against[0].medianMs.toFixed(1)} ms)` : '',
    under !== undefined ? `  goal < ${under} ms: ${value < under ? 'met' : 'missed'}` : '',
  ].join('');
}

function openRows(label: string, results: readonly OpenRun[], baselines: DocumentBaselines): string[] {
  const plus = (a: ProbeResult, b: ProbeResult): ProbeResult => ({ label: `${a.label} + ${b.label}`, domMs: a.domMs + b.domMs, paintedMs: a.paintedMs + b.paintedMs });
  return [
    browserRow(`${label}: open → first node drawn`, results.map((r) => r.open), { against: [baselines.check, 'validateTemplate'] }),
    browserRow(`${label}: Tidy up → positions drawn (worker starts)`, results.map((r) => r.tidyUp), { against: [baselines.layout, 'ELK'] }),
    browserRow(`${label}: Tidy up again (worker running)`, results.map((r) => r.tidyUpAgain), { against: [baselines.layout, 'ELK'] }),
    browserRow(`${label}: open + Tidy up`, results.map((r) => plus(r.open, r.tidyUp)), { under: goals.openAndTidyUpMs }),
    browserRow(`${label}: open + Tidy up again (worker running)`, results.map((r) => plus(r.open, r.tidyUpAgain)), { under: goals.openAndTidyUpMs }),
  ];
}

/** What must be closed however the bench ends, last opened first. */
const closers: (() => Promise<unknown>)[] = [];
async function closeAll(): Promise<void> {
  for (let close = closers.pop(); close !== undefined; close = closers.pop()) await close().catch((error: unknown) => console.error(`designer-app bench: while closing: ${String(error)}`));
}

async function main(): Promise<void> {
  // Before the build, which would count in it.
  const load = loadavg()[0]!;
  buildDesignerIfStale();
  // The server serves a copy of dist/: a build started meanwhile (a test run) empties dist/ first.
  const root = await mkdtemp(join(tmpdir(), 'pathways-designer-bench-'));
  closers.push(() => rm(root, { recursive: true, force: true }));
  await cp(distDir, root, { recursive: true });

  const plugins = await installedPlugins();
  const generated = generatedFile(500);
  const largeVariant = variantFile(500);
  console.log(`\n@pathways/designer-app benchmarks (node ${process.version}; medians; browser times taken in the page with performance.now(); load average ${load.toFixed(1)} over the minute before on ${availableParallelism()} cores: other work slows every figure)\n`);
  console.log('In Node, the same work without a browser (for reference: our own code, not a baseline)');
  const baselineDocument = await documentBaselines(baselineFile, plugins, 'NZ baseline', 60);
  const generatedDocument = await documentBaselines(generated, plugins, '500 nodes', 30);
  const variantEdits = editBaselines(baselineFile, plugins, variantEdit, true, 'variant', 60);
  const generatedEdits = editBaselines(generated, plugins, generatedEdit, false, 'baseline mode, 500 nodes', 30);
  for (const m of [baselineDocument.check, generatedDocument.check, baselineDocument.layout, generatedDocument.layout]) console.log(nodeRow(m));
  for (const [edits, check] of [[variantEdits, 'checkVariant'], [generatedEdits, 'validateTemplate']] as const) {
    console.log(nodeRow(edits.checkIn));
    console.log(nodeRow(edits.checkOut));
    console.log(nodeRow(edits.sessionIn, [edits.checkIn, check]));
    console.log(nodeRow(edits.sessionOut, [edits.checkOut, check]));
  }
  const simulated = simulationBaseline(plugins, simulatedCommand, 60);
  const largeDiff = diffBaselines(largeVariant, plugins, 'variant with 500 nodes', 30);
  console.log(nodeRow(simulated));
  console.log(nodeRow(largeDiff.diff));
  console.log('');

  const server = await startServer({ host: '127.0.0.1', port: 0, root });
  closers.push(() => server.close());
  const browser = await launchChromium();
  closers.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await installProbe(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);

  console.log(`In Chromium ${browser.version()} (${page.viewportSize()?.width}×${page.viewportSize()?.height}): until the DOM shows the result and the next frame is produced`);
  console.log(`Opening (the NZ baseline from the library, the 500-node template through the file input) and tidying up — a reloaded page each run; ${runs.baselineOpen.runs} runs (baseline), ${runs.largeOpen.runs} (500 nodes)`);
  const baselineRuns = await openAndTidyUp(page, { from: 'library', name: baselineFile.name }, 'intake', runs.baselineOpen);
  for (const line of openRows('NZ baseline', baselineRuns, baselineDocument)) console.log(line);
  const generatedRuns = await openAndTidyUp(page, { from: 'disk', file: generated }, 'closed', runs.largeOpen);
  for (const line of openRows('500 nodes', generatedRuns, generatedDocument)) console.log(line);
  console.log('');

  console.log(`Editing a parameter — from the form's submit until the DOM shows the outcome (MutationObserver); ${runs.edits.runs} edits each`);
  await startVariantOverBaseline(page);
  const variant = await editParameter(page, variantEdit, runs.edits);
  console.log(browserRow(`variant: ${variantEdit.name} in bounds → shown`, variant.inBounds, { until: 'domMs', against: [variantEdits.checkIn, 'checkVariant'], under: goals.editBaselineMs }));
  console.log(browserRow(`variant: ${variantEdit.name} out of bounds → refused`, variant.outOfBounds, { until: 'domMs', against: [variantEdits.checkOut, 'checkVariant'], under: goals.editBaselineMs }));
  await openFromDisk(page, generated, 'closed');
  const large = await editParameter(page, generatedEdit, runs.edits);
  console.log(browserRow(`baseline mode, 500 nodes: ${generatedEdit.name} in bounds → shown`, large.inBounds, { until: 'domMs', against: [generatedEdits.checkIn, 'validateTemplate'], under: goals.edit500Ms }));
  console.log(browserRow(`baseline mode, 500 nodes: ${generatedEdit.name} out of bounds → refused`, large.outOfBounds, { until: 'domMs', against: [generatedEdits.checkOut, 'validateTemplate'], under: goals.edit500Ms }));
  console.log('');

  console.log(`Simulating and comparing — from the click until the DOM shows the outcome and the next frame is produced; ${runs.commands.runs} commands, ${runs.diffs.runs} diffs`);
  const commands = await sendSimulatedCommand(page, simulatedCommand, runs.commands);
  console.log(browserRow(`NZ baseline: ${simulatedCommand.type} → case moved on, drawn`, commands, { shown: true, against: [simulated, 'Simulation.send + view'], under: goals.simulatedCommandMs }));
  const diffs = await showDifferences(page, largeVariant, 'intake', largeDiff.expected, runs.diffs);
  console.log(browserRow(`variant with 500 nodes: Differences → list and marks drawn`, diffs, { shown: true, against: [largeDiff.diff, 'designDiff + canvasModel'], under: goals.diff500Ms }));
  console.log('');

  if (pageErrors.length > 0) throw new Error(`The designer reported errors during the bench:\n${pageErrors.join('\n')}`);
}

const giveUp = setTimeout(() => {
  console.error(`designer-app bench: gave up after ${giveUpAfterMs / 60_000} minutes.`);
  void closeAll().finally(() => process.exit(1));
}, giveUpAfterMs);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void closeAll().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(`designer-app bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeAll();
  clearTimeout(giveUp);
}
