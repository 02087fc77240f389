import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

// Whether a new plugin is scaffolded inside a pnpm workspace that has the Pathways packages (the
// Pathways repository, or a fork of it): then it depends on them as `workspace:*`. Reads
// pnpm-workspace.yaml's `packages` list only, without a YAML parser: a list of globs.

/** The pnpm workspace around a folder. */
export interface Workspace {
  /** Its root, absolute: the folder of pnpm-workspace.yaml. */
  readonly root: string;
  /** Its package globs, as written (`!` excludes). */
  readonly patterns: readonly string[];
  /** Whether @pathways/core and @pathways/testing are among its packages. */
  readonly hasPathways: boolean;
  /** Whether the root keeps changesets (`.changeset/config.json`). */
  readonly changesets: boolean;
  /** The Pathways docs folder, absolute, when the workspace has one with the plugin guides. */
  readonly docs?: string | undefined;
}

/** The `packages:` globs of a pnpm-workspace.yaml text. */
export function workspacePatterns(yaml: string): string[] {
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) {
      inPackages = true;
      continue;
    }
    if (!inPackages || /^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s+-\s*(['"]?)([^'"#]+?)\1\s*(#.*)?$/.exec(line);
    if (!item) {
      if (!/^\s/.test(line)) inPackages = false;
      continue;
    }
    patterns.push(item[2]!.replace(/\/+$/, ''));
  }
  return patterns;
}

/** A workspace glob as a regular expression over forward-slash paths relative to the root. */
function globRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source.replace(/^\.\//, '')}$`);
}

/** Whether the workspace's globs take in a folder (absolute). */
export function workspaceIncludes(workspace: Pick<Workspace, 'root' | 'patterns'>, folder: string): boolean {
  const path = relative(workspace.root, folder).split(sep).join('/');
  if (path === '' || path.startsWith('..')) return false;
  const matches = (pattern: string) => globRegExp(pattern).test(path);
  return workspace.patterns.some((p) => !p.startsWith('!') && matches(p)) && !workspace.patterns.some((p) => p.startsWith('!') && matches(p.slice(1)));
}

/** Package names of the workspace folders a simple glob (`dir`, `dir/*`) stands for. */
async function packageNames(root: string, patterns: readonly string[]): Promise<Set<string>> {
  const folders: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    if (!pattern.includes('*')) folders.push(join(root, pattern));
    else if (pattern.endsWith('/*') && !pattern.slice(0, -2).includes('*')) {
      const parent = join(root, pattern.slice(0, -2));
      const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) if (entry.isDirectory()) folders.push(join(parent, entry.name));
    }
  }
  const names = new Set<string>();
  for (const folder of folders) {
    const text = await readFile(join(folder, 'package.json'), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    try {
      const name: unknown = (JSON.parse(text) as { name?: unknown }).name;
      if (typeof name === 'string') names.add(name);
    } catch {
      // A package.json that is not JSON is pnpm's to report, not ours.
    }
  }
  return names;
}

/** The nearest pnpm workspace at or above a folder (which need not exist yet), or undefined. */
export async function findWorkspace(folder: string): Promise<Workspace | undefined> {
  for (let dir = folder; ; dir = dirname(dir)) {
    const file = join(dir, 'pnpm-workspace.yaml');
    if (existsSync(file)) {
      const patterns = workspacePatterns(await readFile(file, 'utf8'));
      const names = await packageNames(dir, patterns);
      const docs = join(dir, 'docs');
      return {
        root: dir,
        patterns,
        hasPathways: names.has('@pathways/core') && names.has('@pathways/testing'),
        changesets: existsSync(join(dir, '.changeset', 'config.json')),
        docs: existsSync(join(docs, 'reference', 'plugin-sdk.md')) ? docs : undefined,
      };
    }
    if (dirname(dir) === dir) return undefined;
  }
}
