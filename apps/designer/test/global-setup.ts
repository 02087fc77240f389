// The browser tests run against dist/ as `npm start` serves it. `npm test` builds it first (turbo
// `build`, then vitest); a focused run (`vitest run --project designer-app`) may find it missing
// or older than its sources, and then builds it here, with the app's own `build` script, so no
// test ever runs against a stale designer. (Making turbo's `test` task depend on `build` would
// not help: `npm test` and focused runs call vitest directly.)
// The bench (bench/run.ts) calls it too, before it serves dist/.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { z } from 'zod';
import { appDir, staleBuildReason } from './build-freshness.js';

export default function buildDesignerIfStale(): void {
  const reason = staleBuildReason();
  if (reason === undefined) return;
  console.log(`designer-app: building dist/ (${reason})`);
  const { scripts } = z.object({ scripts: z.object({ build: z.string() }) }).parse(JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')));
  // Run the script as a package manager would: in a shell, with the package's binaries on PATH.
  // Without vitest's NODE_ENV=test, which would make Vite bundle React's development build.
  const { NODE_ENV: _vitestNodeEnv, ...env } = process.env;
  const result = spawnSync(scripts.build, {
    cwd: appDir,
    shell: true,
    stdio: 'inherit',
    env: { ...env, PATH: `${join(appDir, 'node_modules', '.bin')}${delimiter}${env.PATH ?? ''}` },
  });
  if (result.status !== 0) throw new Error('Building the designer for the browser tests failed (its output is above).');
}
