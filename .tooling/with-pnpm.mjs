#!/usr/bin/env node
// Lets a fresh clone with only Node 20+ run `npm start` / `npm test`: it fetches the pnpm version
// pinned in package.json#packageManager through npx (corepack refuses registries without
// signatures), installs the workspace when needed, then runs `pnpm <args>`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(manifest.packageManager ?? '');
if (!match) {
  console.error('package.json#packageManager must pin pnpm, e.g. "pnpm@12.21.0".');
  process.exit(2);
}
const pnpmSpec = `pnpm@${match[1]}`;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function pnpm(args) {
  const result = spawnSync(npx, ['--yes', pnpmSpec, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, npm_config_update_notifier: 'false', TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (result.error) {
    console.error(`Could not run ${pnpmSpec} through npx: ${result.error.message}`);
    process.exit(2);
  }
  return result.status ?? 1;
}

function installIsCurrent() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lockfile = join(root, 'pnpm-lock.yaml');
  if (!existsSync(marker)) return false;
  if (!existsSync(lockfile)) return true;
  return statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs;
}

if (!installIsCurrent()) {
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  const status = pnpm(['install', ...frozen]);
  if (status !== 0) process.exit(status);
}
process.exit(pnpm(process.argv.slice(2)));
