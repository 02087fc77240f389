import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@pathways/source'] },
  ssr: { resolve: { conditions: ['@pathways/source'] } },
  test: { name: 'inspect', include: ['test/**/*.test.ts'] },
});
