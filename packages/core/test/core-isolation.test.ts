import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packageRoot = join(import.meta.dirname, '..');
const allowedDependencies = ['@noble/hashes', 'luxon', 'semver', 'xstate', 'zod'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('@pathways/core stays isomorphic: no I/O, no UI', () => {
  it('depends only on xstate, zod and small pure libraries', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(allowedDependencies);
  });

  it('imports no Node built-in, server, database driver or UI framework', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(packageRoot, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/from\s+'([^']+)'/g)) {
        const specifier = match[1]!;
        if (specifier.startsWith('.')) continue;
        const parts = specifier.split('/');
        const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
        if (!allowedDependencies.includes(name)) offenders.push(`${relative(packageRoot, file)} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('bundles for the browser', async () => {
    const result = await build({
      entryPoints: [join(packageRoot, 'src', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/xstate'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    expect(result.outputFiles[0]!.text.length).toBeGreaterThan(10_000);
  });
});
