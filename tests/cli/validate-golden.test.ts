import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCases } from './golden-cases.js';

// Golden files: each input beside its expected human output (first line: the exit code). After an
// intended change, rewrite them with `pnpm golden:update` and review the diff; this test only reads.
describe('pathways validate human output (golden files)', () => {
  it('has golden cases', () => expect(validateCases.length).toBeGreaterThanOrEqual(5));

  for (const golden of validateCases) {
    it(`matches ${golden.name}.txt`, () => {
      expect(golden.actual()).toBe(readFileSync(golden.file, 'utf8'));
    });
  }
});
