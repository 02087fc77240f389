import { defineProject } from 'vitest/config';

// The editing core runs in Node; the React parts in happy-dom (files named *.dom.test.tsx).
export default defineProject({
  resolve: { conditions: ['@pathways/source'] },
  ssr: { resolve: { conditions: ['@pathways/source'] } },
  test: {
    name: 'designer',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
  },
});
