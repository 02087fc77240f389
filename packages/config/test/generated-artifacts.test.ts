import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedArtifacts, packageRoot } from '../scripts/generated-artifacts.js';

describe('generated files are committed and current', () => {
  for (const artifact of generatedArtifacts()) {
    it(`${artifact.path} matches its source (run \`pnpm --filter @pathways/config generate\` if not)`, () => {
      expect(readFileSync(join(packageRoot, artifact.path), 'utf8')).toBe(artifact.content);
    });
  }
});
