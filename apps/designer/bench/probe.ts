// The Node side of page-probe.js: what a measurement waits for, installing the probe in every page
// of a context, and one measurement (arm in the page, act through Playwright, read the page's times).
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * What must hold in the DOM for a measurement to end. `present` with `visible` also waits for the
 * element to be visible (React Flow hides a node until it has measured it); `moved` holds when an
 * element matching the selector (keyed by its `data-id`) has another CSS transform than when the
 * measurement was armed; `replaced` when the element matching the selector is not the one seen then.
 */
export type Condition =
  | { readonly kind: 'present'; readonly selector: string; readonly visible?: boolean }
  | { readonly kind: 'absent'; readonly selector: string }
  | { readonly kind: 'text'; readonly selector: string; readonly includes: string }
  | { readonly kind: 'attribute'; readonly selector: string; readonly name: string; readonly equals: string }
  | { readonly kind: 'replaced'; readonly selector: string }
  | { readonly kind: 'moved'; readonly selector: string }
  | { readonly kind: 'all'; readonly conditions: readonly Condition[] };

/** One measurement: from the first `start.event` on (or inside) `start.selector` until `until` holds. */
export interface ProbeSpec {
  /** Also the name of its `performance.mark`s and `performance.measure` in the page. */
  readonly label: string;
  readonly start: { readonly selector: string; readonly event: 'click' | 'change' | 'submit' };
  readonly until: Condition;
  readonly timeoutMs: number;
}

/** Times in milliseconds from the start event, taken in the page with `performance.now()`. */
export interface ProbeResult {
  readonly label: string;
  /** Until the DOM first satisfied the condition (seen by a MutationObserver). */
  readonly domMs: number;
  /** Until the next frame was produced after that (requestAnimationFrame, then a task after it). */
  readonly paintedMs: number;
}

interface ProbeWindow {
  readonly __pathwaysBench: { arm(spec: ProbeSpec): void; result(): Promise<ProbeResult> };
}

const probeScript = readFileSync(new URL('./page-probe.js', import.meta.url), 'utf8');

/** Every page of the context gets the probe before the designer's own scripts run, on each load. */
export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: probeScript });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from the page within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Arms the probe, runs `act` (a Playwright click, file or fill that causes the start event) and
 * returns the page's own times. The page gives up after `spec.timeoutMs`; Node a little later, in
 * case the page stops answering at all.
 */
export async function measureInPage(page: Page, spec: ProbeSpec, act: () => Promise<unknown>): Promise<ProbeResult> {
  // Arrow functions without names: a named one would be wrapped by the TypeScript loader in a
  // helper that does not exist in the page.
  await page.evaluate((armed) => (window as unknown as ProbeWindow).__pathwaysBench.arm(armed), spec);
  await act();
  return within(
    page.evaluate(() => (window as unknown as ProbeWindow).__pathwaysBench.result()),
    spec.timeoutMs + 10_000,
    spec.label,
  );
}
