import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { test } from './designer-test.js';

// A regional hub's session in the real designer, in Chromium: open the national baseline, start a
// Canterbury-style variant, be refused what the national floor forbids, add a local kaupapa Māori
// service at an adjustment point, break a safeguard and see its witness path, undo, add a note,
// save, and reopen the saved file to the same overlay, layout and notes. Fictional throughout.

const transformOf = async (locator: Locator) => (await locator.locator('xpath=ancestor::div[contains(@class, "react-flow__node")][1]').getAttribute('style'))?.match(/translate\(([^)]*)\)/)?.[1];

test("a regional hub tailors the baseline within the national floor, and saves its variant", { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  const triage = page.getByTestId('node-triage-listing');
  await triage.waitFor({ state: 'visible' });
  await expect.poll(() => triage.getByTestId('lock-badge').textContent()).toContain('Locked');
  await designer.screenshot('01-baseline-opened');

  // A Canterbury-style regional variant over the baseline: nothing changed, nothing wrong.
  await page.getByTestId('variant-id').fill('nz-canterbury-draft');
  await page.getByTestId('variant-locality').fill('chc');
  await page.getByTestId('start-variant').click();
  await page.getByTestId('tab-nz-canterbury-draft.json').waitFor();
  await page.getByTestId('no-problems').waitFor();

  // A locked node cannot be deleted: refused, with the national rule named.
  await page.getByTestId('node-triage-listing').click();
  await page.getByTestId('delete-node').click();
  await expect.poll(() => page.getByTestId('refusal').textContent()).toContain('"triage-listing" is locked (Triage listing is a national safeguard');
  await page.getByTestId('node-triage-listing').waitFor();
  await designer.screenshot('02-locked-node-refused');

  // A duration outside its bound is refused; one inside it is taken.
  const firstContact = page.getByTestId('parameter-firstContactHigh');
  await firstContact.locator('input[name="value"]').fill('PT36H');
  await firstContact.getByRole('button', { name: 'Set' }).click();
  await expect.poll(() => page.getByTestId('refusal').textContent()).toContain('PT36H is above the maximum PT24H');
  await firstContact.locator('input[name="value"]').fill('PT12H');
  await firstContact.getByRole('button', { name: 'Set' }).click();
  await page.getByTestId('refusal').waitFor({ state: 'detached' });

  // A local kaupapa Māori service at the local-services adjustment point, without a mouse drag:
  // choose it in the palette, then "Add here" on the slot. It joins the flow; no problems.
  await page.getByTestId('palette-kaupapaMaoriService').click();
  await page.getByTestId('slot-local-services').getByRole('button').click();
  const service = page.getByTestId('node-chc/kaupapa-maori-service');
  await service.waitFor();
  await page.getByTestId('no-problems').waitFor();
  await designer.screenshot('03-local-service-added');

  // Straight to closure: a problem, with the witness path highlighted on the canvas.
  await service.click();
  await page.getByTestId('connect-target').selectOption('closed');
  await page.getByTestId('connect-button').click();
  await expect.poll(() => page.getByTestId('problems-panel').textContent()).toContain('PWY_INVARIANT_VIOLATED');
  await expect.poll(() => page.getByTestId('node-closed').getAttribute('class')).toContain('pw-node--witness');
  await expect.poll(() => page.getByTestId('publish-status').textContent()).toContain('Not publishable yet');
  await designer.screenshot('04-witness-path');

  // One undo takes the connection back.
  await page.getByTestId('undo').click();
  await page.getByTestId('no-problems').waitFor();

  // A note on the canvas, then save.
  await page.getByTestId('add-note').click();
  const note = page.locator('[data-testid^="note-"] textarea').first();
  await note.fill('Check the hui cadence with the hub (fictional).');
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  const serviceAt = await transformOf(service);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
  const saved = await readFile((await download.path())!, 'utf8');
  const json = JSON.parse(saved) as { kind: string; changes: { op: string }[]; layout: { notes: { text: string }[] } };
  expect(json.kind).toBe('variant');
  expect(json.changes.map((c) => c.op)).toEqual(['setParameter', 'addFragment']);
  expect(json.layout.notes.map((n) => n.text)).toEqual(['Check the hui cadence with the hub (fictional).']);

  // Reopened from disk: the same overlay, layout and notes, and still no problems.
  await page.getByTestId('open-file').setInputFiles({ name: 'reopened-canterbury.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await page.getByTestId('tab-reopened-canterbury.json').waitFor();
  await page.getByTestId('no-problems').waitFor();
  const reopenedService = page.getByTestId('node-chc/kaupapa-maori-service');
  await reopenedService.waitFor();
  expect(await transformOf(reopenedService)).toBe(serviceAt);
  await expect.poll(() => page.locator('[data-testid^="note-"] textarea').first().inputValue()).toBe('Check the hui cadence with the hub (fictional).');
  await designer.screenshot('05-reopened');
  expect(designer.consoleErrors).toEqual([]);
});
