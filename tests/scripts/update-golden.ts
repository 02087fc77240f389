// Rewrites the derived fixtures and the golden files of tests/cli from the built CLI, after an
// intended change: `pnpm golden:update`, then review the diff before committing. Never part of
// `npm test`: the tests only compare, so a run can never bless its own output.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { diff, formatDiff, resolve } from '@pathways/core';
import { nzNationalBaseline } from '@pathways/templates';
import { derivedFixtures } from '../cli/derived-fixtures.js';
import { validateCases, variantCases } from '../cli/golden-cases.js';
import { repoRoot } from '../cli/run-cli.js';

function update(file: string, content: Uint8Array | string): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const changed = !existsSync(file) || !readFileSync(file).equals(bytes);
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  console.log(`${changed ? 'updated  ' : 'unchanged'} ${relative(repoRoot, file)}`);
}

// Fixtures first: the golden cases run on them.
for (const fixture of derivedFixtures) update(join(repoRoot, fixture.path), fixture.derive());
for (const golden of [...validateCases, ...variantCases]) update(golden.file, golden.actual());

// The library's own golden file in examples/variants (formatDiff of Canterbury against the baseline).
const canterbury = resolve(nzNationalBaseline, [JSON.parse(readFileSync(join(repoRoot, 'examples', 'variants', 'valid', 'canterbury-regional.json'), 'utf8'))]);
if (!canterbury.ok) throw new Error(`Canterbury does not resolve: ${JSON.stringify(canterbury.problems)}`);
update(join(repoRoot, 'examples', 'variants', 'golden', 'diff-baseline-canterbury.txt'), formatDiff(diff(nzNationalBaseline, canterbury.template)));
