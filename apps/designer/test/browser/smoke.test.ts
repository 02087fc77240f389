import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { test } from './designer-test.js';

test('the designer opens with the bundled library and no console errors', async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('pathway-designer').waitFor({ state: 'visible' });
  await page.getByTestId('library').getByText('nz-national-baseline.json').first().waitFor({ state: 'visible' });
  expect(await page.title()).toBe('Pathways designer');

  const png = await readFile(await designer.screenshot('designer-opened'));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(designer.consoleErrors).toEqual([]);
});
