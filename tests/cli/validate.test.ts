import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const fixtures = 'tests/cli/fixtures/validate';

describe('pathways validate', () => {
  it('exits 0 for a valid template', () => {
    const result = runCli(['validate', 'examples/tiny-pathway/tiny-pathway.json']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid (tiny-pathway@0.1.0, 9 nodes)');
  });

  it('exits 1 and lists every problem with code, path and hint', () => {
    const result = runCli(['validate', `${fixtures}/broken-template.json`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('PWY_SEMVER_INVALID at version');
    expect(result.stdout).toContain('PWY_NODE_TYPE_UNKNOWN at nodes[0].type');
    expect(result.stdout).toContain('PWY_SCHEMA_REQUIRED at title');
    expect(result.stdout).toContain('hint:');
  });

  it('exits 2 for input that is not JSON, and prints machine output with --json', () => {
    const result = runCli(['validate', `${fixtures}/empty.json`, '--json']);
    expect(result.status).toBe(2);
    const body = JSON.parse(result.stdout) as { unusable: boolean; problems: { code: string }[] };
    expect(body.unusable).toBe(true);
    expect(body.problems[0]?.code).toBe('PWY_JSON_MALFORMED');
  });
});
