import { readFile } from 'node:fs/promises';
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

/** Reads a text file, turning every file-system failure into a located problem. */
export async function readTextFile(path: string): Promise<{ ok: true; text: string } | { ok: false; problem: Problem }> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const meaning: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' };
    return { ok: false, problem: problem('PWY_INPUT_UNREADABLE', [], `Cannot read ${path}: ${meaning[reason] ?? reason}.`) };
  }
}
