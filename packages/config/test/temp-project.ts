import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtInPlugins } from '@pathways/config';

// Real files in a folder under the system's temporary folder, removed after each test file. A
// plugin written there imports @pathways/core and zod by name, as a plugin in someone's project
// does; the project's node_modules links them to this workspace's copies (the ones this package
// itself resolves), as an installed project would have them. It links the built-in plugins too:
// the module generateStaticImports writes imports them by name from the project's own files, so a
// project that bundles it (as the designer's build does) has them installed. All other plugins
// here are fictional.

const packageRoot = join(import.meta.dirname, '..');

export interface TempProject {
  /** The project folder (absolute, real path). */
  readonly dir: string;
  /** Writes a file (text, or JSON for anything else) under the project, creating folders; returns its absolute path. */
  write(path: string, content: unknown): string;
  /** Makes @pathways/core, zod and the built-in plugins importable by name from anywhere in the project. */
  linkWorkspacePackages(): void;
  remove(): void;
}

export function tempProject(): TempProject {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'pathways-config-')));
  const write = (path: string, content: unknown) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
    return file;
  };
  return {
    dir,
    write,
    linkWorkspacePackages: () => {
      for (const name of ['@pathways/core', 'zod', ...builtInPlugins]) {
        const link = join(dir, 'node_modules', name);
        mkdirSync(dirname(link), { recursive: true });
        symlinkSync(realpathSync(join(packageRoot, 'node_modules', name)), link, 'dir');
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fictional home-security scheme, written for node-type version 2 with a migration from 1. The
 * engine range and the version can be changed to provoke loadPlugins' problems.
 */
export function sanctuaryPluginSource(edit: { readonly name?: string; readonly engine?: string; readonly exportAs?: 'plugin' | 'default' } = {}): string {
  const name = edit.name ?? 'sanctuary-safety';
  const declaration = edit.exportAs === 'default' ? 'export default definePlugin' : 'export const plugin = definePlugin';
  return `import { definePlugin } from '@pathways/core';
import { z } from 'zod';

${declaration}({
  name: '${name}',
  version: '1.0.0',
  engine: '${edit.engine ?? '^0.1.0'}',
  label: { en: 'Sanctuary safety scheme (fictional)' },
  events: {
    '${name}.assessed': { label: { en: 'Record the home security assessment' }, payload: z.strictObject({ outcome: z.enum(['eligible', 'not-eligible']) }) },
  },
  nodeTypes: {
    assessment: {
      label: { en: 'Home security assessment' },
      category: 'assessment',
      typeVersion: 2,
      config: z.strictObject({ provider: z.string().min(1), urgent: z.boolean() }),
      earlier: { 1: { config: z.strictObject({ provider: z.string().min(1) }), migrate: (previous) => ({ ...previous, urgent: false }) } },
      accepts: ['${name}.assessed'],
    },
  },
});
`;
}

/** A fictional plugin with nothing to import, as a package would ship it. */
export function plainPluginSource(name: string): string {
  return `export default {
  name: '${name}',
  version: '2.1.0',
  engine: '>=0.1.0',
  label: { en: 'Fictional scheme ${name}' },
  guards: { always: { check: () => true } },
};
`;
}
