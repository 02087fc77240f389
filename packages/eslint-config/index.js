// Shared flat config. `coreIsolation` is what keeps @pathways/core isomorphic: no Node built-ins,
// no servers, databases or UI frameworks can be imported from it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that must never be imported from a package that runs in the browser and the server. */
export const forbiddenInCore = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'better-sqlite3',
  'mongodb',
  'react',
  'react-dom',
  '@xyflow/*',
];

const noDeepImports = {
  patterns: [
    {
      group: ['@pathways/*/src/*', '@pathways/*/dist/*', '**/packages/*/src/*', '**/packages/*/dist/*'],
      message: "Import another package only through its exports map (e.g. '@pathways/core').",
    },
  ],
};

export const base = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', noDeepImports],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

export const coreIsolation = {
  files: ['packages/core/src/**/*.ts'],
  ignores: ['packages/core/src/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        ...noDeepImports,
        paths: [
          {
            name: 'xstate',
            importNames: ['createActor', 'interpret'],
            message: 'The engine runs each command as a pure step (transition / initialTransition); no actor is created under it.',
          },
        ],
        patterns: [
          ...noDeepImports.patterns,
          {
            group: forbiddenInCore,
            message: '@pathways/core has no I/O and no UI: it may depend on xstate, zod and small pure libraries only.',
          },
        ],
      },
    ],
  },
};

export default [...base, coreIsolation];
