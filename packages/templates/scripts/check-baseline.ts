// Validates the NZ national baseline with the core validator and prints every problem.
// Run with `pnpm --filter @pathways/templates check` (resolves @pathways/core to its source):
//   pnpm --filter @pathways/templates check [file]
// Exits 1 when the validator reports problems. Compiling is tried as well and reported, but the
// validator's verdict is what this script checks.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compile, formatPath, validateTemplate } from '@pathways/core';
import { nzBaselinePlugins } from '../src/index.js';

const defaultFile = join(import.meta.dirname, '..', 'baselines', 'nz-national-baseline.json');
const file = resolve(process.argv[2] ?? defaultFile);
// With the built-in plugins the baseline runs on (risk tools, child expertise).
const result = validateTemplate(readFileSync(file, 'utf8'), { plugins: nzBaselinePlugins });

if (!result.ok) {
  for (const p of result.problems) console.log(`${p.code}  ${formatPath(p.path)}\n  ${p.message}\n  hint: ${p.hint}`);
  console.log(`\n${result.problems.length} problem(s) in ${file}`);
  process.exitCode = 1;
} else {
  const t = result.template;
  const locked = [
    ...t.stages,
    ...t.nodes,
    ...t.transitions,
    ...t.workItemTypes,
    ...t.planTypes,
    ...t.events,
    ...t.escalations,
    ...t.invariants,
    ...t.milestones,
    ...Object.values(t.parameters),
  ].filter((e) => e.governance?.mode === 'locked').length;
  console.log(`0 problems: ${t.id}@${t.version}`);
  console.log(
    `nodes ${t.nodes.length}, transitions ${t.transitions.length}, escalations ${t.escalations.length}, events ${t.events.length}, ` +
      `work-item types ${t.workItemTypes.length}, parameters ${Object.keys(t.parameters).length}, invariants ${t.invariants.length}, ` +
      `adjustment points ${t.adjustmentPoints.length}, locked elements ${locked}`,
  );
  try {
    compile(t, nzBaselinePlugins);
    console.log('compiles to a statechart.');
  } catch (error) {
    console.log(`compile failed (validator verdict unaffected): ${error instanceof Error ? error.message : String(error)}`);
  }
}
