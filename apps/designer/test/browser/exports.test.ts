import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { test } from './designer-test.js';

// Sharing with partner agencies: the pathway exported as SVG and PNG, and the printable handout as
// a PDF, each with the lock badges and the edges exactly as on screen (html-to-image is known to
// drop React Flow's edges in Chrome: the PNG's pixels are counted to prove they are there).

// The exported files are kept as artifacts for people to look at (never read back or compared: the
// assertions are on what was downloaded, above each write).
const artifacts = fileURLToPath(new URL('../artifacts', import.meta.url));

test('exports the pathway as SVG, PNG and a printable PDF handout, locks and edges included', { timeout: 90_000 }, async ({ designer }) => {
  const { page } = designer;
  await page.getByTestId('open-nz-national-baseline.json').click();
  await page.getByTestId('open-canterbury-regional.json').click();
  await page.getByTestId('node-chc/kaupapa-maori-service').waitFor();

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  expect(svgDownload.suggestedFilename()).toBe('canterbury-regional.svg');
  const saved = await readFile((await svgDownload.path())!, 'utf8');
  const svg = saved.startsWith('data:') ? decodeURIComponent(saved.slice(saved.indexOf(',') + 1)) : saved;
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.match(/pw-badge--lock/g)?.length ?? 0).toBeGreaterThan(20);
  expect(svg).toContain('Locked');
  expect(svg.match(/react-flow__edge-path/g)?.length ?? 0).toBeGreaterThan(60);
  expect(svg).toContain('Offer the kaupapa Māori service');

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(pngDownload.suggestedFilename()).toBe('canterbury-regional.png');
  const png = await readFile((await pngDownload.path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  await writeFile(join(artifacts, 'export-canterbury.png'), png);
  // Count, in the browser, the pixels of the transitions' teal stroke and of the lock badges'
  // amber: colours used for nothing else, so an export that drops the edges (as html-to-image
  // after 1.11.11 does in Chrome) or the badges fails here.
  const counts = await page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const near = (i: number, [r, g, b]: number[]) => Math.abs(data[i]! - r!) < 24 && Math.abs(data[i + 1]! - g!) < 24 && Math.abs(data[i + 2]! - b!) < 24;
    let edges = 0;
    let locks = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [0, 137, 123])) edges += 1;
      if (near(i, [255, 224, 138])) locks += 1;
    }
    return { edges, locks, width: image.width, height: image.height };
  }, `data:image/png;base64,${png.toString('base64')}`);
  expect(counts.width).toBe(2400);
  expect(counts.edges).toBeGreaterThan(2000);
  expect(counts.locks).toBeGreaterThan(2000);

  // The handout: printed to PDF, with its title block, the picture, the steps and the legend.
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByTestId('print-handout').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  await page.emulateMedia({ media: 'print' });
  const handout = page.getByTestId('handout');
  await handout.waitFor({ state: 'visible' });
  expect(await page.getByTestId('handout-picture').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2400);
  const text = (await handout.textContent()) ?? '';
  for (const expected of ['Canterbury', 'Version3.0.0', 'passes: every national safeguard holds', 'Locked', 'Legend', 'Offer the kaupapa Māori service']) expect(text).toContain(expected);
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  expect(pdf.length).toBeGreaterThan(50_000);
  await writeFile(join(artifacts, 'handout-canterbury.pdf'), pdf);
  await designer.screenshot('06-handout-print');
  await page.emulateMedia({ media: 'screen' });

  // The interface in te reo Māori where labels exist; English where none is given.
  await page.getByTestId('language').selectOption('mi');
  await expect.poll(() => page.getByTestId('node-chc/kaupapa-maori-service').textContent()).toContain('Tuku ratonga kaupapa Māori');
  expect(await page.getByTestId('save').textContent()).toContain('Tiaki');
  expect(await page.getByTestId('node-triage-listing').getByTestId('lock-badge').textContent()).toContain('Kua rakaina');
  await designer.screenshot('07-te-reo-maori');
  expect(designer.consoleErrors).toEqual([]);
});
