// What the bench does in the designer, through its own controls as the browser tests do: open a
// document and draw it, tidy it up, set a parameter. Every time comes from the page (probe.ts).
import type { Page } from 'playwright-core';
import type { DesignFile } from '@pathways/designer/core';
import type { ParameterEdit } from './documents.js';
import { measureInPage, type Condition, type ProbeResult } from './probe.js';

const timeouts = { load: 30_000, open: 30_000, tidyUp: 60_000, edit: 15_000 };

/** How a document is opened: a button of the library, or a file given to the file input. */
export type Opening = { readonly from: 'library'; readonly name: string } | { readonly from: 'disk'; readonly file: DesignFile };

/** One run on a freshly loaded page: open and draw, "Tidy up" (its worker starting), undo, "Tidy up" again. */
export interface OpenRun {
  readonly open: ProbeResult;
  /** The first "Tidy up" of the page: it starts the ELK worker (and loads its script). */
  readonly tidyUp: ProbeResult;
  /** After an undo, the same layout again with the worker running. */
  readonly tidyUpAgain: ProbeResult;
}

const pathwayNodes = '.react-flow__node-pathway';
const titled = (button: string, title: string): Condition => ({ kind: 'attribute', selector: `[data-testid="${button}"]`, name: 'title', equals: title });
/** The tidy-up is one undoable edit; its positions reach the canvas in a render after it. */
const tidiedUp: Condition = { kind: 'all', conditions: [titled('undo', 'tidy up'), { kind: 'moved', selector: pathwayNodes }] };
const undone: Condition = { kind: 'all', conditions: [titled('redo', 'tidy up'), { kind: 'moved', selector: pathwayNodes }] };

/** The designer on a freshly loaded page, its library shown. */
export async function loadDesigner(page: Page): Promise<void> {
  await page.reload({ timeout: timeouts.load });
  await page.getByTestId('library').waitFor({ timeout: timeouts.load });
}

/** Opens a document: from the click (or the file chosen) until `drawnNode` is visible on the canvas and a frame is produced. */
function open(page: Page, opening: Opening, drawnNode: string, label: string): Promise<ProbeResult> {
  const until: Condition = { kind: 'present', selector: `[data-testid="node-${drawnNode}"]`, visible: true };
  if (opening.from === 'library') {
    const button = `open-${opening.name}`;
    return measureInPage(page, { label, start: { selector: `[data-testid="${button}"]`, event: 'click' }, until, timeoutMs: timeouts.open }, () => page.getByTestId(button).click());
  }
  const { file } = opening;
  return measureInPage(page, { label, start: { selector: '[data-testid="open-file"]', event: 'change' }, until, timeoutMs: timeouts.open }, () =>
    page.getByTestId('open-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }),
  );
}

const click = (page: Page, testId: string, label: string, until: Condition) =>
  measureInPage(page, { label, start: { selector: `[data-testid="${testId}"]`, event: 'click' }, until, timeoutMs: timeouts.tidyUp }, () => page.getByTestId(testId).click());

/** `warmup` runs not kept, then `runs` runs, each on a reloaded page. */
export async function openAndTidyUp(page: Page, opening: Opening, drawnNode: string, { warmup, runs }: { warmup: number; runs: number }): Promise<OpenRun[]> {
  const kept: OpenRun[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    await loadDesigner(page);
    const opened = await open(page, opening, drawnNode, `open #${i}`);
    // It opened as it should: without problems (the measurement ended on a drawn node, not on a notice).
    await page.getByTestId('no-problems').waitFor({ timeout: timeouts.open });
    const tidyUp = await click(page, 'tidy-up', `tidy up #${i}`, tidiedUp);
    await click(page, 'undo', `undo #${i}`, undone);
    const tidyUpAgain = await click(page, 'tidy-up', `tidy up again #${i}`, tidiedUp);
    if (i >= warmup) kept.push({ open: opened, tidyUp, tidyUpAgain });
  }
  return kept;
}

/** A variant over the NZ baseline, started with the "New variant" form, with nothing changed yet. */
export async function startVariantOverBaseline(page: Page): Promise<void> {
  await loadDesigner(page);
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('node-intake').waitFor({ timeout: timeouts.open });
  await page.getByTestId('variant-id').fill('nz-bench-draft');
  await page.getByTestId('variant-locality').fill('bch');
  await page.getByTestId('start-variant').click();
  await page.getByTestId('tab-nz-bench-draft.json').waitFor({ timeout: timeouts.open });
  await page.getByTestId('no-problems').waitFor({ timeout: timeouts.open });
}

/** A document opened from disk in baseline mode, drawn, without problems. */
export async function openFromDisk(page: Page, file: DesignFile, drawnNode: string): Promise<void> {
  await loadDesigner(page);
  await page.getByTestId('open-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await page.getByTestId(`node-${drawnNode}`).waitFor({ timeout: timeouts.open });
  await page.getByTestId('no-problems').waitFor({ timeout: timeouts.open });
}

export interface EditRuns {
  /** From the form's submit until the refusal shows the rule that refused the value. */
  readonly outOfBounds: ProbeResult[];
  /**
   * From the submit until the edit is on screen: the refusal gone and the parameter's row drawn
   * again with the value the check resolved (its input is keyed by it), in the same commit as the
   * problems panel.
   */
  readonly inBounds: ProbeResult[];
}

/** Sets the parameter out of bounds, then in bounds, `warmup + runs` times, in the open document. */
export async function editParameter(page: Page, edit: ParameterEdit, { warmup, runs }: { warmup: number; runs: number }): Promise<EditRuns> {
  const row = page.getByTestId(`parameter-${edit.name}`);
  const input = row.locator('input[name="value"]');
  const submit = () => row.getByRole('button', { name: 'Set' }).click();
  const start = { selector: `[data-testid="parameter-${edit.name}"]`, event: 'submit' } as const;
  const outOfBounds: ProbeResult[] = [];
  const inBounds: ProbeResult[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    await input.fill(edit.outOfBounds);
    const refused = await measureInPage(page, { label: `${edit.name} = ${edit.outOfBounds} #${i}`, start, until: { kind: 'text', selector: '[data-testid="refusal"]', includes: edit.refusalIncludes }, timeoutMs: timeouts.edit }, submit);
    const value = edit.inBounds[i % 2]!;
    await input.fill(value);
    const taken = await measureInPage(
      page,
      { label: `${edit.name} = ${value} #${i}`, start, until: { kind: 'all', conditions: [{ kind: 'absent', selector: '[data-testid="refusal"]' }, { kind: 'replaced', selector: `[data-testid="parameter-${edit.name}"] input` }] }, timeoutMs: timeouts.edit },
      submit,
    );
    const shown = await input.inputValue();
    if (shown !== value) throw new Error(`After setting ${edit.name} to ${value}, its row shows ${shown}.`);
    if (i >= warmup) {
      outOfBounds.push(refused);
      inBounds.push(taken);
    }
  }
  return { outOfBounds, inBounds };
}
