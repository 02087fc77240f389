import type { ScaffoldNames } from './names.js';
import { indexSource, serverSource, templateFixture, testSource } from './plugin-sources.js';

// The files of a new plugin package (`pathways plugin new`), as text. Pure: the command decides
// where they go and writes them.

/**
 * The ranges a plugin depends on: the published @pathways packages (standalone), and the same
 * zod, vitest, TypeScript and Node types the Pathways workspace builds with (tests/cli holds these
 * equal to the workspace's, so they move together).
 */
export const publishedRanges = {
  pathways: '^0.1.0',
  zod: '^4.6.7',
  vitest: '^4.1.12',
  typescript: '~6.0.3',
  typesNode: '^20.19.43',
} as const;

/**
 * How the package depends on @pathways/core and @pathways/testing. `workspace`: inside a pnpm
 * workspace that has them (the Pathways repository), as `workspace:*`, and tests and typecheck
 * read their TypeScript sources through the `@pathways/source` condition, so nothing needs
 * building first. `published`: the published ranges, compiled code only.
 */
export type DependencyMode = 'workspace' | 'published';

export interface ScaffoldOptions {
  readonly names: ScaffoldNames;
  readonly mode: DependencyMode;
  /** The Pathways docs folder, as a link from the package folder, when it is in the same repository. */
  readonly docs?: string | undefined;
}

