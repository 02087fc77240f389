import { z } from 'zod';
import { practiceSteps } from './practice-steps.js';
import { elementId, labels } from './primitives.js';
import { timeSpanOrRef } from './parameters.js';

const nodeBase = {
  /** Unique id of the node across the template. */
  id: elementId,
  /** The practice step (stage) this activity belongs to. */
  stage: z.enum(practiceSteps),
  /** User-facing name. */
  label: labels,
};

/** Where every case begins: exactly one, in the recognition stage. */
export const startNode = z.strictObject({ ...nodeBase, type: z.literal('start') });

/** Where a case's flow ends (closure). */
export const endNode = z.strictObject({ ...nodeBase, type: z.literal('end') });

/** Chooses a path immediately, by the guards on its outgoing transitions (no `on`). */
export const decisionNode = z.strictObject({ ...nodeBase, type: z.literal('decision') });

/** Work a person does: entering it opens a work item owned by a role; leaving it closes it. */
export const humanTaskNode = z.strictObject({
  ...nodeBase,
  type: z.literal('humanTask'),
  /** Role that owns the work item (e.g. `coordinator`). */
  ownerRole: elementId,
  /** Kind of work item opened, e.g. `first-contact`. Defaults to the node id. */
  workItemType: elementId.optional(),
  /** When the work item is due, counted from entering the node. */
  due: timeSpanOrRef.optional(),
});

/** Waits for a time span, then moves on through its `timer.fired` transition. */
export const waitNode = z.strictObject({
  ...nodeBase,
  type: z.literal('wait'),
  /** How long to wait, counted from entering the node. */
  duration: timeSpanOrRef,
});

/** Notifies a role, then moves on immediately (transitions without `on`). */
export const notifyNode = z.strictObject({
  ...nodeBase,
  type: z.literal('notify'),
  /** Role to notify. */
  role: elementId,
  /** What the notification says. */
  message: labels,
});

/** The core node types every installation knows. */
export const coreNodeTypes = ['start', 'end', 'decision', 'humanTask', 'wait', 'notify'] as const;
export type CoreNodeType = (typeof coreNodeTypes)[number];

/** Any node of a core type. */
export const pathwayNode = z.discriminatedUnion('type', [
  startNode,
  endNode,
  decisionNode,
  humanTaskNode,
  waitNode,
  notifyNode,
]);
export type PathwayNode = z.infer<typeof pathwayNode>;
export type HumanTaskNode = z.infer<typeof humanTaskNode>;
export type WaitNode = z.infer<typeof waitNode>;
export type NotifyNode = z.infer<typeof notifyNode>;

/** Node types that move on by themselves; their outgoing transitions have no `on`. */
export const automaticNodeTypes: ReadonlySet<string> = new Set(['decision', 'notify']);
