import { expect } from 'vitest';
import { test } from './designer-test.js';

// Accessibility: a local step can be added, moved and connected with the keyboard alone (React
// Flow does not do this by itself), and locks and problems carry words, not only colour.

test('adds, moves and connects a local step without a mouse', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('start-variant').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('tab-nz-canterbury-draft.json').waitFor();

  // Choose the step in the palette, then "Add here" on the slot.
  await page.getByTestId('palette-kaupapaMaoriService').focus();
  await page.keyboard.press('Enter');
  expect(await page.getByTestId('palette-kaupapaMaoriService').getAttribute('aria-pressed')).toBe('true');
  const addHere = page.getByTestId('slot-local-services').getByRole('button');
  await expect.poll(() => addHere.isEnabled()).toBe(true);
  await addHere.focus();
  await page.keyboard.press('Enter');
  const service = page.getByTestId('node-chc/kaupapa-maori-service');
  await service.waitFor();

  // Select it from the keyboard (React Flow nodes are focusable), move it with the arrow keys.
  const wrapper = service.locator('xpath=ancestor::div[contains(@class, "react-flow__node")][1]');
  const before = await wrapper.getAttribute('style');
  await wrapper.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('selected-node').textContent()).toContain('chc/kaupapa-maori-service');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => wrapper.getAttribute('style')).not.toBe(before);

  // Connect it with the properties panel: a witness appears, in words as well as colour.
  await page.getByTestId('connect-target').focus();
  await page.getByTestId('connect-target').selectOption('closed');
  await page.getByTestId('connect-button').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('problems-panel').textContent()).toContain('PWY_INVARIANT_VIOLATED');
  expect(await page.getByTestId('node-triage-listing').getByTestId('lock-badge').textContent()).toContain('Locked');
  await page.keyboard.press('Control+z');
  await page.getByTestId('no-problems').waitFor();
  expect(designer.consoleErrors).toEqual([]);
});
