import { lstat, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { problem, type Problem } from '@pathways/core';
import { exitCodes, type CliIo } from '../io.js';
import { reportFailure } from '../output/report-failure.js';
import { scaffoldNames } from '../scaffold/names.js';
import { changeset, changesetConfig, pluginFiles, publishedRanges, type DependencyMode } from '../scaffold/plugin-package.js';
import { findWorkspace, workspaceIncludes, type Workspace } from '../scaffold/workspace.js';

export interface PluginNewOptions {
  /** The plugin's name, already checked to be kebab-case. */
  readonly name: string;
  /** The folder to create it in, as typed; `./<name>` when absent. */
  readonly dir?: string | undefined;
  readonly scope?: string | undefined;
  /** Depend on the published packages even inside a workspace that has them. */
  readonly standalone: boolean;
  readonly json: boolean;
}

/** A file to write: absolute, and as the user sees it (relative to the working folder). */
interface Planned {
  readonly absolute: string;
  readonly shown: string;
  readonly text: string;
}

const posix = (path: string) => path.split(sep).join('/');

function shownPath(io: CliIo, absolute: string): string {
  const path = posix(relative(io.cwd, absolute));
  return path === '' ? '.' : path;
}

/** Why nothing can be written where the user asked, or undefined: a new or empty folder. */
async function folderProblem(folder: string, shown: string): Promise<Problem | undefined> {
  const info = await lstat(folder).catch(() => undefined);
  if (!info) return undefined;
  const refuse = (reason: string) =>
    problem('PWY_OUTPUT_UNWRITABLE', [], `Cannot create the plugin in ${shown}: ${reason}; nothing was written.`, 'Give a new or empty folder with --dir <folder>; pathways plugin new never overwrites files.');
  if (!info.isDirectory()) return refuse('it is a file, not a folder');
  const entries = (await readdir(folder)).sort();
  if (entries.length === 0) return undefined;
  const listed = entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, and ${entries.length - 5} more` : '');
  return refuse(`the folder is not empty (it holds ${listed})`);
}

/**
 * Writes every file, or none: each is created exclusively (never over an existing file), and on a
 * failure whatever this run created is removed again.
 */
async function writeAll(folder: string, planned: readonly Planned[]): Promise<Problem | undefined> {
  const createdFolder = !(await stat(folder).catch(() => undefined));
  const written: string[] = [];
  try {
    for (const file of planned) {
      await mkdir(dirname(file.absolute), { recursive: true });
      await writeFile(file.absolute, file.text, { encoding: 'utf8', flag: 'wx' });
      written.push(file.absolute);
    }
    return undefined;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    // The folder was new or empty, so everything in it is this run's.
    if (createdFolder) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    else for (const entry of await readdir(folder).catch(() => [])) await rm(join(folder, entry), { recursive: true, force: true }).catch(() => undefined);
    for (const path of written) if (!path.startsWith(folder + sep)) await rm(path, { force: true }).catch(() => undefined);
    const failed = planned[written.length]?.shown ?? folder;
    return problem('PWY_OUTPUT_UNWRITABLE', [], `Cannot write ${failed}: ${code}; nothing was written.`);
  }
}

function describeMode(mode: DependencyMode, workspace: Workspace | undefined, io: CliIo): string {
  if (mode === 'published') return `the published @pathways packages, ${publishedRanges.pathways}`;
  return `workspace:* on the Pathways packages of the workspace at ${shownPath(io, workspace!.root)}`;
}

/**
 * `pathways plugin new <name>`: scaffolds a plugin package that builds and passes its tests
 * straight away. Inside a pnpm workspace that has @pathways/core and @pathways/testing it depends
 * on them as `workspace:*` (and, when the workspace lists the folder, its first changeset goes to
 * the workspace's `.changeset`); elsewhere, or with --standalone, on the published ranges.
 * 0 created; 2 nothing written (a folder that is not empty, a file that cannot be written).
 */
export async function pluginNewCommand(options: PluginNewOptions, io: CliIo): Promise<number> {
  const folderTyped = options.dir ?? options.name;
  const folder = resolve(io.cwd, folderTyped);
  const names = scaffoldNames(options.name, options.scope);
  const found = await findWorkspace(folder);
  const workspace = found?.hasPathways ? found : undefined;
  const mode: DependencyMode = workspace && !options.standalone ? 'workspace' : 'published';

  const member = mode === 'workspace' && workspaceIncludes(workspace!, folder);
  const notes: string[] = [];
  if (mode === 'workspace' && !member) {
    notes.push(`${shownPath(io, join(workspace!.root, 'pnpm-workspace.yaml'))} does not list ${shownPath(io, folder)}: add it (or a glob such as "${posix(relative(workspace!.root, dirname(folder)))}/*") to its packages, so pnpm install links its workspace:* dependencies.`);
  }
  if (found && !found.hasPathways && !options.standalone) {
    notes.push(`The pnpm workspace at ${shownPath(io, found.root)} has no @pathways/core and @pathways/testing, so the plugin depends on the published ones.`);
  }

  const scaffold = { names, mode, docs: mode === 'workspace' && workspace!.docs ? posix(relative(folder, workspace!.docs)) : undefined };
  const inFolder = (path: string, text: string): Planned => ({ absolute: join(folder, path), shown: shownPath(io, join(folder, path)), text });
  const planned = pluginFiles(scaffold).map((file) => inFolder(file.path, file.text));
  // The first changeset goes where changesets will read it: the workspace's .changeset for one of
  // its packages; otherwise the package's own (with a configuration when it is a project of its own).
  if (member && workspace!.changesets) {
    const absolute = join(workspace!.root, '.changeset', `${options.name}.md`);
    planned.push({ absolute, shown: shownPath(io, absolute), text: changeset(scaffold) });
  } else {
    planned.push(inFolder(`.changeset/${options.name}.md`, changeset(scaffold)));
    if (mode === 'published') planned.push(inFolder('.changeset/config.json', changesetConfig));
  }

  const refused = await folderProblem(folder, shownPath(io, folder));
  const outside = planned.filter((file) => !file.absolute.startsWith(folder + sep));
  const taken = (await Promise.all(outside.map(async (file) => ((await lstat(file.absolute).catch(() => undefined)) ? file : undefined)))).filter((file) => file !== undefined);
  const problems = [
    ...(refused ? [refused] : []),
    ...taken.map((file) => problem('PWY_OUTPUT_UNWRITABLE', [], `Cannot write the plugin's first changeset to ${file.shown}: the file exists; nothing was written.`, 'Give the plugin another name, or move that changeset first.')),
  ];
  const failure = problems.length > 0 ? problems : await writeAll(folder, planned).then((problem) => (problem ? [problem] : []));
  if (failure.length > 0) {
    reportFailure(io, options.json, { ok: false, unusable: true, failures: [{ file: shownPath(io, folder), problems: failure }] });
    return exitCodes.unusable;
  }

  const next =
    mode === 'workspace'
      ? ['pnpm install', `pnpm --filter ${names.packageName} test`]
      : [...(folder === io.cwd ? [] : [`cd ${shownPath(io, folder)}`]), 'pnpm install', 'pnpm test'];
  if (options.json) {
    const body = {
      ok: true,
      plugin: names.name,
      package: names.packageName,
      folder: shownPath(io, folder),
      dependencies: mode,
      workspace: mode === 'workspace' ? shownPath(io, workspace!.root) : null,
      files: planned.map((file) => file.shown),
      next,
      notes,
    };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    const lines = [
      `Created ${names.packageName} in ${shownPath(io, folder)} (${describeMode(mode, workspace, io)}):`,
      ...planned.map((file) => `  ${file.shown}`),
      '',
      'Next:',
      ...next.map((command) => `  ${command}`),
      ...notes.flatMap((note) => ['', `note: ${note}`]),
    ];
    io.stdout(`${lines.join('\n')}\n`);
  }
  return exitCodes.ok;
}
