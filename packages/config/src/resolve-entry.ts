import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Where a plugin entry's module is, or why it was not found (what was tried). */
export type EntryResolution = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly reason: string };

// The conditions Node uses when it imports a package from an ES module.
const conditions = new Set(['node', 'import', 'default']);

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

async function kindOf(path: string): Promise<'file' | 'folder' | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? 'file' : info?.isDirectory() ? 'folder' : undefined;
}

/** The target of a conditional export, the first condition that matches winning, as Node picks it. */
function conditionalTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = conditionalTarget(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isObject(target)) return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (!conditions.has(condition)) continue;
    const found = conditionalTarget(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The module a package folder stands for: its package.json `exports["."]`, else `main`, else index.js. */
async function packageModule(folder: string): Promise<EntryResolution> {
  const manifestPath = join(folder, 'package.json');
  const text = await readFile(manifestPath, 'utf8').catch(() => undefined);
  let manifest: Obj = {};
  if (text !== undefined) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isObject(parsed)) manifest = parsed;
    } catch {
      return { ok: false, reason: `${manifestPath} is not valid JSON` };
    }
  }
  if (manifest.exports !== undefined) {
    const exports = manifest.exports;
    const root = isObject(exports) && Object.keys(exports).some((key) => key.startsWith('.')) ? exports['.'] : exports;
    const target = conditionalTarget(root);
    if (target === undefined) return { ok: false, reason: `${manifestPath} exports no "." entry for import (conditions node, import, default)` };
    const file = resolve(folder, target);
    return (await kindOf(file)) === 'file' ? { ok: true, file } : { ok: false, reason: `${manifestPath} exports "." as ${target}, but there is no file ${file} (is the package built?)` };
  }
  const tried: string[] = [];
  const candidates = typeof manifest.main === 'string' ? [manifest.main, `${manifest.main}.js`, join(manifest.main, 'index.js'), 'index.js'] : ['index.js'];
  for (const candidate of candidates) {
    const file = resolve(folder, candidate);
    if ((await kindOf(file)) === 'file') return { ok: true, file };
    tried.push(file);
  }
  return { ok: false, reason: `${folder} is a folder, and neither its package.json (exports or main) nor index.js names a module; tried ${tried.join(', ')}` };
}

/** A path relative to the configuration file: a module, or a package folder. */
export async function resolveRelative(entry: string, configDir: string): Promise<EntryResolution> {
  const target = resolve(configDir, entry);
  const kind = await kindOf(target);
  if (kind === 'file') return { ok: true, file: target };
  if (kind === 'folder') return packageModule(target);
  return { ok: false, reason: `there is no file or folder ${target}` };
}

/** A package name, looked for in `node_modules` in the configuration file's folder and every folder above it, as Node does. */
export async function resolvePackage(name: string, configDir: string): Promise<EntryResolution> {
  let dir = resolve(configDir);
  for (;;) {
    if (basename(dir) !== 'node_modules') {
      const folder = join(dir, 'node_modules', name);
      if ((await kindOf(folder)) === 'folder') return packageModule(folder);
    }
    const parent = dirname(dir);
    if (parent === dir) return { ok: false, reason: `there is no folder node_modules/${name} in ${resolve(configDir)} or any folder above it (is the package installed?)` };
    dir = parent;
  }
}
