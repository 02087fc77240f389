// `test` for browser tests: the built designer served by server.mjs on a free port of 127.0.0.1,
// one Chromium per test file, and for each test a fresh page on the designer with its console
// errors collected and a way to save screenshots as test artifacts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { test as base } from 'vitest';
import { startServer } from '../../server.mjs';
import { launchChromium } from './chromium.js';

const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));

/** A page showing the designer, and what the test may check or keep of it. */
export interface DesignerPage {
  readonly page: Page;
  /** Messages the page logged as errors, and errors it did not catch, in order. */
  readonly consoleErrors: readonly string[];
  /** Saves a full-page PNG as test/artifacts/<name>.png and returns its path. A failing test saves `failed-<test name>.png` by itself. */
  screenshot(name: string): Promise<string>;
}

export const test = base
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern; this one has none
  .extend('server', { scope: 'file' }, async ({}, { onCleanup }) => {
    const server = await startServer({ host: '127.0.0.1', port: 0 });
    onCleanup(() => server.close());
    return server;
  })
  // eslint-disable-next-line no-empty-pattern -- as above
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('designer', async ({ server, browser, task }, { onCleanup }): Promise<DesignerPage> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const designer: DesignerPage = {
      page,
      consoleErrors,
      async screenshot(name) {
        await mkdir(artifactsDir, { recursive: true });
        const path = join(artifactsDir, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
    };
    onCleanup(async () => {
      try {
        // What the page showed when a test failed is the first thing to look at.
        if (task.result?.state === 'fail') await designer.screenshot(`failed-${task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
      } finally {
        await context.close();
      }
    });
    await page.goto(server.url);
    return designer;
  });
