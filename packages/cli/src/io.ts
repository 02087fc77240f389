import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { problem, type Problem } from '@pathways/core';
import { decodeUtf8, type Utf8Error } from './decode-text.js';

/** Where a command writes; injected so tests capture output without spawning a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Resolves when the user stops the command (Ctrl-C); a command that serves something
   * (`simulate --inspect`) serves until then. Without it, such a command stops when its work is done.
   */
  readonly untilInterrupted?: () => Promise<void>;
}

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, problems: 1, unusable: 2 } as const;

const readMeaning: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' };

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

function notUtf8(path: string, error: Utf8Error): Problem {
  const where = `offset ${error.offset} (line ${error.line}, byte 0x${error.byte.toString(16).toUpperCase().padStart(2, '0')})`;
  if (error.utf16) {
    return problem('PWY_INPUT_NOT_UTF8', [], `Cannot read ${path}: it is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8.`, 'Save the file as UTF-8; in Windows PowerShell, write it with `Out-File -Encoding utf8` rather than `>`.');
  }
  // The hint is given here, not taken from the catalogue, so it can say where to look.
  return problem('PWY_INPUT_NOT_UTF8', [], `Cannot read ${path}: it is not UTF-8 text; the first invalid byte sequence is at byte ${where}.`, `Save the file as UTF-8 (a byte-order mark is allowed); the text around line ${error.line} is probably in another encoding, such as Windows-1252.`);
}

/**
 * Reads a UTF-8 text file, turning every file-system failure and every invalid byte sequence into
 * a located problem. A UTF-8 byte-order mark at the start is dropped.
 */
export async function readTextFile(path: string): Promise<{ ok: true; text: string } | { ok: false; problem: Problem }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = codeOf(error);
    return { ok: false, problem: problem('PWY_INPUT_UNREADABLE', [], `Cannot read ${path}: ${readMeaning[reason] ?? reason}.`) };
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, problem: notUtf8(path, decoded.error) };
}

/** Why a write failed, and what to do, by error code; hints are specific, so they are given here. */
const writeMeaning: Record<string, { reason: string; hint: string }> = {
  ENOENT: { reason: 'the folder does not exist', hint: 'Create the folder first, or write to one that exists.' },
  ENOTDIR: { reason: 'part of the path is a file, not a folder', hint: 'Write into a folder, not below a file.' },
  EISDIR: { reason: 'it is a folder', hint: 'Give a file name inside the folder, such as out.json.' },
  EACCES: { reason: 'permission denied', hint: 'Write to a folder you can write to.' },
  EPERM: { reason: 'permission denied', hint: 'Write to a folder you can write to.' },
  EROFS: { reason: 'the file system is read-only', hint: 'Write to a folder on a writable file system.' },
};

/**
 * Writes a text file whole or not at all: the text goes to a temporary file beside the target,
 * which is then renamed over it, so a failure never leaves a partial file where the output belongs.
 */
export async function writeTextFile(path: string, text: string): Promise<{ ok: true } | { ok: false; problem: Problem }> {
  // Beside the target (same folder, so the same file system) so the rename is atomic.
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
    return { ok: true };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = codeOf(error);
    const meaning = writeMeaning[code] ?? { reason: code, hint: 'Check that the folder exists and that you can write to it.' };
    return { ok: false, problem: problem('PWY_OUTPUT_UNWRITABLE', [], `Cannot write ${path}: ${meaning.reason}; nothing was written.`, meaning.hint) };
  }
}
