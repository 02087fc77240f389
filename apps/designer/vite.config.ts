import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Workspace packages resolve to their TypeScript sources (`@pathways/source`), as in every
// package's tests: the bundle never depends on whether a package's `dist` is current.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@pathways/source', ...defaultClientConditions] },
  build: { sourcemap: true },
});
