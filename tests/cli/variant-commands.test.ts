import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

// Exit codes and --json shapes of check, resolve, diff, rebase and impact, run through the built
// CLI. Human output is pinned by the golden files (variant-golden.test.ts).
const baseline = 'packages/templates/baselines/nz-national-baseline.json';
const proposed = 'tests/cli/golden/variants/nz-national-baseline-4.0.0.json';
const canterbury = 'examples/variants/valid/canterbury-regional.json';
const rangiora = 'examples/variants/valid/rangiora-local.json';
const westCoast = 'examples/variants/valid/west-coast-rural.json';
const shortcut = 'examples/variants/invalid/high-risk-straight-to-closure.json';
const fixtures = 'tests/cli/fixtures';

interface JsonProblem {
  code: string;
  change?: number | null;
  path: (string | number)[];
  witness?: { kind: string; node: string; transition?: string }[];
}
interface Unusable {
  ok: false;
  unusable: boolean;
  inputs: { file: string; problems: JsonProblem[] }[];
}

// Only for the CLI's --write: the tests read committed fixtures (tests/cli/fixtures) and never write.
const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-variants-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

describe('pathways check', () => {
  it('exits 0 for a valid regional variant and reports it as JSON', () => {
    const result = runCli(['check', baseline, canterbury, '--json']);
    expect(result.status).toBe(0);
    expect(json(result.stdout)).toEqual({ file: canterbury, variant: 'nz-canterbury@3.0.0', against: 'nz-national-baseline@3.0.0', ok: true, unusable: false, problems: [] });
  });

  it('checks the last variant of a chain against the resolved level above it', () => {
    const result = runCli(['check', baseline, canterbury, rangiora, '--json']);
    expect(result.status).toBe(0);
    expect(json<{ against: string; variant: string }>(result.stdout)).toMatchObject({ variant: 'nz-canterbury-rangiora@3.0.0', against: 'nz-canterbury@3.0.0' });
  });

  it('exits 1 with every problem, its change and the witness of a broken invariant', () => {
    const result = runCli(['check', baseline, shortcut, '--json']);
    expect(result.status).toBe(1);
    const body = json<{ ok: boolean; problems: JsonProblem[] }>(result.stdout);
    expect(body.ok).toBe(false);
    expect(body.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['PWY_VARIANT_LOCKED', 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', 'PWY_INVARIANT_VIOLATED']));
    const broken = body.problems.find((p) => p.code === 'PWY_INVARIANT_VIOLATED');
    expect(broken?.change).toBe(0);
    expect(broken?.witness?.at(-1)).toMatchObject({ node: 'closed', transition: 'chc/fast-close' });
  });

  it('prints change numbers from 1 and the witness path in human output', () => {
    const result = runCli(['check', baseline, shortcut]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('PWY_INVARIANT_VIOLATED in change #1 (add transitions chc/fast-close) at resolved.invariants[0]');
    expect(result.stdout).toContain('→ closed, via transition chc/fast-close  [this variant, change #1]');
  });

  it('exits 1 for a variant that does not fit the variant schema', () => {
    const result = runCli(['check', baseline, `${fixtures}/variants/schema-problems.json`, '--json']);
    expect(result.status).toBe(1);
    const body = json<{ variant: string | null; problems: JsonProblem[] }>(result.stdout);
    expect(body.variant).toBeNull();
    expect(body.problems.map((p) => p.code)).toContain('PWY_SCHEMA_REQUIRED');
  });

  it('exits 2 for malformed JSON or an unreadable baseline, naming every unusable file at once', () => {
    const malformed = `${fixtures}/variants/truncated-variant.json`;
    const result = runCli(['check', 'no/such/baseline.json', malformed, '--json']);
    expect(result.status).toBe(2);
    const body = json<Unusable>(result.stdout);
    expect(body).toMatchObject({ ok: false, unusable: true });
    expect(body.inputs.map((input) => [input.file, input.problems[0]?.code])).toEqual([
      ['no/such/baseline.json', 'PWY_INPUT_UNREADABLE'],
      [malformed, 'PWY_JSON_MALFORMED'],
    ]);
  });

  it('exits 2 when the level above is given out of order', () => {
    const result = runCli(['check', baseline, rangiora, canterbury]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PWY_VARIANT_BASE_MISMATCH');
    expect(result.stderr).toContain('extends nz-canterbury@3.0.0, but follows nz-national-baseline@3.0.0 in the chain');
  });
});

describe('pathways resolve', () => {
  it('prints the resolved template as JSON, with or without --json', () => {
    for (const extra of [[], ['--json']]) {
      const result = runCli(['resolve', baseline, canterbury, rangiora, ...extra]);
      expect(result.status).toBe(0);
      const template = json<{ id: string; kind: string; nodes: { id: string }[] }>(result.stdout);
      expect(template).toMatchObject({ id: 'nz-canterbury-rangiora', kind: 'variant' });
      expect(template.nodes.map((node) => node.id)).toEqual(expect.arrayContaining(['chc/kaupapa-maori-service', 'rga/whanau-hui']));
    }
  });

  it('prints { template, provenance } with --provenance', () => {
    const result = runCli(['resolve', baseline, canterbury, rangiora, '--provenance']);
    expect(result.status).toBe(0);
    const body = json<{ template: { id: string }; provenance: Record<string, unknown> }>(result.stdout);
    expect(body.template.id).toBe('nz-canterbury-rangiora');
    expect(body.provenance['nodes:rga/whanau-hui']).toEqual({ level: 'local', source: 'nz-canterbury-rangiora', change: 1 });
    expect(body.provenance['meetings:daily-triage']).toMatchObject({ level: 'regional', source: 'nz-canterbury' });
  });

  it('exits 1 with the problems on stderr when the chain cannot be resolved, and nothing on stdout', () => {
    const result = runCli(['resolve', baseline, 'examples/variants/invalid/removes-locked-node.json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PWY_REFERENCE_DANGLING at resolved.transitions[5].to');
  });

  it('exits 1 with JSON problems for a chain out of order with --json', () => {
    const result = runCli(['resolve', baseline, rangiora, '--json']);
    expect(result.status).toBe(1);
    const body = json<Unusable>(result.stdout);
    expect(body).toMatchObject({ ok: false, unusable: false });
    expect(body.inputs[0]).toMatchObject({ file: rangiora, problems: [{ code: 'PWY_VARIANT_BASE_MISMATCH', path: ['extends'] }] });
  });

  it('exits 2 for an unreadable file', () => {
    const result = runCli(['resolve', baseline, 'no/such/variant.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PWY_INPUT_UNREADABLE');
  });
});

describe('pathways diff', () => {
  it('compares a baseline with its resolved variant chain, as JSON', () => {
    const result = runCli(['diff', baseline, '--variant', canterbury, '--json']);
    expect(result.status).toBe(0);
    const body = json<{ from: object; to: object; entries: { kind: string; collection: string; id: string }[] }>(result.stdout);
    expect(body.from).toEqual({ id: 'nz-national-baseline', version: '3.0.0' });
    expect(body.to).toEqual({ id: 'nz-canterbury', version: '3.0.0' });
    expect(body.entries).toContainEqual(expect.objectContaining({ kind: 'changed', collection: 'parameters', id: 'firstContactHigh' }));
    expect(body.entries).toContainEqual({ kind: 'added', collection: 'nodes', id: 'chc/kaupapa-maori-service' });
  });

  it('compares two templates and exits 0: differences are not problems', () => {
    const result = runCli(['diff', baseline, proposed]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('nz-national-baseline@3.0.0 → nz-national-baseline@4.0.0');
    expect(result.stdout).toContain('- local-services');
  });

  it('exits 2 for an unusable input or a chain that cannot be resolved', () => {
    expect(runCli(['diff', baseline, 'no/such/template.json']).status).toBe(2);
    const chain = runCli(['diff', baseline, '--variant', rangiora, '--json']);
    expect(chain.status).toBe(2);
    expect(json<Unusable>(chain.stdout)).toMatchObject({ ok: false, unusable: true });
  });

  it('refuses one template without --variant, or two with it', () => {
    for (const args of [['diff', baseline], ['diff', baseline, proposed, '--variant', canterbury]]) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('PWY_CLI_USAGE: arguments: give two templates, or one baseline and --variant');
    }
  });
});

describe('pathways rebase', () => {
  it('exits 1 and reports each change, with the conflicts and their suggestions, as JSON', () => {
    const result = runCli(['rebase', canterbury, '--from', baseline, '--to', proposed, '--json']);
    expect(result.status).toBe(1);
    const body = json<{
      variant: string;
      from: string;
      to: string;
      conflicts: number;
      outcomes: { change: number; status: string; suggestion?: string }[];
      written: string | null;
      rebased: { extends: { id: string; version: string }; changes: unknown[] };
    }>(result.stdout);
    expect(body).toMatchObject({ variant: 'nz-canterbury@3.0.0', from: 'nz-national-baseline@3.0.0', to: 'nz-national-baseline@4.0.0', conflicts: 2, written: null });
    // Counted from the example, which may gain changes; the two conflicts are what 4.0.0 takes away.
    const changes = (JSON.parse(readFileSync(join(repoRoot, canterbury), 'utf8')) as { changes: Record<string, unknown>[] }).changes;
    expect(body.outcomes).toHaveLength(changes.length);
    const conflicts = body.outcomes.filter((o) => o.status === 'conflict');
    expect(conflicts.map((o) => changes[o.change])).toEqual([
      expect.objectContaining({ op: 'setParameter', name: 'firstContactHigh' }),
      expect.objectContaining({ op: 'addFragment', point: 'local-services' }),
    ]);
    expect(conflicts[0]?.suggestion).toContain('PT24H');
    expect(body.rebased.extends).toMatchObject({ id: 'nz-national-baseline', version: '4.0.0' });
    expect(body.rebased.changes).toHaveLength(changes.length);
  });

  it('exits 0 without conflicts and writes the rebased variant with --write', () => {
    const out = join(tempDir(), 'west-coast-2.json');
    const result = runCli(['rebase', westCoast, '--from', baseline, '--to', proposed, '--write', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`to ${out}.`);
    // Written through a temporary file beside it, renamed into place: nothing else is left.
    expect(readdirSync(dirname(out))).toEqual(['west-coast-2.json']);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { kind: string; extends: { version: string } };
    expect(written).toMatchObject({ kind: 'variant', extends: { version: '4.0.0' } });
    // The written variant is a real variant: it checks clean against the new version.
    expect(runCli(['check', proposed, out]).status).toBe(0);
  });

  describe('a --write that fails exits 2 with PWY_OUTPUT_UNWRITABLE and leaves no file behind', () => {
    const rebaseTo = (out: string, ...extra: string[]) => runCli(['rebase', westCoast, '--from', baseline, '--to', proposed, '--write', out, ...extra]);
    /** Files the CLI left in a folder: the output, or its temporary file (`.<name>.<uuid>.tmp`). */
    const leftovers = (folder: string, name: string) => (existsSync(folder) ? readdirSync(folder).filter((entry) => entry === name || entry.startsWith(`.${name}.`)) : []);

    it('into a folder that does not exist', () => {
      const out = join(tmpdir(), `pathways-no-such-folder-${process.pid}-${Date.now()}`, 'west-coast-2.json');
      const result = rebaseTo(out);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('PWY_OUTPUT_UNWRITABLE at (root)');
      expect(result.stderr).toContain(`Cannot write ${out}: the folder does not exist; nothing was written.`);
      expect(existsSync(dirname(out))).toBe(false);
      const json = rebaseTo(out, '--json');
      expect(json.status).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, unusable: true, inputs: [{ file: out, problems: [{ code: 'PWY_OUTPUT_UNWRITABLE', path: [] }] }] });
    });

    // sysfs refuses to create files even for root, so this holds where tests run as root (containers).
    it.runIf(process.platform === 'linux')('into a location that cannot be written', () => {
      const result = rebaseTo('/sys/pathways-west-coast-2.json');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('PWY_OUTPUT_UNWRITABLE');
      expect(result.stderr).toContain('nothing was written');
      expect(leftovers('/sys', 'pathways-west-coast-2.json')).toEqual([]);
    });

    it('onto a folder, after the temporary file was written: it is removed', () => {
      const out = tempDir();
      const result = rebaseTo(out);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`Cannot write ${out}: it is a folder; nothing was written.`);
      expect(readdirSync(out)).toEqual([]);
      expect(leftovers(dirname(out), basename(out))).toEqual([basename(out)]);
    });
  });

  it('exits 2 when --from is not what the variant extends, or a file is unusable', () => {
    const mismatch = runCli(['rebase', rangiora, '--from', baseline, '--to', proposed]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toContain('but --from is nz-national-baseline@3.0.0');
    expect(runCli(['rebase', canterbury, '--from', baseline, '--to', 'no/such.json']).status).toBe(2);
  });

  it('refuses a missing --to or a repeated --from with PWY_CLI_USAGE', () => {
    const missing = runCli(['rebase', canterbury, '--from', baseline]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('PWY_CLI_USAGE: --to:');
    const twice = runCli(['rebase', canterbury, '--from', baseline, '--from', baseline, '--to', proposed]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('--from is given more than once');
  });
});

describe('pathways impact', () => {
  interface ImpactJson {
    proposed: { id: string; version: string };
    affected: number;
    variants: { source: string; status: string; conflicts: unknown[]; problems: unknown[] }[];
    notAssessed: { source: string; extends: string }[];
    skipped: string[];
    unusable: boolean;
    inputs: { file: string }[];
  }

  it('exits 1 when a variant is affected, listing every variant of the folder', () => {
    const result = runCli(['impact', proposed, '--published', baseline, '--variants', 'examples/variants/valid', '--json']);
    expect(result.status).toBe(1);
    const body = json<ImpactJson>(result.stdout);
    expect(body.proposed).toEqual({ id: 'nz-national-baseline', version: '4.0.0' });
    expect(body.affected).toBe(1);
    expect(body.variants.map((v) => [v.source, v.status, v.conflicts.length])).toEqual([
      [canterbury, 'conflicts', 2],
      [westCoast, 'ok', 0],
    ]);
    expect(body.notAssessed).toEqual([
      { source: 'examples/variants/valid/christchurch-sanctuary.json', variant: 'nz-canterbury-christchurch@3.0.0', extends: 'nz-canterbury@3.0.0' },
      { source: rangiora, variant: 'nz-canterbury-rangiora@3.0.0', extends: 'nz-canterbury@3.0.0' },
    ]);
    expect(body).toMatchObject({ skipped: [], unusable: false, inputs: [] });
  });

  it('exits 0 when no variant is affected; --variants takes several files', () => {
    const result = runCli(['impact', proposed, '--published', baseline, '--variants', westCoast, rangiora, '--json']);
    expect(result.status).toBe(0);
    expect(json<ImpactJson>(result.stdout)).toMatchObject({ affected: 0, variants: [{ source: westCoast, status: 'ok' }] });
  });

  it('passes over JSON that is not a variant, but exits 2 for an unusable file while still reporting the rest', () => {
    // The folder holds package.json (not a variant) and broken.json (a truncated variant).
    const dir = `${fixtures}/impact-folder`;
    const result = runCli(['impact', proposed, '--published', baseline, '--variants', dir, westCoast, '--json']);
    expect(result.status).toBe(2);
    const body = json<ImpactJson>(result.stdout);
    expect(body.variants.map((v) => v.status)).toEqual(['ok']);
    expect(body.skipped).toEqual([join(dir, 'package.json')]);
    expect(body.unusable).toBe(true);
    expect(body.inputs.map((input) => input.file)).toEqual([join(dir, 'broken.json')]);
    const human = runCli(['impact', proposed, '--published', baseline, '--variants', dir, westCoast]);
    expect(human.status).toBe(2);
    expect(human.stdout).toContain('INCOMPLETE: 1 file could not be used');
    expect(human.stderr).toContain('PWY_JSON_MALFORMED');
  });

  it('exits 2 when the proposed baseline is unusable', () => {
    const result = runCli(['impact', 'no/such.json', '--published', baseline, '--variants', 'examples/variants/valid', '--json']);
    expect(result.status).toBe(2);
    expect(json<Unusable>(result.stdout).inputs[0]).toMatchObject({ file: 'no/such.json', problems: [{ code: 'PWY_INPUT_UNREADABLE' }] });
  });

  it('refuses a missing --published or --variants with PWY_CLI_USAGE', () => {
    const result = runCli(['impact', proposed, '--variants', 'examples/variants/valid']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PWY_CLI_USAGE: --published:');
  });
});

describe('usage of the variant commands', () => {
  it('refuses options that belong to another command, and too few files', () => {
    for (const [args, message] of [
      [['check', baseline, canterbury, '--provenance'], 'check does not take the option --provenance'],
      [['check', baseline], 'a baseline file and at least one variant file are required'],
      [['resolve'], 'a baseline file and at least one variant file are required'],
    ] as const) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`PWY_CLI_USAGE: ${message}`.replace('PWY_CLI_USAGE: a baseline', 'PWY_CLI_USAGE: arguments: a baseline'));
    }
  });

  it('lists every command in --help', () => {
    const help = runCli(['--help']).stdout;
    for (const name of ['check', 'resolve', 'diff', 'rebase', 'impact']) expect(help).toContain(`pathways ${name} `);
  });
});
