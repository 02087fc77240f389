import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

export interface RunOptions {
  /** Flags for node itself, before the bin (e.g. `--import` of a module-resolution recorder). */
  readonly nodeArgs?: readonly string[];
}

/** Runs the built `pathways` command in a child process, from the repository root. */
export function runCli(args: readonly string[], options: RunOptions = {}): { status: number; stdout: string; stderr: string } {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (pnpm build).`);
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
