import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { test } from './designer-test.js';

// Rebasing on the canvas (issue 13, rebase part): Canterbury opened against a proposed baseline
// that locks a value it tailored (the CLI's golden fixture): the conflicts are shown with their
// reasons; dropping them clears the problems; the rebased variant is saved.

test('shows the conflicts of a rebase onto a baseline that locks what the variant changed, and resolves them', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  const proposed = await readFile(new URL('../../../../tests/cli/golden/variants/nz-national-baseline-4.0.0.json', import.meta.url));
  await page.getByTestId('open-file').setInputFiles({ name: 'nz-national-baseline-4.0.0.json', mimeType: 'application/json', buffer: proposed });
  await page.getByTestId('tab-nz-national-baseline-4.0.0.json').waitFor();
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('open-canterbury-regional.json').click();
  await page.getByTestId('node-chc/kaupapa-maori-service').waitFor();

  const onto = page.getByTestId('rebase-onto');
  const value = await onto.locator('option', { hasText: 'open: nz-national-baseline-4.0.0.json' }).getAttribute('value');
  await onto.selectOption(value!);
  await page.getByTestId('rebase').click();
  await page.getByTestId('tab-canterbury-regional-onto-4.0.0.json').waitFor();
  const report = page.getByTestId('rebase-panel');
  await expect.poll(() => report.textContent()).toContain('2 conflicts');
  expect(await report.textContent()).toContain('4.0.0 locks "firstContactHigh"');
  await expect.poll(() => page.getByTestId('problems-panel').textContent()).toContain('PWY_VARIANT_LOCKED');
  await designer.screenshot('11-rebase-conflicts');

  // Dropped in the order listed: the report renumbers the later change (#9 becomes #8).
  await page.getByTestId('drop-change-2').click();
  await page.getByTestId('drop-change-7').click();
  await page.getByTestId('no-problems').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as { extends: { version: string }; changes: { op: string }[] };
  expect(saved.extends.version).toBe('4.0.0');
  expect(saved.changes.map((c) => c.op)).not.toContain('addFragment');
  expect(designer.consoleErrors).toEqual([]);
});
