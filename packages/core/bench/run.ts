// `pnpm bench` for @pathways/core. Prints medians; ratios are against a raw baseline measured in
// the same run where one exists. Targets are goals to report, never assertions.
import { analyseTemplate, checkVariant, compile, parseTemplate, resolve, validateTemplate, type PathwayTemplate, type PathwayVariant } from '@pathways/core';
import { generateLargeTemplate } from './generate-template.js';
import { formatRow, measure } from './measure.js';
import { benchTime } from './time-bench.js';

const template = generateLargeTemplate(500);
const text = JSON.stringify(template);
const parsedOnce = parseTemplate(text);
if (!parsedOnce.ok) throw new Error(`generated template is invalid: ${JSON.stringify(parsedOnce.problems.slice(0, 3))}`);
const parsedTemplate = parsedOnce.template;

console.log(`\n@pathways/core benchmarks (node ${process.version}; median of runs)\n`);
console.log(`Template parsing and analysis — generated template with ${parsedTemplate.nodes.length} nodes, ${parsedTemplate.transitions.length} transitions (${(text.length / 1024).toFixed(0)} KiB)`);
const rawJson = measure('raw JSON.parse (baseline)', () => JSON.parse(text));
const parse = measure('parseTemplate (JSON + schema + references)', () => parseTemplate(text));
const analyse = measure('analyseTemplate (graph analysis)', () => analyseTemplate(parsedTemplate));
const validate = measure('validateTemplate (parse + analysis)', () => validateTemplate(text));
console.log(formatRow(rawJson));
console.log(formatRow(parse, rawJson));
console.log(formatRow(analyse));
console.log(formatRow(validate, rawJson, '< 16 ms'));
console.log(`  → parse + analysis ${validate.medianMs < 16 ? 'meets' : 'misses'} the 16 ms target (${validate.medianMs.toFixed(2)} ms).\n`);

console.log(`Compiling to an XState machine — the same ${parsedTemplate.nodes.length}-node template`);
// Cold: each run compiles content it has not seen (another version, parsed beforehand: compile never
// parses), so the cache misses.
const unseen: PathwayTemplate[] = Array.from({ length: 70 }, (_, i) => {
  const copy = parseTemplate({ ...template, version: `1.0.${i + 1}` });
  if (!copy.ok) throw new Error('generated template copy is invalid');
  return copy.template;
});
let coldVersion = 0;
const cold = measure('compile, cold (build the machine)', () => compile(unseen[(coldVersion += 1) % unseen.length]!), { warmup: 5, runs: 60 });
compile(parsedTemplate);
// Equal content in objects compile has not seen: each is hashed (SHA-256 of canonical JSON) and found.
const equalContent: PathwayTemplate[] = Array.from({ length: 110 }, () => {
  const copy = parseTemplate(text);
  if (!copy.ok) throw new Error('generated template is invalid');
  return copy.template;
});
let equalIndex = 0;
const cachedByContent = measure('compile, cached (equal content: SHA-256 lookup)', () => compile(equalContent[(equalIndex += 1) % equalContent.length]!), { warmup: 5, runs: 100 });
const cachedByIdentity = measure('compile, cached (same template object)', () => compile(parsedTemplate), { warmup: 5, runs: 100 });
console.log(formatRow(cold));
console.log(formatRow(cachedByContent, cold));
console.log(formatRow(cachedByIdentity, cold));
console.log('');

console.log('Checking a variant of it (governance of each change, validation of the resolved template, invariants)');
const baselineForVariant = { ...parsedTemplate, invariants: [...parsedTemplate.invariants, { id: 'closure-via-monitoring', label: { en: 'Closure passes the last monitoring task' }, rule: { kind: 'mustPass' as const, from: { node: 'start' }, to: { node: 'closed' }, via: [{ node: parsedTemplate.transitions.at(-1)!.from }] } }] };
const variant = {
  kind: 'variant',
  id: 'generated-variant',
  version: '1.0.0',
  title: { en: 'Generated variant' },
  locality: { id: 'gen', level: 'regional', name: 'Generated' },
  extends: { id: baselineForVariant.id, version: baselineForVariant.version },
  effectiveFrom: '2026-02-01',
  changes: [
    { op: 'setParameter', name: 'cadence', value: 'P10D' },
    { op: 'relabel', collection: 'nodes', id: parsedTemplate.nodes[3]!.id, label: { mi: 'Mahi' } },
    { op: 'add', collection: 'roles', element: { id: 'gen/navigator', label: { en: 'Local navigator' } } },
  ],
};
const check = measure('checkVariant (500-node template, 3 changes)', () => checkVariant(baselineForVariant, variant), { warmup: 5, runs: 60 });
let variantVersion = 0;
const resolveAndCompile = measure('resolve + compile (cold)', () => {
  const resolved = resolve(baselineForVariant, [{ ...(variant as unknown as PathwayVariant), version: `1.0.${(variantVersion += 1)}` }]);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems.slice(0, 2)));
  compile(resolved.template);
}, { warmup: 3, runs: 30 });
console.log(formatRow(check, undefined, '< 16 ms'));
console.log(formatRow(resolveAndCompile));
console.log(`  → check ${check.medianMs < 16 ? 'meets' : 'misses'} the 16 ms target (${check.medianMs.toFixed(2)} ms).\n`);

console.log('Deadlines in the locality\'s zone and calendar (addTimeSpan; raw Luxon measured in the same run)');
for (const line of benchTime()) console.log(line);
console.log('');
