import { expect } from 'vitest';
import { test } from './designer-test.js';

// What changed, in pictures (issue 13, diff part): Canterbury against the baseline it extends,
// marked on the canvas and listed as `pathways diff` lists it, and carried into the handout.

test("shows Canterbury's differences from the baseline on the canvas, in a list and in the handout", { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('open-canterbury-regional.json').click();
  await page.getByTestId('node-chc/kaupapa-maori-service').waitFor();
  await page.getByTestId('show-diff').click();
  const panel = page.getByTestId('diff-panel');
  await panel.waitFor();
  expect(await panel.textContent()).toContain('nz-national-baseline@3.0.0 → nz-canterbury@3.0.0');
  expect(await panel.textContent()).toContain('+ added nodes chc/kaupapa-maori-service');
  expect(await panel.textContent()).toContain('~ changed parameters firstContactHigh');
  await expect.poll(() => page.getByTestId('node-chc/kaupapa-maori-service').getAttribute('class')).toContain('pw-node--added');
  expect(await page.getByTestId('node-chc/kaupapa-maori-service').getByTestId('change-marker').textContent()).toBe('Added');
  expect(await page.getByTestId('node-triage-listing').getAttribute('class')).not.toContain('pw-node--added');
  await designer.screenshot('10-differences');

  // A difference chosen in the list selects its activity, and it stays selected (React Flow's own
  // empty selection, reported after each render, once replaced it at once).
  await panel.getByRole('button', { name: /chc\/kaupapa-maori-service/ }).first().click();
  await expect.poll(() => page.getByTestId('selected-node').textContent()).toContain('chc/kaupapa-maori-service');
  await page.waitForTimeout(300);
  expect(await page.getByTestId('selected-node').textContent()).toContain('chc/kaupapa-maori-service');

  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('print-handout').click();
  await page.emulateMedia({ media: 'print' });
  await expect.poll(() => page.getByTestId('handout-diff').textContent()).toContain('chc/kaupapa-maori-service');
  await page.emulateMedia({ media: 'screen' });

  // Any two versions: Canterbury against another regional variant, then back to what it builds on.
  await page.getByTestId('compare-with').selectOption('file:west-coast-rural.json');
  await expect.poll(() => panel.textContent()).toContain('nz-west-coast@3.0.0 → nz-canterbury@3.0.0');
  expect(await panel.textContent()).toContain('+ added nodes chc/kaupapa-maori-service');
  // West Coast tailored the triage cadence; Canterbury keeps the national one.
  expect(await panel.textContent()).toContain('~ changed parameters triageCadence');
  await designer.screenshot('16-compare-with-another-variant');
  await page.getByTestId('compare-with').selectOption('');
  await expect.poll(() => panel.textContent()).toContain('nz-national-baseline@3.0.0 → nz-canterbury@3.0.0');

  // Side by side: the baseline on its own canvas (read-only), Canterbury beside it.
  await page.getByTestId('side-by-side').check();
  const before = page.getByTestId('canvas-before');
  await before.getByTestId('node-triage-listing').waitFor();
  expect(await page.getByTestId('side-by-side-view').textContent()).toContain('Before: nz-national-baseline@3.0.0');
  expect(await page.getByTestId('side-by-side-view').textContent()).toContain('After: nz-canterbury@3.0.0');
  expect(await before.getByTestId('node-chc/kaupapa-maori-service').count()).toBe(0);
  expect(await page.getByTestId('canvas').getByTestId('node-chc/kaupapa-maori-service').getAttribute('class')).toContain('pw-node--added');
  // Zoomed on the document's canvas, the version compared with follows.
  const transform = (canvas: string) => page.getByTestId(canvas).locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
  await page.getByTestId('canvas').locator('.react-flow__controls-zoomout').click();
  await expect.poll(async () => [await transform('canvas-before'), await transform('canvas')]).toSatisfy(([before, after]) => before === after);
  await designer.screenshot('17-side-by-side');
  await page.getByTestId('side-by-side').uncheck();
  await expect.poll(() => page.getByTestId('canvas-before').count()).toBe(0);
  expect(designer.consoleErrors).toEqual([]);
});
