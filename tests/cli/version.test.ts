import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// `pathways --version` must not load @pathways/core: it is instant, and it answers when core is
// broken. Node runs the built bin with a preloaded module-resolution hook (fixtures/
// module-resolution) that reports every resolved specifier and URL on stderr.
const recorder = pathToFileURL(join(import.meta.dirname, 'fixtures', 'module-resolution', 'record.mjs')).href;
const { version } = JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };

function resolutions(args: readonly string[]) {
  const result = runCli(args, { nodeArgs: ['--import', recorder] });
  const resolved = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('[resolved] '))
    .map((line) => {
      const [, specifier = '', url = ''] = line.split(' ');
      return { specifier, url };
    });
  return { ...result, resolved };
}

const isCore = ({ specifier, url }: { specifier: string; url: string }) =>
  specifier === '@pathways/core' || specifier.startsWith('@pathways/core/') || url.includes('/packages/core/') || url.includes('/@pathways/core/');

describe('pathways --version', () => {
  it('the recorder sees core being loaded by a command (so its silence below means something)', () => {
    const run = resolutions(['validate', '--help']);
    expect(run.status).toBe(0);
    expect(run.resolved.some(isCore)).toBe(true);
  });

  for (const flag of ['--version', '-v']) {
    it(`${flag} prints packages/cli/package.json's version without resolving @pathways/core`, () => {
      const run = resolutions([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
      expect(run.resolved.map(({ url }) => url)).toContain(pathToFileURL(join(repoRoot, 'packages', 'cli', 'dist', 'bin.js')).href);
      expect(run.resolved.filter(isCore)).toEqual([]);
      expect(run.resolved.filter(({ url }) => url.endsWith('/main.js'))).toEqual([]);
    });
  }
});