/** One file to write, its path relative to the package folder, with forward slashes. */
export interface ScaffoldFile {
  readonly path: string;
  readonly text: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function packageJson({ names, mode }: ScaffoldOptions): string {
  const workspace = mode === 'workspace';
  const pathways = workspace ? 'workspace:*' : publishedRanges.pathways;
  const entry = (name: string) => ({ ...(workspace ? { '@pathways/source': `./src/${name}.ts` } : {}), types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
  return json({
    name: names.packageName,
    version: '0.1.0',
    description: `${names.title}: a Pathways plugin (fictional scaffold from pathways plugin new).`,
    keywords: ['pathways', 'pathways-plugin'],
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.19' },
    exports: { '.': entry('index'), './server': entry('server'), './package.json': './package.json' },
    files: workspace ? ['dist', 'src'] : ['dist'],
    scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run', typecheck: 'tsc -p tsconfig.json --noEmit' },
    dependencies: { '@pathways/core': pathways, zod: publishedRanges.zod },
    // @types/node: the tests run on Node (vitest), and @pathways/testing reads scenario files with it.
    devDependencies: { '@pathways/testing': pathways, '@types/node': publishedRanges.typesNode, typescript: publishedRanges.typescript, vitest: publishedRanges.vitest },
  });
}

function tsconfig({ mode }: ScaffoldOptions): string {
  return json({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      ...(mode === 'workspace' ? { customConditions: ['@pathways/source'] } : {}),
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      resolveJsonModule: true,
      declaration: true,
      declarationMap: true,
      sourceMap: true,
      skipLibCheck: true,
      forceConsistentCasingInFileNames: true,
      types: ['node'],
      noEmit: true,
    },
    include: ['src', 'test'],
  });
}

const tsconfigBuild = json({ extends: './tsconfig.json', compilerOptions: { noEmit: false, rootDir: 'src', outDir: 'dist' }, include: ['src'] });

function vitestConfig({ names, mode }: ScaffoldOptions): string {
  const lines = ["import { defineConfig } from 'vitest/config';", ''];
  if (mode === 'workspace') {
    lines.push(
      '// In the Pathways workspace, @pathways/* packages resolve to their TypeScript sources (the',
      '// @pathways/source condition of their exports), so tests need no build of them first.',
      'export default defineConfig({',
      "  resolve: { conditions: ['@pathways/source'] },",
      "  ssr: { resolve: { conditions: ['@pathways/source'] } },",
      `  test: { name: '${names.packageName}', include: ['test/**/*.test.ts'] },`,
      '});',
    );
  } else {
    lines.push('export default defineConfig({', "  test: { include: ['test/**/*.test.ts'] },", '});');
  }
  return `${lines.join('\n')}\n`;
}

const gitignore = ['node_modules/', 'dist/', 'coverage/', '*.tsbuildinfo', ''].join('\n');

/** Splits a paragraph into lines of at most 100 characters, at spaces. */
function wrap(paragraph: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

function readme({ names, mode, docs }: ScaffoldOptions): string {
  const { name, title, packageName } = names;
  const doc = (path: string, words: string) => (docs === undefined ? `${words} (docs/${path} in the Pathways repository)` : `[${words}](${docs}/${path})`);
  const build =
    mode === 'workspace'
      ? [
          wrap('Inside the Pathways workspace its `@pathways/*` dependencies are `workspace:*`, and its tests and typecheck read their TypeScript sources, so nothing needs building first. From any folder of the workspace:'),
          '',
          '```sh',
          'pnpm install',
          `pnpm --filter ${packageName} test`,
          `pnpm --filter ${packageName} typecheck`,
          `pnpm --filter ${packageName} build`,
          '```',
        ]
      : ['```sh', 'pnpm install', 'pnpm test', 'pnpm typecheck', 'pnpm build', '```'];
  return [
    `# ${packageName}`,
    '',
    wrap(
      `${title}: a Pathways plugin. It adds the node type \`${name}/activity\` (a provider does an activity; the coordinator records its outcome), the event \`${name}.recorded\`, the guard \`${name}/consentGiven\`, the action \`${name}/complete\` and its own work-item type \`${name}/activity\`. It started as the fictional scaffold of \`pathways plugin new\`: rename things and make it yours.`,
    ),
    '',
    '| file | what it is |',
    '|---|---|',
    '| `src/index.ts` | the definition (`definePlugin`), isomorphic: the engine, the CLI and the designer load it |',
    '| `src/server.ts` | the `./server` entry: handlers for the requests its hooks return (`defineEffectHandlers`) |',
    '| `test/plugin.test.ts` | the plugin inside a tiny pathway (`test/fixtures/template.json`), on `@pathways/testing` |',
    '',
    '## Build and test',
    '',
    ...build,
    '',
    wrap(`\`test\` runs vitest on \`test/plugin.test.ts\`; \`build\` writes \`dist/\`, which is what \`pathways.config.json\` imports. How to test a plugin: ${doc('guides/testing-plugins.md', 'Testing plugins and pathways')}.`),
    '',
    '## Use it',
    '',
    wrap('List the package in `pathways.config.json` (its name, or a path relative to the file), build it, and templates can place its node:'),
    '',
    '```json',
    `{ "plugins": ["${packageName}"] }`,
    '```',
    '',
    '```json',
    `{ "id": "activity", "stage": "entryIntoSupport", "type": "${name}/activity", "typeVersion": 1,`,
    `  "label": { "en": "${title} activity" }, "config": { "provider": "Fictional Provider Ltd" } }`,
    '```',
    '',
    wrap(
      '`pathways validate`, `simulate` and `check` then load it. Its action opens a `plan-action` work item (a national element) and declares it, so a variant may place the action only where the baseline allows local elements to open plan actions (`governance.localEffects`).',
    ),
    '',
    '## Publish',
    '',
    '1. Describe each change for template authors in a changeset (`.changeset/`): new node-type',
    '   versions and their migrations, new events, guards and actions.',
    '2. Bump `version` in `src/index.ts` and `package.json` together (a test holds them equal), and the',
    "   node type's `typeVersion` whenever its config's shape changes (keep the old one under `earlier`).",
    '3. `pnpm build && pnpm test`, then `pnpm publish`. The `exports` keep `.` (the definition) and',
    '   `./server` (the handlers) apart, so the designer never bundles server code.',
    '',
    wrap(`Step by step: ${doc('guides/plugins.md', 'Writing a plugin')}. Every field: ${doc('reference/plugin-sdk.md', 'the plugin SDK reference')}.`),
    '',
  ].join('\n');
}

/** The first changeset: the plugin's first release, written for the people who install it. */
export function changeset({ names }: ScaffoldOptions): string {
  const { name, packageName } = names;
  const text = `First release of the ${name} plugin: the node type \`${name}/activity\` (version 1), the event \`${name}.recorded\`, the guard \`${name}/consentGiven\`, the action \`${name}/complete\` (it may open a \`plan-action\` work item) and the work-item type \`${name}/activity\`.`;
  return ['---', `'${packageName}': minor`, '---', '', wrap(text), ''].join('\n');
}

/** A changesets configuration, for a standalone package (a workspace keeps one at its root). */
export const changesetConfig = json({
  $schema: 'https://unpkg.com/@changesets/config@3.1.1/schema.json',
  changelog: '@changesets/cli/changelog',
  commit: false,
  access: 'public',
  baseBranch: 'main',
  updateInternalDependencies: 'patch',
  ignore: [],
});

/** Every file of the package folder, in the order they are listed to the user. */
export function pluginFiles(options: ScaffoldOptions): ScaffoldFile[] {
  return [
    { path: 'package.json', text: packageJson(options) },
    { path: 'README.md', text: readme(options) },
    { path: 'src/index.ts', text: indexSource(options.names) },
    { path: 'src/server.ts', text: serverSource(options.names) },
    { path: 'test/plugin.test.ts', text: testSource(options.names) },
    { path: 'test/fixtures/template.json', text: templateFixture(options.names) },
    { path: 'tsconfig.json', text: tsconfig(options) },
    { path: 'tsconfig.build.json', text: tsconfigBuild },
    { path: 'vitest.config.ts', text: vitestConfig(options) },
    { path: '.gitignore', text: gitignore },
  ];
}
