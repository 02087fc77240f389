import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main, type CliIo } from '@pathways/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Without --config, a command reads the nearest pathways.config.json in its working folder or
// above it. Run in process, with the working folder in a temporary project holding the fictional
// plugin of tests/cli/fixtures/plugins and node_modules links to this workspace's core and zod.

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(repoRoot, 'tests', 'cli', 'fixtures', 'plugins');
const template = join(fixtures, 'tiny-sanctuary.json');
let project = '';

beforeAll(() => {
  project = realpathSync(mkdtempSync(join(tmpdir(), 'pathways-cli-config-')));
  cpSync(join(fixtures, 'sanctuary-safety'), join(project, 'sanctuary-safety'), { recursive: true });
  cpSync(join(fixtures, 'pathways.config.json'), join(project, 'pathways.config.json'));
  mkdirSync(join(project, 'regions', 'canterbury'), { recursive: true });
  for (const [name, target] of Object.entries({ '@pathways/core': join(repoRoot, 'packages', 'core'), zod: realpathSync(join(repoRoot, 'packages', 'core', 'node_modules', 'zod')) })) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(project, 'node_modules', name), 'dir');
  }
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

function capture(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd };
}

describe('the configuration a command finds', () => {
  it('is the nearest pathways.config.json above the working folder', async () => {
    const io = capture(join(project, 'regions', 'canterbury'));
    expect(await main(['validate', template], io)).toBe(0);
    expect(io.out.join('')).toBe(`${template}: valid (tiny-sanctuary@0.1.0, 10 nodes)\nmigrated home-security (sanctuary-safety/assessment) from version 1 to 2\n`);
  });

  it('is reported against its path from the working folder when it cannot be loaded', async () => {
    const broken = realpathSync(mkdtempSync(join(tmpdir(), 'pathways-cli-config-')));
    try {
      cpSync(join(fixtures, 'invalid.config.json'), join(broken, 'pathways.config.json'));
      mkdirSync(join(broken, 'work'));
      const io = capture(join(broken, 'work'));
      expect(await main(['validate', template], io)).toBe(2);
      expect(io.out.join('')).toMatch(/^\.\.\/pathways\.config\.json: 2 problems\n\n {2}PWY_CONFIG_INVALID at plugins\[0\]\n/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
