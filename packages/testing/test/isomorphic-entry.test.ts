import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The main entry runs wherever core does (a designer's simulator, a browser test runner); only
// @pathways/testing/node touches Node, and nothing depends on a test runner.

const packageRoot = join(import.meta.dirname, '..');
const source = join(packageRoot, 'src');

describe('@pathways/testing is isomorphic and runner-free', () => {
  it('depends on @pathways/core only: no test runner at run time', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies?: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).toEqual(['@pathways/core']);
    expect(manifest.peerDependencies).toBeUndefined();
  });

  it('imports Node only from the ./node entry', () => {
    const imports = readdirSync(source)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(source, file), 'utf8').matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)';/gm)].map((match) => ({ file, specifier: match[1]! })))
      .filter(({ specifier }) => !specifier.startsWith('.'));
    expect(new Set(imports.filter(({ file }) => file !== 'node.ts').map(({ specifier }) => specifier))).toEqual(new Set(['@pathways/core']));
    expect(imports.filter(({ file }) => file === 'node.ts').map(({ specifier }) => specifier)).toEqual(['node:fs', 'node:path', 'node:url']);
  });

  it('bundles the main entry for the browser', async () => {
    const result = await build({ entryPoints: [join(source, 'index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true, conditions: ['@pathways/source'] });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('core/src/engine/engine.ts'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('vitest'))).toEqual([]);
  });
});
