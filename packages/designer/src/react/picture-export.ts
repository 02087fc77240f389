import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

// html-to-image is pinned at 1.11.11: later versions drop React Flow's edges when drawing in
// Chrome (apps/designer/test/browser/exports.test.ts counts the edges' pixels and fails on them).

/** The whole pathway as a picture: every node and edge, whatever part of the canvas is on screen. */
export interface PictureOptions {
  readonly nodes: readonly Node[];
  /** The canvas element (`.react-flow`), whose viewport is drawn. */
  readonly canvas: HTMLElement;
  readonly width?: number;
  readonly height?: number;
}

/**
 * Draws the viewport at the transform that fits every node (React Flow's own recipe), so the
 * export shows the whole pathway with its lock badges, provenance, problem markers and edges
 * exactly as styled on screen. The minimap, controls and attribution are left out.
 */
function pictureArguments({ nodes, canvas, width = 2400, height = 1400 }: PictureOptions) {
  const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not drawn yet.');
  const bounds = getNodesBounds([...nodes]);
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 0.1, 2, 0.05);
  return [viewport, { backgroundColor: '#ffffff', width, height, style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` } }] as const;
}

export async function pathwayPng(options: PictureOptions): Promise<string> {
  return toPng(...pictureArguments(options));
}

export async function pathwaySvg(options: PictureOptions): Promise<string> {
  return toSvg(...pictureArguments(options));
}

/** Saves a data URL (or text) as a file the browser downloads. */
export function downloadFile(name: string, content: string, type = 'application/json'): void {
  const url = content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
