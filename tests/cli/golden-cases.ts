import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { baselinePath, proposedFixture } from './derived-fixtures.js';
import { repoRoot, runCli } from './run-cli.js';

/**
 * The golden cases: each a command line and the file holding its expected human output. The
 * golden tests compare the built CLI's output with the file; `pnpm golden:update`
 * (tests/scripts/update-golden.ts) rewrites the files from the same cases. Tests never write.
 */
export interface GoldenCase {
  readonly name: string;
  /** The golden file, absolute. */
  readonly file: string;
  readonly args: readonly string[];
  /** Runs the CLI and renders what the golden file must hold. */
  readonly actual: () => string;
}

const validateFolder = join(import.meta.dirname, 'golden', 'validate');
export const variantsFolder = join(import.meta.dirname, 'golden', 'variants');

// Each input beside its expected output (first line: the exit code).
export const validateCases: readonly GoldenCase[] = readdirSync(validateFolder)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((input) => {
    const args = ['validate', `tests/cli/golden/validate/${input}`];
    return {
      name: input.replace(/\.json$/, ''),
      file: join(validateFolder, input.replace(/\.json$/, '.txt')),
      args,
      actual: () => {
        const result = runCli(args);
        return `exit ${result.status}\n${result.stdout}${result.stderr}`;
      },
    };
  });

const valid = (name: string) => `examples/variants/valid/${name}.json`;
const invalid = (name: string) => `examples/variants/invalid/${name}.json`;
const proposed = proposedFixture.path;

export const invalidExamples = readdirSync(join(repoRoot, 'examples', 'variants', 'invalid'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

/** Case name (the golden file's name) → the arguments of the run. */
const variantArgs: Record<string, readonly string[]> = {
  // Local variants under Canterbury are checked against the resolved regional level.
  ...Object.fromEntries(
    invalidExamples.map((name) => [`check-${name}`, name === 'local-changes-regional-lock' ? ['check', baselinePath, valid('canterbury-regional'), invalid(name)] : ['check', baselinePath, invalid(name)]]),
  ),
  'check-canterbury-regional': ['check', baselinePath, valid('canterbury-regional')],
  'check-rangiora-local': ['check', baselinePath, valid('canterbury-regional'), valid('rangiora-local')],
  'check-rangiora-without-its-region': ['check', baselinePath, valid('rangiora-local')],
  'check-west-coast-rural': ['check', baselinePath, valid('west-coast-rural')],
  'diff-baseline-canterbury': ['diff', baselinePath, '--variant', valid('canterbury-regional')],
  'diff-baseline-4.0.0': ['diff', baselinePath, proposed],
  'rebase-canterbury-onto-4.0.0': ['rebase', valid('canterbury-regional'), '--from', baselinePath, '--to', proposed],
  'rebase-west-coast-onto-4.0.0': ['rebase', valid('west-coast-rural'), '--from', baselinePath, '--to', proposed],
  'impact-4.0.0-on-valid-variants': ['impact', proposed, '--published', baselinePath, '--variants', 'examples/variants/valid'],
};

// The human output of the variant commands, with the command line: what a regional hub sees.
export const variantCases: readonly GoldenCase[] = Object.entries(variantArgs).map(([name, args]) => ({
  name,
  file: join(variantsFolder, `${name}.txt`),
  args,
  actual: () => {
    const result = runCli(args);
    return `$ pathways ${args.join(' ')}\nexit ${result.status}\n${result.stdout}${result.stderr}`;
  },
}));
