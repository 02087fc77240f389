// @pathways/testing/node: what only update scripts need, with Node's file system. The main entry
// never writes files, so a test cannot bless its own output.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Writes a golden file for `expectGolden` to compare with, creating its folder, and only when the
 * text changed. For update scripts (`pnpm golden:update`), never for tests. The file is written
 * whole (to a temporary file, then renamed), so a failed write leaves the old one.
 *
 * @param path - An absolute path, or a file URL.
 * @returns True when the file was created or changed.
 * @example
 * ```ts
 * import { writeGolden } from '@pathways/testing/node';
 * writeGolden(new URL('../test/golden/story.txt', import.meta.url), harness.transcript());
 * ```
 */
export function writeGolden(path: string | URL, text: string): boolean {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) return false;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, file);
  return true;
}
