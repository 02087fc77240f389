import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

/**
 * Fixtures made from files that change as the project grows (the baseline, the tiny pathway, a
 * scenario), so each differs from its source only in the way its tests are about. Tests compare
 * the committed file with `derive()`; `pnpm golden:update` (tests/scripts/update-golden.ts)
 * rewrites them. Tests never write.
 */
export interface DerivedFixture {
  /** Path relative to the repository root. */
  readonly path: string;
  /** What it is, and what it is made from. */
  readonly about: string;
  readonly derive: () => Uint8Array;
}

const read = (path: string) => readFileSync(join(repoRoot, path));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

export const baselinePath = 'packages/templates/baselines/nz-national-baseline.json';
const tinyPath = 'examples/tiny-pathway/tiny-pathway.json';
const tinyTitle = '"Tiny pathway (walking skeleton)"';

/** The proposed 4.0.0: first contact for high risk locked at 24 hours, the local-services point withdrawn. */
export const proposedFixture: DerivedFixture = {
  path: 'tests/cli/golden/variants/nz-national-baseline-4.0.0.json',
  about: 'a proposed 4.0.0 of the national baseline, so rebase and impact have conflicts to show',
  derive: () => {
    type Template = Record<string, unknown> & { parameters: Record<string, Record<string, unknown>>; adjustmentPoints: { id: string }[] };
    const template = JSON.parse(read(baselinePath).toString('utf8')) as Template;
    template.$schema = '../../../../packages/core/schema/pathway-template.schema.json';
    template.version = '4.0.0';
    template.description = `Fictional proposed 4.0.0, a fixture for the CLI golden tests: first contact for high risk is locked at 24 hours and the local-services adjustment point is withdrawn. ${String(template.description)}`;
    template.parameters.firstContactHigh = { ...template.parameters.firstContactHigh, value: 'PT24H', governance: { mode: 'locked', reason: 'First contact within 24 hours for high risk is now fixed nationally.' } };
    template.adjustmentPoints = template.adjustmentPoints.filter((point) => point.id !== 'local-services');
    return utf8(`${JSON.stringify(template, null, 2)}\n`);
  },
};

export const derivedFixtures: readonly DerivedFixture[] = [
  proposedFixture,
  {
    path: 'tests/cli/fixtures/simulate/first-contact-wrong-state.json',
    about: 'the first-contact scenario of the tiny pathway, expecting the wrong state after step #1',
    derive: () => {
      const scenario = JSON.parse(read('examples/tiny-pathway/scenarios/first-contact.json').toString('utf8')) as { $schema?: string; steps: { expect?: { state?: string } }[] };
      scenario.$schema = '../../../../packages/core/schema/scenario.schema.json';
      scenario.steps[0]!.expect = { state: 'first-contact' };
      return utf8(`${JSON.stringify(scenario, null, 2)}\n`);
    },
  },
  {
    path: 'tests/cli/fixtures/encoding/tiny-pathway-bom.json',
    about: 'the tiny pathway with a UTF-8 byte-order mark in front',
    derive: () => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), read(tinyPath)])),
  },
  {
    path: 'tests/cli/fixtures/encoding/tiny-pathway-latin1.json',
    about: 'the tiny pathway with one word of its title saved in Latin-1 (é as the single byte 0xE9)',
    derive: () => {
      const parts = read(tinyPath).toString('utf8').split(tinyTitle);
      if (parts.length !== 2) throw new Error(`${tinyPath} no longer has the title ${tinyTitle} exactly once: update this derivation.`);
      const [before, after] = parts as [string, string];
      return new Uint8Array(Buffer.concat([Buffer.from(`${before}"Tiny pathway (walking skeleton), caf`, 'utf8'), Buffer.from([0xe9]), Buffer.from(`"${after}`, 'utf8')]));
    },
  },
  {
    path: 'tests/cli/fixtures/encoding/tiny-pathway-utf16.json',
    about: 'the tiny pathway as UTF-16 with a byte-order mark (what Windows PowerShell 5 writes with >)',
    derive: () => new Uint8Array(Buffer.from(`\ufeff${read(tinyPath).toString('utf8')}`, 'utf16le')),
  },
];
