import { expect } from 'vitest';
import { test } from './designer-test.js';

// The simulator sending its run to Stately's inspector (issue 13, Done means 2). The inspector's
// page cannot be reached from here, so the browser is given a stand-in at its address: a page that
// says it is ready, as Stately's does, and keeps every inspection event it is sent, with the
// origin it came from.

const standIn = `<!doctype html><html><head><title>Inspector stand-in</title></head><body><h1>Inspector stand-in</h1><ol id="events"></ol><script>
  window.received = [];
  addEventListener('message', (message) => {
    if (!message.data || typeof message.data._version !== 'string') return;
    window.received.push({ origin: message.origin, event: message.data });
    const item = document.createElement('li');
    item.textContent = message.data.type + ' ' + (message.data.event ? message.data.event.type : '');
    document.getElementById('events').append(item);
  });
  opener.postMessage({ type: '@statelyai.connected' }, '*');
</script></body></html>`;

interface Seen {
  readonly origin: string;
  readonly event: { readonly type: string; readonly sessionId: string; readonly definition?: string; readonly event?: { readonly type: string }; readonly snapshot?: { readonly context?: { readonly tier?: string | null } } };
}

test("sends the simulated case to Stately's inspector: the run so far, each command, a step back; stops on request", { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.context().route('https://stately.ai/inspect', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: standIn }));
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('node-intake').waitFor();
  await page.getByTestId('simulate').click();
  await page.getByTestId('simulation').waitFor();

  const [inspector] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('sim-inspect').click()]);
  await inspector.waitForLoadState();
  const seen = () => inspector.evaluate(() => (window as unknown as { received: Seen[] }).received);
  await expect.poll(async () => (await seen()).length).toBeGreaterThan(0);
  const [opened] = await seen();
  expect(opened!.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(opened!.event).toMatchObject({ type: '@xstate.actor', sessionId: 'case-simulated-0001' });
  expect(JSON.parse(opened!.event.definition!)).toMatchObject({ id: 'case', type: 'parallel' });
  await expect.poll(() => page.getByTestId('sim-inspecting').textContent()).toContain('Sending this run to the inspector');

  await page.getByTestId('sim-command-risk.assessed').click();
  await page.getByTestId('sim-form').getByLabel('personId').fill('person-aroha');
  await page.getByTestId('sim-form').getByLabel('level').selectOption('high');
  await page.getByTestId('sim-form').getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('high');
  await expect.poll(async () => (await seen()).some((entry) => entry.event.type === '@xstate.event' && entry.event.event?.type === 'risk.assessed')).toBe(true);
  const afterCommand = (await seen()).filter((entry) => entry.event.type === '@xstate.snapshot').at(-1)!;
  expect(afterCommand.event.event?.type).toBe('risk.assessed');
  expect(afterCommand.event.snapshot?.context?.tier).toBe('high');
  await page.getByTestId('sim-inspecting').scrollIntoViewIfNeeded();
  await designer.screenshot('15-simulation-inspector');
  await inspector.screenshot({ path: new URL('../artifacts/15-simulation-inspector-window.png', import.meta.url).pathname });

  await page.getByTestId('sim-step-back').click();
  await expect.poll(() => page.getByTestId('sim-tier').textContent()).toBe('not assessed');
  await expect.poll(async () => (await seen()).at(-1)?.event.event?.type).toBe('simulation.steppedBack');
  expect((await seen()).at(-1)!.event.snapshot?.context?.tier ?? null).toBeNull();

  await page.getByTestId('sim-inspect-stop').click();
  await expect.poll(() => inspector.isClosed()).toBe(true);
  await page.getByTestId('sim-inspect').waitFor();
  expect(designer.consoleErrors).toEqual([]);
});
