// `pnpm bench` for @pathways/core. Prints medians; ratios are against a raw baseline measured in
// the same run where one exists. Targets are goals to report, never assertions.
import { analyseTemplate, compile, parseTemplate, validateTemplate } from '@pathways/core';
import { generateLargeTemplate } from './generate-template.js';
import { formatRow, measure } from './measure.js';

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
// Cold: each run compiles content it has not seen (a different version), so the cache misses.
let coldVersion = 0;
const cold = measure('compile, cold (parse + build machine)', () => compile({ ...parsedTemplate, version: `1.0.${(coldVersion += 1)}` }), { warmup: 5, runs: 60 });
compile(parsedTemplate);
const cachedByContent = measure('compile, cached (equal content: hash lookup)', () => compile({ ...parsedTemplate }), { warmup: 5, runs: 100 });
const cachedByIdentity = measure('compile, cached (same template object)', () => compile(parsedTemplate), { warmup: 5, runs: 100 });
console.log(formatRow(cold));
console.log(formatRow(cachedByContent, cold));
console.log(formatRow(cachedByIdentity, cold));
console.log('');
