import { errorCatalogue } from '@pathways/core';
import { describe, expect, it } from 'vitest';

describe('the PWY error catalogue', () => {
  it('keys every entry by its own stable PWY_ code, with a title and a hint', () => {
    for (const [key, entry] of Object.entries(errorCatalogue)) {
      expect(entry.code).toBe(key);
      expect(key).toMatch(/^PWY_[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
      expect(entry.title.length).toBeGreaterThan(3);
      expect(entry.hint).toMatch(/[.)]$/);
    }
  });
});
