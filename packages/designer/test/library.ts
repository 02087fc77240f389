import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nzBaselinePlugins } from '@pathways/templates';
import { newVariant, openDocument, type DesignDocument, type DesignLibrary } from '../src/core/index.js';

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

/** Opens a file of the library, failing the test with its problems. */
export function opened(name: string): DesignDocument {
  const result = openDocument(fileNamed(name), library);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

/** A new, fictional regional variant (locality `fr`) over the NZ baseline in force. */
export function fictionalRegion(id = 'nz-fictional-region'): DesignDocument {
  const started = newVariant(opened('nz-national-baseline.json'), { id, title: 'A fictional region', locality: { id: 'fr', level: 'regional', name: 'Fictional region' } });
  if (!started.ok) throw new Error(started.message);
  return started.document;
}
