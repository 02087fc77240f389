import { readFile, writeFile } from 'node:fs/promises';
import { problem, type Problem } from '@pathways/core';

/** Where a command writes; injected so tests capture output without spawning a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
}

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, problems: 1, unusable: 2 } as const;

const meaning: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' };

function reasonOf(error: unknown): string {
  const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
  return meaning[reason] ?? reason;
}

/** Reads a text file, turning every file-system failure into a located problem. */
export async function readTextFile(path: string): Promise<{ ok: true; text: string } | { ok: false; problem: Problem }> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    return { ok: false, problem: problem('PWY_INPUT_UNREADABLE', [], `Cannot read ${path}: ${reasonOf(error)}.`) };
  }
}

/** Writes a text file; a failure is a problem like an unreadable input (the catalogue has no output code). */
export async function writeTextFile(path: string, text: string): Promise<{ ok: true } | { ok: false; problem: Problem }> {
  try {
    await writeFile(path, text, 'utf8');
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: problem('PWY_INPUT_UNREADABLE', [], `Cannot write ${path}: ${reasonOf(error)}.`, 'Check that the folder exists and is writable.') };
  }
}
