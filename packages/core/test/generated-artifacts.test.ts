import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedArtifacts, repoRoot } from '../scripts/generated-artifacts.js';

describe('generated files are committed and current', () => {
  for (const artifact of generatedArtifacts()) {
    it(`${artifact.path} matches its source (run \`pnpm --filter @pathways/core generate\` if not)`, () => {
      expect(readFileSync(join(repoRoot, artifact.path), 'utf8')).toBe(artifact.content);
    });
  }
});
