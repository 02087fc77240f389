import { expect } from 'vitest';
import { test } from './designer-test.js';

// A national team setting governance in the designer (baseline mode): an activity locked with the
// reason regional hubs will read, which the publish rules then hold to a major version; a
// parameter's bounds; one undo step each. Variants cannot set governance, so they get no form.

test('a national team locks an activity and bounds a parameter in the baseline; a variant offers no governance form', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  const node = page.getByTestId('node-agree-follow-up');
  await node.waitFor();
  expect(await node.getAttribute('class')).not.toContain('pw-node--locked');
  await node.click();
  const form = page.getByTestId('node-governance');
  await page.getByTestId('node-governance-mode').selectOption('locked');
  await page.getByTestId('node-governance-reason').fill('Follow-up with the whānau is a national safeguard (fictional reason).');
  await page.getByTestId('node-governance-apply').click();
  await expect.poll(() => node.getAttribute('class')).toContain('pw-node--locked');
  expect(await page.getByTestId('selected-node').textContent()).toContain('locked: Follow-up with the whānau is a national safeguard');
  // 3.0.0 is published: any change needs a new version, and a new lock a major one.
  await expect.poll(() => page.getByTestId('problems-panel').textContent()).toMatch(/PWY_VERSION_(BUMP|MAJOR)_REQUIRED/);
  await designer.screenshot('18-national-team-locks-an-activity');
  expect(await form.count()).toBe(1);

  await page.getByTestId('undo').click();
  await expect.poll(() => node.getAttribute('class')).not.toContain('pw-node--locked');

  // A parameter's bounds: what variants may tailor, within what.
  const margin = page.getByTestId('parameter-overdueMargin');
  await margin.locator('summary').click();
  await page.getByTestId('parameter-overdueMargin-governance-mode').selectOption('tailorable');
  await page.getByTestId('parameter-overdueMargin-governance-bounds').fill('{ "value": { "max": "P3D" } }');
  await page.getByTestId('parameter-overdueMargin-governance-apply').click();
  await expect.poll(() => margin.textContent()).toContain('max P3D');
  // Bounds that are not JSON are answered in the form, and nothing changes.
  await page.getByTestId('parameter-overdueMargin-governance-bounds').fill('{ max: 3 days }');
  await page.getByTestId('parameter-overdueMargin-governance-apply').click();
  await expect.poll(() => page.getByTestId('parameter-overdueMargin-governance').getByRole('alert').textContent()).toContain('The bounds are not JSON');
  expect(await margin.textContent()).toContain('max P3D');

  await page.getByTestId('open-canterbury-regional.json').click();
  await page.getByTestId('node-chc/kaupapa-maori-service').click();
  await page.getByTestId('selected-node').waitFor();
  expect(await page.getByTestId('node-governance').count()).toBe(0);
  expect(designer.consoleErrors).toEqual([]);
});
