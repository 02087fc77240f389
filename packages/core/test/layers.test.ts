import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Data flows one way through core: each layer imports only from the layers below it. The error
// catalogue is at the bottom; the public index at the top.
const layers = ['errors', 'model', 'time', 'plugins', 'compiler', 'engine', 'variants', 'simulation', 'server', 'index.ts'] as const;
const src = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

function layerOf(file: string): number {
  const top = relative(src, file).split('/')[0]!;
  const rank = layers.indexOf(top as (typeof layers)[number]);
  if (rank < 0) throw new Error(`${relative(src, file)} is in no layer; add its folder to the list above.`);
  return rank;
}

describe('core layers', () => {
  it('import downwards only: errors ← model ← time ← plugins ← compiler ← engine ← variants ← simulation', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
        const target = resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'));
        if (layerOf(target) > layerOf(file)) upward.push(`${relative(src, file)} imports ${relative(src, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no actor is created under the engine: every command is a pure step of the machine', () => {
    const actors: string[] = [];
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      if (/\b(createActor|interpret)\b/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) actors.push(relative(src, file));
    }
    expect(actors).toEqual([]);
  });
});
