import { readFile } from 'node:fs/promises';
import { parseScenario, parseTemplate, resolve, runScenario, type AssessmentRecorded, type Scenario } from '@pathways/core';
import { dashItems, dashStalkingItems } from '@pathways/plugin-risk-tools';
import { nzBaselinePlugins, nzNationalBaseline } from '@pathways/templates';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { test } from './designer-test.js';

// Simulating on the canvas (issue 13, first part): a fictional case on the Canterbury variant,
// run on the real engine with the real plugins and a fake clock, to high risk; the advocate's first
// contact due in Canterbury's 12 hours, shown in Pacific/Auckland time; the clock advanced past it
// and the overdue escalation seen; the run saved as a scenario that the CLI's runner passes.

/** Records a fictional victim-survivor's risk as high with the simulator's "risk.assessed" form. */
async function assessHigh(page: Page): Promise<void> {
  await page.getByTestId('sim-command-risk.assessed').click();
  await page.getByTestId('sim-form').getByLabel('personId').fill('person-aroha');
  await page.getByTestId('sim-form').getByLabel('level').selectOption('high');
  await page.getByTestId('sim-form').getByRole('button', { name: 'Apply' }).click();
}

test('simulates a case to high risk on Canterbury, sees the overdue escalation, and saves the run as a scenario', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('open-canterbury-regional.json').click();
  await page.getByTestId('node-chc/kaupapa-maori-service').waitFor();
  await page.getByTestId('simulate').click();
  await page.getByTestId('simulation').waitFor();
  await expect.poll(() => page.getByTestId('node-intake').getAttribute('class')).toContain('pw-node--active');

  await assessHigh(page);
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('high');
  const firstContact = page.getByTestId('sim-item-first-contact');
  await expect.poll(() => firstContact.textContent()).toContain('specialist-victim-advocate');
  // Sent one minute after the referral (08:31 on 4 May in Auckland): due 12 hours later, in Auckland time.
  expect(await firstContact.textContent()).toContain('8:31');
  expect(await firstContact.textContent()).toMatch(/pm/i);
  await designer.screenshot('08-simulation-high-risk');

  await page.getByTestId('sim-advance-to').fill('2026-05-04T20:40:00+12:00');
  await page.getByTestId('sim-advance').click();
  await expect.poll(() => page.getByTestId('sim-trace').textContent()).toContain('escalation work-item-overdue');
  await expect.poll(() => firstContact.textContent()).toContain('overdue');
  await designer.screenshot('09-simulation-overdue');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sim-save').click()]);
  const scenario = parseScenario(await readFile((await download.path())!, 'utf8'));
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.problems));
  const canterbury = JSON.parse(await readFile(new URL('../../../../examples/variants/valid/canterbury-regional.json', import.meta.url), 'utf8')) as unknown;
  const resolved = resolve(nzNationalBaseline, [canterbury], { plugins: nzBaselinePlugins });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  const pathway = parseTemplate(resolved.template, { plugins: nzBaselinePlugins });
  if (!pathway.ok) throw new Error('parse');
  expect(runScenario(pathway.template, scenario.scenario).failures).toEqual([]);
  expect(designer.consoleErrors).toEqual([]);
});

