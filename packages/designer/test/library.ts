import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nzBaselinePlugins } from '@pathways/templates';
import type { DesignLibrary } from '../src/core/index.js';

// The bundled library as the app offers it: the published baselines and the example variants.
const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => ({ name: path.split('/').pop()!, text: readFileSync(join(root, path), 'utf8') });

export const library: DesignLibrary = {
  plugins: nzBaselinePlugins,
  files: [
    read('packages/templates/baselines/nz-national-baseline.json'),
    read('packages/templates/baselines/nz-national-baseline-2.0.0.json'),
    read('examples/variants/valid/canterbury-regional.json'),
    read('examples/variants/valid/rangiora-local.json'),
  ],
};

export const fileNamed = (name: string) => library.files.find((file) => file.name === name)!;
