// Rewrites the golden files of the harness tests (tests/harness/golden) after an intended change:
// `pnpm golden:update` at the root, then review the diff before committing.
// Never part of `npm test`: the tests only compare (expectGolden), so a run cannot bless its own
// output.
import { nzNationalBaseline } from '@pathways/templates';
import { writeGolden } from '@pathways/testing/node';
import { goldenFiles } from '../harness/golden/golden-files.js';

for (const golden of goldenFiles) {
  const changed = writeGolden(golden.file, await golden.actual(nzNationalBaseline));
  console.log(`${changed ? 'updated  ' : 'unchanged'} ${golden.file.pathname}`);
}
