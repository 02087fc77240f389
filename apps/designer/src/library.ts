// The documents the designer offers without a file dialog, bundled as text at build time: every
// published version of the NZ national baseline (the one in force first) and the example variants.
// They are imported through the packages' own exports, so a file added there must be added here
// too; test/library.test.ts fails until it is.
import type { LibraryFile } from '@pathways/designer';
import baseline from '@pathways/templates/baselines/nz-national-baseline.json?raw';
import baseline2 from '@pathways/templates/baselines/nz-national-baseline-2.0.0.json?raw';
import baseline1 from '@pathways/templates/baselines/nz-national-baseline-1.0.0.json?raw';
import canterburyRegional from '@pathways/variant-examples/valid/canterbury-regional.json?raw';
import westCoastRural from '@pathways/variant-examples/valid/west-coast-rural.json?raw';
import rangioraLocal from '@pathways/variant-examples/valid/rangiora-local.json?raw';
import christchurchSanctuary from '@pathways/variant-examples/valid/christchurch-sanctuary.json?raw';

const nationalBaseline = 'National baseline';
const exampleVariants = 'Example variants';

export const library: readonly LibraryFile[] = [
  { name: 'nz-national-baseline.json', text: baseline, group: nationalBaseline },
  { name: 'nz-national-baseline-2.0.0.json', text: baseline2, group: nationalBaseline },
  { name: 'nz-national-baseline-1.0.0.json', text: baseline1, group: nationalBaseline },
  // Regional variants, then the local ones that build on Canterbury's.
  { name: 'canterbury-regional.json', text: canterburyRegional, group: exampleVariants },
  { name: 'west-coast-rural.json', text: westCoastRural, group: exampleVariants },
  { name: 'rangiora-local.json', text: rangioraLocal, group: exampleVariants },
  { name: 'christchurch-sanctuary.json', text: christchurchSanctuary, group: exampleVariants },
];