test("simulates a case to high risk on a regional variant that keeps the national 24 hours: the advocate's first contact due the next morning, Auckland time, then overdue", { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('open-west-coast-rural.json').click();
  await page.getByTestId('simulate').click();
  await page.getByTestId('simulation').waitFor();
  await assessHigh(page);
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('high');
  const firstContact = page.getByTestId('sim-item-first-contact');
  await expect.poll(() => firstContact.textContent()).toContain('specialist-victim-advocate');
  // Assessed at 08:31 on 4 May in Auckland (NZST, +12:00): due 24 hours later, 08:31 on 5 May.
  expect(await page.getByTestId('sim-work-items').textContent()).toContain('Due (Pacific/Auckland)');
  expect(await firstContact.textContent()).toContain('5 May 2026, 8:31 am');

  // One minute before: not yet overdue, no escalation. One minute after: overdue, and escalated.
  await page.getByTestId('sim-advance-to').fill('2026-05-05T08:30:00+12:00');
  await page.getByTestId('sim-advance').click();
  await expect.poll(() => page.getByTestId('sim-clock').textContent()).toContain('5 May 2026, 8:30 am');
  expect(await firstContact.textContent()).not.toContain('overdue');
  expect(await page.getByTestId('sim-trace').textContent()).not.toContain('escalation work-item-overdue');
  await page.getByTestId('sim-advance-to').fill('2026-05-05T08:32:00+12:00');
  await page.getByTestId('sim-advance').click();
  await expect.poll(() => firstContact.textContent()).toContain('overdue');
  expect(await page.getByTestId('sim-trace').textContent()).toContain('escalation work-item-overdue');
  expect(designer.consoleErrors).toEqual([]);
});

test('walks through a saved scenario step by step, pausing at its notes', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('node-intake').waitFor();
  await page.getByTestId('simulate').click();
  const scenario = await readFile(new URL('../../../../packages/templates/scenarios/dash-14-visible-high-risk.json', import.meta.url));
  await page.getByTestId('sim-walk-open').setInputFiles({ name: 'dash-14-visible-high-risk.json', mimeType: 'application/json', buffer: scenario });
  const walk = page.getByTestId('sim-walk');
  await expect.poll(() => walk.textContent()).toContain('step 0 of 7');
  await page.getByTestId('sim-walk-next').click();
  await expect.poll(() => walk.textContent()).toContain('step 1 of 7');
  await page.getByTestId('sim-walk-play').click();
  await expect.poll(() => page.getByTestId('sim-walk-note').textContent()).toContain('Thirteen plain yes answers and stalking: 14, visible high risk');
  expect(await walk.textContent()).toContain('step 4 of 7');
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('high');
  await designer.screenshot('12-walk-through');

  // A file that is not a scenario: the message says what, where and how to fix; the walk-through stays.
  const broken = JSON.parse(scenario.toString('utf8')) as { steps: { command: { at: unknown } }[] };
  broken.steps[2]!.command.at = 'next Tuesday';
  await page.getByTestId('sim-walk-open').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect.poll(() => page.getByTestId('sim-message').textContent()).toContain('broken.json: PWY_SCENARIO_INVALID at steps[2].command.at: The text "next Tuesday" is not an ISO 8601 instant');
  expect(await page.getByTestId('sim-message').textContent()).toContain('Fix: ');
  expect(await walk.textContent()).toContain('step 4 of 7');
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('high');
  expect(designer.consoleErrors).toEqual([]);
});

/** The NZ baseline simulated, with the Dash-style checklist chosen in "Record a completed risk tool". */
async function dashQuestionnaire(page: Page): Promise<Locator> {
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('node-intake').waitFor();
  await page.getByTestId('simulate').click();
  await page.getByTestId('sim-command-riskTool.completed').click();
  await page.getByTestId('sim-risk-tool').selectOption('risk-tools/dash');
  return page.getByTestId('sim-risk-form');
}

test('answers a risk tool questionnaire in the simulator and sees the score and band', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  const form = await dashQuestionnaire(page);
  // Topic labels only (never licensed wording): fourteen yes answers, visible high risk.
  const plain = Object.keys(dashItems).filter((code) => code !== 'stalking' && code !== 'othersThreatening');
  for (const [index, code] of Object.keys(dashItems).entries()) {
    await form.locator(`#answers-${code}`).selectOption(plain.indexOf(code) >= 0 && plain.indexOf(code) < 14 ? 'yes' : 'no');
    if (index === 0) expect(await form.locator(`label[for="answers-${code}"]`).textContent()).toBe('Current injuries *');
  }
  // Stalking and othersThreatening are no: neither follow-up set is asked, so none is drawn.
  expect(await form.locator('fieldset').count()).toBe(0);
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => page.getByTestId('sim-message').textContent()).toBe('Scored 14: high → level high');
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('high');
  await designer.screenshot('13-risk-tool-in-simulation');
  expect(designer.consoleErrors).toEqual([]);
});

