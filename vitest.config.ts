import { defineConfig } from 'vitest/config';

// One run over every workspace project, so `npm test` prints one summary.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'examples/*/vitest.config.ts', 'examples/plugins/*/vitest.config.ts', 'tests/vitest.config.ts'],
    reporters: ['default', './.tooling/closing-line-reporter.ts'],
    // Off unless asked for (`vitest run --coverage`, as `verify` does), so focused runs of one
    // project are not failed by a threshold they cannot reach. Only the variant code is measured:
    // governance, rebase, diff, impact and publish rules are what regional hubs and national teams
    // rely on. Every project that exercises it resolves `@pathways/source`, so the TypeScript
    // sources are measured, never `dist`.
    coverage: {
      provider: 'v8',
      include: ['packages/core/src/variants/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: [['text', { skipFull: true }]],
      thresholds: {
        'packages/core/src/variants/**': { lines: 90 },
      },
    },
  },
});
