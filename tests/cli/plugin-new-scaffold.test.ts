import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// End to end, and slow (a pnpm install, vitest and tsc per scaffold): a plugin scaffolded by the
// built CLI installs offline, builds and passes its own tests straight away.
//
// Where: a fresh folder under the repository's .tmp/ (ignored by git, and no workspace glob,
// vitest project, tsconfig or lint reads it). The CLI detects this repository's pnpm workspace
// there, so the workspace scaffold depends on workspace:*. Then the test writes a pnpm workspace
// of its own around the scaffolds, whose overrides link @pathways/core and @pathways/testing to
// this repository's packages (a `link:`, so pnpm installs nothing into them and changes neither
// the repository's lockfile nor its node_modules); zod, vitest and TypeScript come from the pnpm
// store, offline. The standalone scaffold's published ranges (^0.1.0) are linked the same way: its
// package.json has no workspace: range, and it typechecks (and tests) against the built packages
// (dist), as it would against the published ones; those are not on a registry reachable here.

const slow = { timeout: 60_000 };

let root = '';
const workspace = () => join(root, 'home-visits');
const standalone = () => join(root, 'standalone');

/** pnpm as the repository pins it (package.json#packageManager), through npx as .tooling/with-pnpm.mjs runs it. */
function pnpm(cwd: string, args: readonly string[]): { status: number; output: string } {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string };
  const version = /^pnpm@(\d+\.\d+\.\d+)/.exec(manifest.packageManager)![1]!;
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['--yes', `pnpm@${version}`, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 55_000,
    env: { ...process.env, COREPACK_INTEGRITY_KEYS: '0', npm_config_update_notifier: 'false', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}${result.error ? String(result.error) : ''}` };
}

function expectPasses(cwd: string, args: readonly string[]): string {
  const result = pnpm(cwd, args);
  expect(result.status, `pnpm ${args.join(' ')} in ${relative(repoRoot, cwd)}:\n${result.output}`).toBe(0);
  return result.output;
}

beforeAll(() => {
  for (const pkg of ['core', 'testing']) {
    if (!existsSync(join(repoRoot, 'packages', pkg, 'dist', 'index.js'))) throw new Error(`packages/${pkg}/dist is missing: build first (pnpm build).`);
  }
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  root = mkdtempSync(join(repoRoot, '.tmp', 'plugin-scaffold-'));
  expect(runCli(['plugin', 'new', 'home-visits', '--dir', relative(repoRoot, workspace())]).status).toBe(0);
  expect(runCli(['plugin', 'new', 'home-visits', '--dir', relative(repoRoot, standalone()), '--standalone']).status).toBe(0);
  const link = (pkg: string) => `link:${join(repoRoot, 'packages', pkg).split('\\').join('/')}`;
  writeFileSync(
    join(root, 'pnpm-workspace.yaml'),
    ['packages:', '  - home-visits', '  - standalone', 'overrides:', `  '@pathways/core': '${link('core')}'`, `  '@pathways/testing': '${link('testing')}'`, ''].join('\n'),
  );
  expectPasses(root, ['install', '--offline']);
}, 60_000);
afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('a scaffolded plugin, installed offline', () => {
  it('in the workspace: its own tests pass, it typechecks against the sources, and it builds', slow, () => {
    const tests = expectPasses(workspace(), ['test']);
    expect(tests).toMatch(/Tests\s+7 passed \(7\)/);
    expectPasses(workspace(), ['typecheck']);
    expectPasses(workspace(), ['build']);
    expect(existsSync(join(workspace(), 'dist', 'index.js')) && existsSync(join(workspace(), 'dist', 'server.d.ts'))).toBe(true);
  });

  it('built, it is a plugin the CLI installs from pathways.config.json: its fixture validates', slow, () => {
    writeFileSync(join(root, 'pathways.config.json'), `${JSON.stringify({ plugins: ['./home-visits'] })}\n`);
    const template = relative(repoRoot, join(workspace(), 'test', 'fixtures', 'template.json'));
    const result = runCli(['validate', template, '--config', relative(repoRoot, join(root, 'pathways.config.json'))]);
    expect(result.stdout).toBe(`${template}: valid (home-visits-test-pathway@0.1.0, 6 nodes)\n`);
    expect(result.status).toBe(0);
  });

  it('standalone: no workspace: ranges, and it typechecks and passes its tests against the built packages', slow, () => {
    const manifest = readFileSync(join(standalone(), 'package.json'), 'utf8');
    expect(manifest).not.toContain('workspace:');
    expect(JSON.parse(manifest)).toMatchObject({ dependencies: { '@pathways/core': '^0.1.0' }, devDependencies: { '@pathways/testing': '^0.1.0' } });
    expectPasses(standalone(), ['typecheck']);
    expect(expectPasses(standalone(), ['test'])).toMatch(/Tests\s+7 passed \(7\)/);
  });
});
