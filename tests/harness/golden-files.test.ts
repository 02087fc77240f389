import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PathwaysError } from '@pathways/core';
import { nzNationalBaseline } from '@pathways/templates';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectGolden, expectScenarioPasses, PathwaysAssertionError, runScenarioFile } from '@pathways/testing';
import { writeGolden } from '@pathways/testing/node';
import { goldenFiles, updateCommand } from './golden/golden-files.js';

// Golden scenario files and golden text: the tests only compare; writing is for update scripts.

const scenarios = dirname(createRequire(import.meta.url).resolve('@pathways/templates/scenarios/incident-retried.json'));
const fixture = (name: string) => new URL(`./fixtures/scenarios/${name}`, import.meta.url);

function failureOf(assertion: () => unknown): Error {
  try {
    assertion();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('It did not throw.');
}

describe('golden scenario files', () => {
  for (const name of readdirSync(scenarios).filter((file) => file.endsWith('.json')).sort()) {
    it(`the baseline's ${name} passes`, () => {
      const report = runScenarioFile(nzNationalBaseline, join(scenarios, name));
      expect(report.file).toBe(join(scenarios, name));
      expectScenarioPasses(report);
    });
  }

  it('expectScenarioPasses lists every unmet expectation by step', () => {
    const report = runScenarioFile(nzNationalBaseline, fixture('unmet-expectations.json'));
    expect(report.passed).toBe(false);
    const error = failureOf(() => expectScenarioPasses(report));
    expect(error).toBeInstanceOf(PathwaysAssertionError);
    expect(error.message).toBe(
      `Expected scenario "Expectations that do not hold" (${fixture('unmet-expectations.json').pathname}) to pass; 4 expectations were not met:\n` +
        '  case (as opened): expected tier high, got none\n' +
        '  step #1 (command referral.received): expected state [triage-listing], got [record-referral]\n' +
        '  step #2 (refused PWY_COMMAND_NOT_ALLOWED: "triage.completed" is not allowed while the case is at record-referral.): the command was refused (PWY_COMMAND_NOT_ALLOWED) but the scenario did not expect it\n' +
        '  step #3 (advance to 2026-05-05T20:35:00.000Z): expected an effect matching {"type":"notify.role","role":"coordinator"}; got [{"type":"escalation.raised","effectId":"case-unmet-0001:2:1","rule":"work-item-overdue","trigger":"workItemOverdue","workItemId":"case-unmet-0001:1:2"},{"type":"notify.role","effectId":"case-unmet-0001:2:2","role":"agency-representative","message":"work-item-overdue"}]',
    );
    expect((error as PathwaysAssertionError).actual).toEqual(report.failures);
  });

  it('a file that is not a scenario cannot run: every problem, with its place', () => {
    const error = failureOf(() => runScenarioFile(nzNationalBaseline, fixture('not-a-scenario.json')));
    expect(error).toBeInstanceOf(PathwaysError);
    expect(error).toMatchObject({ code: 'PWY_SCENARIO_INVALID' });
    expect((error as PathwaysError).problems.map((problem) => problem.path.join('.'))).toEqual(['title', 'case.openedAt', 'steps.0.command.at']);
    expect(error.message).toContain('cannot run: it has 3 problems:\n  - title: PWY_SCENARIO_INVALID ');
    expect(error.message).toContain('  - case.openedAt: PWY_SCENARIO_INVALID The text "yesterday" is not an ISO 8601 instant');
    expect(failureOf(() => runScenarioFile(nzNationalBaseline, fixture('missing.json'))).message).toBe(`There is no scenario file at ${fixture('missing.json').pathname}.`);
  });
});

describe('golden text', () => {
  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'pathways-golden-'));
    folders.push(made);
    return made;
  };
  afterEach(() => {
    for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  for (const golden of goldenFiles) {
    it(`the story matches ${golden.file.pathname.split('/').at(-1)}`, async () => {
      expectGolden(await golden.actual(nzNationalBaseline), golden.file, { update: updateCommand });
    });
  }

  it('names the first line that differs and the update script, and never writes', () => {
    const file = join(folder(), 'story.txt');
    writeFileSync(file, 'open\nsend referral.received\nsend risk.assessed\n');
    const error = failureOf(() => expectGolden('open\nsend referral.received\nsend triage.completed\n', file, { update: 'pnpm golden:update' }));
    expect(error.message).toBe(
      `Expected the text to equal the golden file ${file}; they differ from line 3:\n` +
        '  golden file: "send risk.assessed"\n' +
        '  found:       "send triage.completed"\n' +
        'If the change is intended, run pnpm golden:update, review the diff and commit it; the test never rewrites the file.',
    );
    expect(error).toMatchObject({ expected: 'open\nsend referral.received\nsend risk.assessed\n', actual: 'open\nsend referral.received\nsend triage.completed\n' });
    expect(readFileSync(file, 'utf8')).toBe('open\nsend referral.received\nsend risk.assessed\n');
    expect(failureOf(() => expectGolden('open\n', file)).message).toContain('they differ from line 2:\n  golden file: "send referral.received"\n  found:       ""');
  });

  it('says a missing golden file must be created by the update script, and does not create it', () => {
    const file = join(folder(), 'missing.txt');
    expect(failureOf(() => expectGolden('text', file)).message).toBe(
      `Expected the golden file ${file} to exist; there is none. Tests never write their own expectation: run your golden update script (for example \`pnpm golden:update\`) to create it, review it and commit it.`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('compares Windows line endings as Unix ones', () => {
    const file = join(folder(), 'crlf.txt');
    writeFileSync(file, 'one\r\ntwo\r\n');
    expectGolden('one\ntwo\n', file);
  });

  it('explains itself where there is no file system', () => {
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    expect(() => expectGolden('text', '/golden.txt')).toThrow("expectGolden reads files with Node's fs (Node 20.16 or later); where there is no file system, compare the text with your own copy of the expected text.");
  });

  it('writeGolden (for update scripts) creates folders, writes whole files, and reports only real changes', () => {
    const file = join(folder(), 'nested', 'deeper', 'story.txt');
    expect(writeGolden(file, 'first\n')).toBe(true);
    expect(writeGolden(file, 'first\n')).toBe(false);
    expect(writeGolden(new URL(`file://${file}`), 'second\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(dirname(file))).toEqual(['story.txt']);
    expectGolden('second\n', file);
  });
});
