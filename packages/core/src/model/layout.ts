import { z } from 'zod';

const coordinate = z.number().finite().min(-1_000_000).max(1_000_000);

/** Where the designer draws one element: its top-left corner on the canvas. */
export const layoutPosition = z.strictObject({ x: coordinate, y: coordinate });

/** A sticky note or comment on the designer's canvas, readable without opening anything. */
export const layoutNote = z.strictObject({
  id: z.string().min(1).max(100),
  x: coordinate,
  y: coordinate,
  text: z.string().max(2000).describe('The note, in plain words. Never personal data: a pathway is not a case.'),
  author: z.string().max(100).optional(),
});

/**
 * The picture of a pathway: positions the designer saved for its nodes and the notes on its canvas.
 * It is not part of the pathway: kept out of the content hash, the checks, governance, diffs and
 * rebases, so moving a node or writing a note never changes what runs or what must be published.
 */
export const layoutSection = z
  .strictObject({
    nodes: z.record(z.string().min(1).max(200), layoutPosition).default({}).describe('Node positions by node id.'),
    notes: z.array(layoutNote).max(500).default([]).describe('Sticky notes and comments on the canvas.'),
  })
  .describe("The designer's picture of the pathway (node positions, notes): not part of the pathway; kept out of its content hash, checks and governance.");

export type LayoutSection = z.infer<typeof layoutSection>;
export type LayoutNote = z.infer<typeof layoutNote>;
