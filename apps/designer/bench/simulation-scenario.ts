// Simulating a case in the designer, through the simulation panel's own controls as the browser
// tests do: one command sent with its form, timed in the page until the panel and the canvas show
// where the case went, then stepped back so every run sends it to the case as opened.
import type { Page } from 'playwright-core';
import type { SimulatedCommand } from './documents.js';
import { measureInPage, type Condition, type ProbeResult } from './probe.js';
import { loadDesigner } from './scenarios.js';

const timeouts = { open: 30_000, command: 15_000 };

/** The "Case here" marker of a node on the canvas. */
const caseAt = (node: string) => `[data-testid="node-${node}"] [data-testid="active-marker"]`;

/** The NZ baseline opened from the library and simulated: the case open at `at`. */
async function simulateBaseline(page: Page, at: string): Promise<void> {
  await loadDesigner(page);
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId(`node-${at}`).waitFor({ timeout: timeouts.open });
  await page.getByTestId('no-problems').waitFor({ timeout: timeouts.open });
  await page.getByTestId('simulate').click();
  await page.locator(caseAt(at)).waitFor({ timeout: timeouts.open });
}

/** Chooses the command and fills its form (a form drawn from the payload's schema: labelled by field name). */
async function fillCommand(page: Page, command: SimulatedCommand): Promise<void> {
  await page.getByTestId(`sim-command-${command.type}`).click();
  const form = page.getByTestId('sim-form');
  for (const [name, value] of Object.entries(command.payload)) {
    const field = form.getByLabel(name);
    if (typeof value === 'boolean') {
      await field.setChecked(value);
    } else if ((await field.evaluate((element) => element.tagName)) === 'SELECT') {
      await field.selectOption(value);
    } else {
      await field.fill(value);
    }
  }
}

/**
 * Sends `command` `warmup + runs` times to the case as opened on the NZ baseline: from the click on
 * the form's Apply until the panel lists where the case is and the work it opened, and the canvas
 * marks the case at its new node and no longer at the old one.
 */
export async function sendSimulatedCommand(page: Page, command: SimulatedCommand, { warmup, runs }: { warmup: number; runs: number }): Promise<ProbeResult[]> {
  await simulateBaseline(page, command.from);
  const shown: Condition = {
    kind: 'all',
    conditions: [
      { kind: 'text', selector: '[data-testid="sim-active"]', includes: command.to },
      { kind: 'present', selector: `[data-testid="sim-item-${command.workItem}"]` },
      { kind: 'present', selector: caseAt(command.to) },
      { kind: 'absent', selector: caseAt(command.from) },
    ],
  };
  const kept: ProbeResult[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    await fillCommand(page, command);
    const apply = page.getByTestId('sim-form').getByRole('button', { name: 'Apply' });
    const sent = await measureInPage(page, { label: `${command.type} #${i}`, start: { selector: '[data-testid="sim-form"] button[type="submit"]', event: 'click' }, until: shown, timeoutMs: timeouts.command }, () => apply.click());
    await page.getByTestId('sim-step-back').click();
    await page.locator(caseAt(command.from)).waitFor({ timeout: timeouts.command });
    if (i >= warmup) kept.push(sent);
  }
  return kept;
}
