import { defineProject } from 'vitest/config';

// Node tests: the server, the generated plugin imports, the bundled library, and the browser
// tests (test/browser), which drive Chromium against the built app.
export default defineProject({
  resolve: { conditions: ['@pathways/source'] },
  ssr: { resolve: { conditions: ['@pathways/source'] } },
  test: {
    name: 'designer-app',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Launching Chromium on a loaded CI machine can take tens of seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
