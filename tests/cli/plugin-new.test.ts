import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// `pathways plugin new`: the arguments it refuses, what it writes where, and the folders it never
// writes into. Outside any workspace the package depends on the published @pathways packages;
// inside this repository on workspace:*. (plugin-new-scaffold.test.ts installs the scaffolds and
// runs their own tests.) Runs from the repository root, as runCli does.

let outside = '';
let inside = '';

beforeAll(() => {
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'pathways-plugin-new-')));
  // A folder of this repository that no workspace glob lists (.tmp/ is ignored by git).
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  inside = mkdtempSync(join(repoRoot, '.tmp', 'plugin-new-'));
});
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(inside, { recursive: true, force: true });
});

interface Manifest {
  name: string;
  version: string;
  type: string;
  exports: Record<string, Record<string, string> | string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
}
const manifest = (folder: string): Manifest => JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/** Every file under a folder, relative, sorted. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The package folder's files, in the order the command lists them (then the changeset). */
const listed = ['package.json', 'README.md', 'src/index.ts', 'src/server.ts', 'test/plugin.test.ts', 'test/fixtures/template.json', 'tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts', '.gitignore'];
const scaffoldFiles = [...listed].sort();

describe('pathways plugin new: usage', () => {
  const refused = (args: string[], message: string) => {
    const result = runCli(args);
    expect(result.status, args.join(' ')).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr, args.join(' ')).toContain(`PWY_CLI_USAGE: ${message}\n\nUsage:\n  pathways plugin new <name>`);
  };

  it('says what is wrong with a name that is not kebab-case, suggesting one, and writes nothing', () => {
    refused(['plugin', 'new', 'Home_Visits', '--dir', join(outside, 'refused')], 'arguments: the plugin name "Home_Visits" must be kebab-case: lower-case letters and digits, in words joined by single hyphens, starting with a letter (it has capital letters; it has characters other than letters, digits and hyphens); for example "home-visits"');
    refused(['plugin', 'new', 'homeVisits'], 'arguments: the plugin name "homeVisits" must be kebab-case: lower-case letters and digits, in words joined by single hyphens, starting with a letter (it has capital letters); for example "home-visits"');
    refused(['plugin', 'new', '2nd-visit'], 'arguments: the plugin name "2nd-visit" must be kebab-case: lower-case letters and digits, in words joined by single hyphens, starting with a letter (it does not start with a letter)');
    refused(['plugin', 'new', 'home--visits-'], 'arguments: the plugin name "home--visits-" must be kebab-case: lower-case letters and digits, in words joined by single hyphens, starting with a letter (it has a doubled or trailing hyphen); for example "home-visits"');
    refused(['plugin', 'new', `a${'-b'.repeat(30)}`], 'arguments: the plugin name is 61 characters long; keep it to 50 or fewer (it prefixes every node type, event and work item it adds)');
    expect(existsSync(join(outside, 'refused'))).toBe(false);
  });

  it('refuses a missing or unknown subcommand, a missing name, extra words and options it does not take', () => {
    refused(['plugin'], 'arguments: give a subcommand: plugin new <name>');
    refused(['plugin', 'create', 'home-visits'], 'arguments: "create" is not a subcommand of plugin; the one there is: plugin new <name>');
    refused(['plugin', 'new'], 'arguments: a plugin name is required: plugin new <name>, such as plugin new home-visits');
    refused(['plugin', 'new', 'home-visits', 'extra'], 'arguments: plugin new takes one name; "extra" is left over (options start with --)');
    refused(['plugin', 'new', 'home-visits', '--config', 'pathways.config.json'], 'plugin does not take the option --config');
    refused(['plugin', 'new', 'home-visits', '--scope', 'Fictional Agency'], '--scope: the scope "Fictional Agency" is not an npm scope: lower-case letters, digits, ".", "_" and "-", such as @fictional-agency');
    refused(['plugin', 'new', 'home-visits', '--dir', ''], '--dir: --dir must not be empty');
  });
});