test('answers the stalking follow-up set the Dash-style checklist asks when stalking is yes: recorded with the assessment, not counted', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  const form = await dashQuestionnaire(page);
  // Thirteen plain yes answers and stalking: 14, visible high risk; othersThreatening no.
  const plain = Object.keys(dashItems).filter((code) => code !== 'stalking' && code !== 'othersThreatening');
  for (const code of Object.keys(dashItems)) await form.locator(`#answers-${code}`).selectOption(plain.indexOf(code) >= 0 && plain.indexOf(code) < 13 ? 'yes' : 'no');
  const stalkingSet = form.getByTestId('answers-stalkingFollowUp');
  // With the trigger no, no follow-up field is drawn.
  expect(await form.locator('fieldset').count()).toBe(0);
  expect(await form.locator('[id^="answers-stalkingFollowUp-"]').count()).toBe(0);

  await form.locator('#answers-stalking').selectOption('yes');
  await stalkingSet.waitFor();
  expect(await stalkingSet.locator('legend').textContent()).toBe('Stalking follow-up set *');
  expect(await stalkingSet.locator('label').allTextContents()).toEqual(Object.values(dashStalkingItems).map((topic) => `${topic} *`));
  expect(await form.getByTestId('answers-honourBasedFollowUp').count()).toBe(0);
  // Asked and unanswered: the tool's message at the set, and nothing recorded.
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => stalkingSet.getByRole('alert').textContent()).toContain('required when stalking is yes: answer its 11 topics');
  expect(await page.getByTestId('sim-tier').textContent()).toBe('not assessed');

  // Every topic yes: 11 answers that deepen the picture but must not add to the count.
  const topics = Object.keys(dashStalkingItems);
  for (const code of topics) await stalkingSet.locator(`#answers-stalkingFollowUp-${code}`).selectOption('yes');
  expect(await stalkingSet.getByRole('alert').count()).toBe(0);
  await stalkingSet.scrollIntoViewIfNeeded();
  await designer.screenshot('14-risk-tool-follow-up-set');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => page.getByTestId('sim-message').textContent()).toBe('Scored 14: high → level high');
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('high');

  // The saved run holds the set as answered, and replayed on the engine the assessment records it with the same score.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sim-save').click()]);
  const saved = parseScenario(await readFile((await download.path())!, 'utf8'));
  if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
  const everyYes = Object.fromEntries(topics.map((code) => [code, 'yes']));
  const command = saved.scenario.steps.flatMap((step) => ('command' in step && step.command.type === 'riskTool.completed' ? [step.command] : []));
  expect(command).toHaveLength(1);
  expect(command[0]!.payload).toMatchObject({ tool: 'risk-tools/dash', answers: { stalking: 'yes', othersThreatening: 'no', stalkingFollowUp: everyYes } });
  expect(command[0]!.payload.answers).not.toHaveProperty('honourBasedFollowUp');
  const assessed = (scenario: Scenario) => {
    const report = runScenario(nzNationalBaseline, scenario, { plugins: nzBaselinePlugins });
    expect(report.failures).toEqual([]);
    return report.trace.flatMap((entry) => entry.effects).find((effect): effect is AssessmentRecorded => effect.type === 'assessment.recorded');
  };
  expect(assessed(saved.scenario)).toMatchObject({ tool: 'risk-tools/dash', score: 14, level: 'high', answers: { stalkingFollowUp: everyYes } });
  // The same run with every topic no: the same score, so the set was recorded and not counted.
  const everyNo = structuredClone(saved.scenario);
  for (const step of everyNo.steps) if ('command' in step && step.command.type === 'riskTool.completed') (step.command.payload.answers as Record<string, unknown>).stalkingFollowUp = Object.fromEntries(topics.map((code) => [code, 'no']));
  expect(assessed(everyNo)).toMatchObject({ score: 14, level: 'high' });
  expect(designer.consoleErrors).toEqual([]);
});
