/** The part of Node's `fs` the main entry reads with. */
interface TextFiles {
  readFileSync(path: string | URL, encoding: 'utf8'): string;
}

/** A path as messages show it. */
export function displayPath(path: string | URL): string {
  return path instanceof URL ? decodeURIComponent(path.pathname) : path;
}

/**
 * Reads a text file through Node's `fs`, found with `process.getBuiltinModule` (Node 20.16+, Bun,
 * Deno) rather than imported: the main entry then imports nothing from Node and still loads in a
 * browser, where only these file functions are unavailable.
 *
 * @returns The text, or undefined when there is no such file.
 */
export function readTextFile(path: string | URL, feature: string, instead: string): string | undefined {
  const host = (globalThis as { readonly process?: { readonly getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = host?.getBuiltinModule?.('node:fs') as TextFiles | undefined;
  if (!fs) throw new Error(`${feature} reads files with Node's fs (Node 20.16 or later); where there is no file system, ${instead}.`);
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}
