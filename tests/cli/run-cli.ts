import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/** A `pathways` command running in the background, for commands that serve (`simulate --inspect`) or talk to this process. */
export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves with the whole stderr once it contains `text`. */
  stderrContaining(text: string): Promise<string>;
  /** Resolves when the command ends. */
  readonly done: Promise<{ status: number; stdout: string; stderr: string }>;
}

/** Starts the built `pathways` command without waiting for it (stopped after 20 s whatever happens). */
export function startCli(args: readonly string[]): RunningCli {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (pnpm build).`);
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  let stdout = '';
  let stderr = '';
  const waiting: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    waiting.splice(0).forEach((wake) => wake());
  });
  const done = new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr })));
  return {
    child,
    done,
    async stderrContaining(text) {
      let ended = false;
      void done.then(() => {
        ended = true;
        waiting.splice(0).forEach((wake) => wake());
      });
      while (!stderr.includes(text)) {
        if (ended) throw new Error(`the command ended without printing "${text}"; stderr: ${stderr}`);
        await new Promise<void>((wake) => waiting.push(wake));
      }
      return stderr;
    },
  };
}
