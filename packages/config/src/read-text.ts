import { readFile } from 'node:fs/promises';
import { problem, type Problem } from '@pathways/core';

/** Reads a text file for `loadConfig`: the text, or one coded problem naming the file. */
export type ReadText = (path: string) => Promise<{ readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: Problem }>;

const readMeaning: Readonly<Record<string, string>> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' };

/**
 * The default reader: strict UTF-8 (a byte-order mark is dropped), with the codes and wording of
 * the CLI's input reading. The CLI passes its own reader, which also says where the first invalid
 * byte is.
 */
export const readUtf8File: ReadText = async (path) => {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, problem: problem('PWY_INPUT_UNREADABLE', [], `Cannot read ${path}: ${readMeaning[reason] ?? reason}.`) };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: problem('PWY_INPUT_NOT_UTF8', [], `Cannot read ${path}: it is not UTF-8 text.`) };
  }
};