describe('pathways plugin new: outside a workspace', () => {
  it('creates a package on the published @pathways packages, lists every file and the next commands', () => {
    const folder = join(outside, 'home-visits');
    const result = runCli(['plugin', 'new', 'home-visits', '--dir', folder]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const shown = relative(repoRoot, folder);
    expect(result.stdout).toBe(
      [
        `Created pathways-plugin-home-visits in ${shown} (the published @pathways packages, ^0.1.0):`,
        ...[...listed, '.changeset/home-visits.md', '.changeset/config.json'].map((file) => `  ${shown}/${file}`),
        '',
        'Next:',
        `  cd ${shown}`,
        '  pnpm install',
        '  pnpm test',
        '',
      ].join('\n'),
    );
    expect(filesUnder(folder)).toEqual([...scaffoldFiles, '.changeset/config.json', '.changeset/home-visits.md'].sort());

    const pkg = manifest(folder);
    expect(pkg).toMatchObject({ name: 'pathways-plugin-home-visits', version: '0.1.0', type: 'module', files: ['dist'] });
    expect(Object.keys(pkg.exports)).toEqual(['.', './server', './package.json']);
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.exports['./server']).toEqual({ types: './dist/server.d.ts', default: './dist/server.js' });
    expect(Object.keys(pkg.scripts).sort()).toEqual(['build', 'test', 'typecheck']);
    expect(JSON.stringify(pkg)).not.toContain('workspace:');
    expect(pkg.dependencies['@pathways/core']).toBe('^0.1.0');
    expect(pkg.devDependencies['@pathways/testing']).toBe('^0.1.0');
    expect(readFileSync(join(folder, 'src', 'index.ts'), 'utf8')).toContain("name: 'home-visits',");
    expect(readFileSync(join(folder, 'vitest.config.ts'), 'utf8')).not.toContain('@pathways/source');
  });

  it('depends on what the workspace builds with: its zod, vitest, TypeScript and Node types, and this version of @pathways', () => {
    const pkg = manifest(join(outside, 'home-visits'));
    const root = readJson('package.json');
    const core = readJson('packages/core/package.json');
    expect(pkg.dependencies.zod).toBe(core.dependencies!.zod);
    for (const name of ['vitest', 'typescript', '@types/node']) expect(pkg.devDependencies[name], name).toBe(root.devDependencies![name]);
    // ^0.1.0 takes in the versions of @pathways/core and @pathways/testing in this repository.
    for (const path of ['packages/core/package.json', 'packages/testing/package.json']) expect(readJson(path).version, path).toMatch(/^0\.1\.\d+$/);
  });

  it('--scope names the package under the scope; --json reports the same', () => {
    const folder = join(outside, 'scoped');
    const result = runCli(['plugin', 'new', 'home-visits', '--dir', folder, '--scope', '@fictional-agency', '--json']);
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as { ok: boolean; plugin: string; package: string; folder: string; dependencies: string; workspace: string | null; files: string[]; next: string[]; notes: string[] };
    const shown = relative(repoRoot, folder);
    expect(body).toEqual({
      ok: true,
      plugin: 'home-visits',
      package: '@fictional-agency/pathways-plugin-home-visits',
      folder: shown,
      dependencies: 'published',
      workspace: null,
      files: expect.arrayContaining([`${shown}/package.json`, `${shown}/src/index.ts`, `${shown}/.changeset/home-visits.md`]) as unknown as string[],
      next: [`cd ${shown}`, 'pnpm install', 'pnpm test'],
      notes: [],
    });
    expect(body.files).toHaveLength(12);
    expect(manifest(folder).name).toBe('@fictional-agency/pathways-plugin-home-visits');
    expect(readFileSync(join(folder, '.changeset', 'home-visits.md'), 'utf8')).toMatch(/^---\n'@fictional-agency\/pathways-plugin-home-visits': minor\n---\n\nFirst release of the home-visits plugin/);
  });

  it('writes into an empty folder, and refuses a folder that is not empty or a file (exit 2), writing nothing', () => {
    const empty = join(outside, 'empty');
    mkdirSync(empty);
    expect(runCli(['plugin', 'new', 'home-visits', '--dir', empty]).status).toBe(0);

    const busy = join(outside, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.md'), 'Fictional notes.\n');
    const result = runCli(['plugin', 'new', 'home-visits', '--dir', busy]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const shown = relative(repoRoot, busy);
    expect(result.stderr).toBe(
      `${shown}: 1 problem\n\n  PWY_OUTPUT_UNWRITABLE at (root)\n    Cannot create the plugin in ${shown}: the folder is not empty (it holds notes.md); nothing was written.\n    hint: Give a new or empty folder with --dir <folder>; pathways plugin new never overwrites files.\n`,
    );
    expect(filesUnder(busy)).toEqual(['notes.md']);
    const json = runCli(['plugin', 'new', 'home-visits', '--dir', busy, '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, unusable: true, inputs: [{ file: shown, problems: [{ code: 'PWY_OUTPUT_UNWRITABLE', path: [] }] }] });

    const file = join(outside, 'a-file');
    writeFileSync(file, '');
    const onFile = runCli(['plugin', 'new', 'home-visits', '--dir', file]);
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toContain(`Cannot create the plugin in ${relative(repoRoot, file)}: it is a file, not a folder; nothing was written.`);
  });
});

describe('pathways plugin new: inside this repository', () => {
  it('depends on the workspace packages as workspace:*, reads their sources in tests, and says when pnpm-workspace.yaml does not list the folder', () => {
    const folder = join(inside, 'home-visits');
    const result = runCli(['plugin', 'new', 'home-visits', '--dir', folder]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const shown = relative(repoRoot, folder);
    expect(result.stdout).toContain(`Created pathways-plugin-home-visits in ${shown} (workspace:* on the Pathways packages of the workspace at .):\n`);
    expect(result.stdout).toContain('\nNext:\n  pnpm install\n  pnpm --filter pathways-plugin-home-visits test\n');
    expect(result.stdout).toContain(`\nnote: pnpm-workspace.yaml does not list ${shown}: add it (or a glob such as "${relative(repoRoot, inside)}/*") to its packages, so pnpm install links its workspace:* dependencies.\n`);
    const pkg = manifest(folder);
    expect(pkg.dependencies['@pathways/core']).toBe('workspace:*');
    expect(pkg.devDependencies['@pathways/testing']).toBe('workspace:*');
    expect(pkg.exports['.']).toEqual({ '@pathways/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' });
    expect(readFileSync(join(folder, 'vitest.config.ts'), 'utf8')).toContain("conditions: ['@pathways/source']");
    expect(JSON.parse(readFileSync(join(folder, 'tsconfig.json'), 'utf8'))).toMatchObject({ compilerOptions: { customConditions: ['@pathways/source'] } });
    // Not one of the workspace's packages, so its changeset stays with it (none in the repository's .changeset).
    expect(filesUnder(folder)).toEqual([...scaffoldFiles, '.changeset/home-visits.md'].sort());
    expect(existsSync(join(repoRoot, '.changeset', 'home-visits.md'))).toBe(false);
    // The README links the repository's guides.
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain(`[Writing a plugin](${relative(folder, join(repoRoot, 'docs'))}/guides/plugins.md)`);
  });

  it('with --standalone, depends on the published packages even here', () => {
    const folder = join(inside, 'standalone');
    const result = runCli(['plugin', 'new', 'home-visits', '--dir', folder, '--standalone', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ dependencies: 'published', workspace: null, notes: [] });
    expect(JSON.stringify(manifest(folder))).not.toContain('workspace:');
  });
});
