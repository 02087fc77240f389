import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@pathways/source'] },
  ssr: { resolve: { conditions: ['@pathways/source'] } },
  test: {
    name: 'plugin-child-expertise',
    include: ['test/**/*.test.ts'],
    // Type tests (*.test-d.ts) are checked by the TypeScript compiler as part of every run.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
