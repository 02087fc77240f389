import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { configFileName } from './config-schema.js';

async function isFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() === true;
}

/**
 * The nearest pathways.config.json: in `startDir`, or else in the closest folder above it, up to
 * the file-system root. Undefined when there is none, which means the default configuration (the
 * built-in plugins only). The path returned is absolute.
 */
export async function findConfig(startDir: string): Promise<string | undefined> {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, configFileName);
    if (await isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
