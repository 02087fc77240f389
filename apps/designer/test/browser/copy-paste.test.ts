import { expect } from 'vitest';
import { test } from './designer-test.js';

// Copy and paste between open documents: Canterbury's local kaupapa Māori service pasted into a
// new regional variant, at an adjustment point, renamed into that region's namespace.

test('copies a local service from one variant and pastes it into another at an adjustment point', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('open-canterbury-regional.json').click();
  await page.getByTestId('node-chc/kaupapa-maori-service').click();
  await page.getByTestId('copy').click();
  await page.getByTestId('tab-nz-national-baseline.json').click();
  await page.getByTestId('variant-id').fill('nz-otago-draft');
  await page.getByTestId('variant-locality').fill('otg');
  await page.getByTestId('start-variant').click();
  await page.getByTestId('tab-nz-otago-draft.json').waitFor();
  await page.getByTestId('clipboard').click();
  await page.getByTestId('slot-local-services').getByRole('button').click();
  await page.getByTestId('node-otg/kaupapa-maori-service').waitFor();
  await page.getByTestId('no-problems').waitFor();
  // One paste, one undo step.
  await page.getByTestId('undo').click();
  await page.getByTestId('node-otg/kaupapa-maori-service').waitFor({ state: 'detached' });
  expect(designer.consoleErrors).toEqual([]);
});
