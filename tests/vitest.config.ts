import { defineProject } from 'vitest/config';

// These tests run the built `pathways` binary (packages/cli/dist), as a user would; turbo builds
// it first (`test` depends on `^build`, and the root `verify` script builds before testing).
export default defineProject({
  test: { name: 'e2e', include: ['**/*.test.ts'], testTimeout: 30_000 },
});
