import { defineProject } from 'vitest/config';

// tests/cli runs the built `pathways` binary (packages/cli/dist), as a user would; turbo builds it
// first (`test` depends on `^build`, and the root `verify` script builds before testing).
// tests/harness runs the case harness (@pathways/testing) on the published NZ baseline, which
// needs the built-in plugins: it lives here, not in @pathways/testing, because the plugins' own
// tests use the harness (a package cannot test with its dependants). Libraries resolve to their
// TypeScript sources, as in every package's own tests.
export default defineProject({
  resolve: { conditions: ['@pathways/source'] },
  ssr: { resolve: { conditions: ['@pathways/source'] } },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    testTimeout: 30_000,
    // Type tests (*.test-d.ts) are checked by the TypeScript compiler as part of every run.
    typecheck: { enabled: true, include: ['harness/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
