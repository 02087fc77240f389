// Showing the differences of an open variant from the level it extends, through the designer's
// "Differences" button as the browser tests do: timed in the page until the list and the canvas's
// marks are drawn, then hidden again so every run draws them from a canvas without them.
import type { Page } from 'playwright-core';
import type { DesignFile } from '@pathways/designer/core';
import { measureInPage, type Condition, type ProbeResult } from './probe.js';
import { openFromDisk } from './scenarios.js';

const timeouts = { diff: 30_000 };

/** What the shown differences must include: their count (the list's heading and its last entry), and nodes marked on the canvas. */
export interface ExpectedDiff {
  readonly entries: number;
  /** Added nodes whose "Added" marker must be drawn: the first and the last of the canvas, say. */
  readonly addedNodes: readonly string[];
}

const marked = (node: string) => `[data-testid="node-${node}"] [data-testid="change-marker"]`;

/**
 * Opens `file` from disk (drawn at `drawnNode`, without problems), then shows and hides its
 * differences `warmup + runs` times: from the click on "Differences" until the list has every
 * entry and the canvas marks the added nodes and transitions.
 */
export async function showDifferences(page: Page, file: DesignFile, drawnNode: string, expected: ExpectedDiff, { warmup, runs }: { warmup: number; runs: number }): Promise<ProbeResult[]> {
  await openFromDisk(page, file, drawnNode);
  const drawn: Condition = {
    kind: 'all',
    conditions: [
      { kind: 'text', selector: '[data-testid="diff-panel"] h2', includes: `(${expected.entries} differences)` },
      { kind: 'present', selector: `[data-testid="diff-panel"] li:nth-of-type(${expected.entries})` },
      ...expected.addedNodes.map((node): Condition => ({ kind: 'present', selector: marked(node) })),
      // An edge's mark is a class on its SVG group: watched as an attribute (visible), not a new element.
      { kind: 'present', selector: '.react-flow__edge.pw-edge--added', visible: true },
    ],
  };
  const kept: ProbeResult[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const shown = await measureInPage(page, { label: `differences #${i}`, start: { selector: '[data-testid="show-diff"]', event: 'click' }, until: drawn, timeoutMs: timeouts.diff }, () => page.getByTestId('show-diff').click());
    await page.getByTestId('show-diff').click();
    await page.getByTestId('diff-panel').waitFor({ state: 'detached', timeout: timeouts.diff });
    await page.locator('[data-testid="change-marker"]').first().waitFor({ state: 'detached', timeout: timeouts.diff });
    if (i >= warmup) kept.push(shown);
  }
  return kept;
}
