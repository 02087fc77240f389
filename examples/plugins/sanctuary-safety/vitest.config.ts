import { defineConfig } from 'vitest/config';

// In the Pathways workspace, @pathways/* packages resolve to their TypeScript sources (the
// @pathways/source condition of their exports), so tests need no build of them first.
export default defineConfig({
  resolve: { conditions: ['@pathways/source'] },
  ssr: { resolve: { conditions: ['@pathways/source'] } },
  test: { name: 'pathways-plugin-sanctuary-safety', include: ['test/**/*.test.ts'] },
});
