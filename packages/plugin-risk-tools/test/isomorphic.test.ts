import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The definition runs wherever core does (a designer's simulator in a browser): it imports only
// @pathways/core and zod, and bundles for the browser.

const packageRoot = join(import.meta.dirname, '..');
const source = join(packageRoot, 'src');

describe('@pathways/plugin-risk-tools is isomorphic', () => {
  it('depends on @pathways/core and zod only', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@pathways/core', 'zod']);
  });

  it('imports nothing else', () => {
    const specifiers = readdirSync(source)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(source, file), 'utf8').matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)';/gm)].map((match) => match[1]!))
      .filter((specifier) => !specifier.startsWith('.'));
    expect(new Set(specifiers)).toEqual(new Set(['@pathways/core', 'zod']));
  });

  it('bundles for the browser', async () => {
    const result = await build({ entryPoints: [join(source, 'index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true, conditions: ['@pathways/source'] });
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.metafile.inputs).filter((input) => input.startsWith('node:'))).toEqual([]);
  });
});
