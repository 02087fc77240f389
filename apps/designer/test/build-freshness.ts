// Whether dist/ was built from what is on disk now: the app's files, and every workspace package
// it bundles (followed through their dependencies) with the data it imports.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(appDir, '..', '..');
const builtMarker = join(appDir, 'dist', 'index.html');

// What never goes into the bundle; test/ also holds the artifacts the browser tests write, and
// bench/ drives the built app as the browser tests do.
const skipped = new Set(['node_modules', 'dist', '.turbo', 'coverage', 'test', 'bench']);

const manifest = z.object({
  dependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
});

/** The folders of the workspace packages a package depends on (`workspace:` versions). */
function workspaceDependencies(packageDir: string, withDevDependencies: boolean): string[] {
  const { dependencies = {}, devDependencies = {} } = manifest.parse(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')));
  const all = withDevDependencies ? { ...dependencies, ...devDependencies } : dependencies;
  return Object.entries(all)
    .filter(([, version]) => version.startsWith('workspace:'))
    .map(([name]) => realpathSync(join(packageDir, 'node_modules', name)));
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Why dist/ must be built again, or undefined when it is newer than everything it is built from. */
export function staleBuildReason(): string | undefined {
  if (!existsSync(builtMarker)) return 'dist/ has not been built';
  const builtAt = statSync(builtMarker).mtimeMs;
  const packages = new Set<string>([appDir]);
  const pending = workspaceDependencies(appDir, true);
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    if (packages.has(dir)) continue;
    packages.add(dir);
    pending.push(...workspaceDependencies(dir, false));
  }
  const sources = [join(repoRoot, 'examples', 'pathways.config.json'), ...[...packages].flatMap((dir) => [...files(dir)])];
  const changed = sources.find((file) => statSync(file).mtimeMs > builtAt);
  return changed === undefined ? undefined : `${relative(repoRoot, changed)} changed since it was built`;
}
