import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivedFixtures } from './derived-fixtures.js';
import { repoRoot } from './run-cli.js';

describe('fixtures derived from the examples are up to date', () => {
  for (const fixture of derivedFixtures) {
    it(`${fixture.path}: ${fixture.about}`, () => {
      const committed = new Uint8Array(readFileSync(join(repoRoot, fixture.path)));
      // Bytes, not text: some of these fixtures are deliberately not UTF-8.
      expect(Buffer.compare(committed, fixture.derive()), `${fixture.path} is stale: run pnpm golden:update and review`).toBe(0);
    });
  }
});
