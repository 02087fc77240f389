import { PathwaysAssertionError } from './assertion-error.js';
import { displayPath, readTextFile } from './read-text.js';

/** Options for `expectGolden`. */
export interface ExpectGoldenOptions {
  /**
   * The command that rewrites your golden files, named in the message on drift.
   * @default 'your golden update script (for example `pnpm golden:update`)'
   */
  readonly update?: string;
}

const lineEnds = /\r\n/g;

/**
 * Compares text a test produced with a committed golden file, and throws on any difference,
 * naming the first line that differs. It never writes: a test that writes its own expectation
 * cannot fail. After an intended change, an update script rewrites the file (`writeGolden` from
 * `@pathways/testing/node`) and a person reviews the diff. Line endings are compared as `\n`.
 *
 * @param path - The file: an absolute path, or a URL such as `new URL('./golden/story.txt', import.meta.url)`.
 * @throws PathwaysAssertionError with `expected` the file's text and `actual` the text given.
 * @example
 * ```ts
 * expectGolden(harness.transcript(), new URL('./golden/story.txt', import.meta.url), { update: 'pnpm golden:update' });
 * ```
 */
export function expectGolden(actual: string, path: string | URL, options: ExpectGoldenOptions = {}): void {
  const file = displayPath(path);
  const update = options.update ?? 'your golden update script (for example `pnpm golden:update`)';
  const stored = readTextFile(path, 'expectGolden', 'compare the text with your own copy of the expected text');
  if (stored === undefined) {
    throw new PathwaysAssertionError({
      assertion: 'expectGolden',
      message: `Expected the golden file ${file} to exist; there is none. Tests never write their own expectation: run ${update} to create it, review it and commit it.`,
      expected: undefined,
      actual,
    });
  }
  const expected = stored.replace(lineEnds, '\n');
  const found = actual.replace(lineEnds, '\n');
  if (expected === found) return;
  const expectedLines = expected.split('\n');
  const foundLines = found.split('\n');
  let line = 0;
  while (line < expectedLines.length && line < foundLines.length && expectedLines[line] === foundLines[line]) line += 1;
  const showLine = (lines: readonly string[]) => (line < lines.length ? JSON.stringify(lines[line]) : '(end of text)');
  throw new PathwaysAssertionError({
    assertion: 'expectGolden',
    message:
      `Expected the text to equal the golden file ${file}; they differ from line ${line + 1}:\n` +
      `  golden file: ${showLine(expectedLines)}\n` +
      `  found:       ${showLine(foundLines)}\n` +
      `If the change is intended, run ${update}, review the diff and commit it; the test never rewrites the file.`,
    expected,
    actual: found,
  });
}
