import { z } from 'zod';
import { governanceField } from './governance.js';
import { deadline } from './parameters.js';
import { practiceSteps } from './practice-steps.js';
import { elementId, labels } from './primitives.js';
import { reportingCode } from './reporting.js';

const nodeBase = {
  /** Unique id of the node across the template. */
  id: elementId.describe('Unique id of the node across the template.'),
  /** The practice step (stage) this activity belongs to. */
  stage: z.enum(practiceSteps).describe('The practice step (stage) this activity belongs to.'),
  /** User-facing name. */
  label: labels.describe('User-facing name.'),
  /** National reporting code, so data returns compare across localities. */
  reportingCode: reportingCode.optional().describe('National reporting code, so data returns compare across localities.'),
  /** Who may change it in a variant; a lock covers the node and its outgoing transitions. */
  governance: governanceField.describe('Who may change it in a variant; a lock covers the node and its outgoing transitions.'),
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
  /** Type of the work item opened (declared under `workItemTypes`); defaults to the node id when none is declared. */
  workItemType: elementId.optional().describe('Type of the work item opened (declared under `workItemTypes`); defaults to the node id when none is declared.'),
  /** Role that owns the work item; defaults to the work-item type's owner role. */
  ownerRole: elementId.optional().describe('Role that owns the work item; defaults to the work-item type\'s owner role.'),
  /** Agency that owns the work item, when fixed. */
  ownerAgency: elementId.optional().describe('Agency that owns the work item, when fixed.'),
  /** When the work item is due: a span from entering the node, or counted from a case fact; defaults to the work-item type's due. */
  due: deadline.optional().describe("When the work item is due: a span from entering the node, or counted from a case fact; defaults to the work-item type's due."),
  /** The meeting series this activity works (for listings): an escalation's listing there is the one it works, not a second one. */
  meeting: elementId.optional().describe("The meeting series this activity works (for listings): an escalation's listing there is the one it works, not a second one."),
});

/** Waits for a time span, then moves on through its `timer.fired` transition. */
export const waitNode = z.strictObject({
  ...nodeBase,
  type: z.literal('wait'),
  /**
   * How long to wait: a span from entering the node (directly or through a parameter), until an
   * instant counted from a case fact, or one period of a meeting series' cadence (until its next
   * sitting, e.g. weekly intensive case management).
   */
  duration: deadline.describe("How long to wait: a span from entering the node, until an instant counted from a case fact, or one period of a meeting series' cadence."),
});

/** Notifies a role, then moves on immediately (transitions without `on`). */
export const notifyNode = z.strictObject({
  ...nodeBase,
  type: z.literal('notify'),
  /** Role to notify. */
  role: elementId.describe('Role to notify.'),
  /** What the notification says. */
  message: labels.describe('What the notification says.'),
});

/** The core node types every installation knows. */
export const coreNodeTypes = ['start', 'end', 'decision', 'humanTask', 'wait', 'notify'] as const;
export type CoreNodeType = (typeof coreNodeTypes)[number];

/** The core node schemas, in the order of `coreNodeTypes`. */
export const coreNodeSchemas = [startNode, endNode, decisionNode, humanTaskNode, waitNode, notifyNode] as const;

/**
 * A node provided by an installed plugin, e.g. `risk-tools/dash` version 1. Its `config` is
 * checked against the plugin's schema for that version.
 */
export type PluginNode = Omit<z.infer<typeof startNode>, 'type'> & {
  /** Plugin node type, `<plugin>/<name>`. */
  readonly type: `${string}/${string}`;
  /** Version of the node type the template is written for. */
  readonly typeVersion: number;
  /** Configuration, validated by the plugin's schema for `typeVersion`. */
  readonly config: Record<string, unknown>;
};

/** The schema of a plugin node of one type; `config` is validated by the plugin's schema. */
export function pluginNodeSchema(type: `${string}/${string}`, versions: readonly number[], config: (version: number) => z.ZodType | undefined = () => undefined) {
  return z
    .strictObject({
      ...nodeBase,
      /** Plugin node type, `<plugin>/<name>`. */
      type: z.literal(type).describe('Plugin node type, `<plugin>/<name>`.'),
      /** Version of the node type the template is written for (integers, like n8n's typeVersion). */
      typeVersion: z.number().int().positive().describe('Version of the node type the template is written for (integers, like n8n\'s typeVersion).'),
      /** Configuration, validated by the plugin's schema for `typeVersion`. */
      config: z.record(z.string(), z.unknown()).default({}).describe('Configuration, validated by the plugin\'s schema for `typeVersion`.'),
    })
    .superRefine((node, ctx) => {
      if (!versions.includes(node.typeVersion)) {
        ctx.addIssue({ code: 'custom', path: ['typeVersion'], message: `is not a version of ${type} the installed plugin provides (${versions.join(', ')})`, params: { pathwaysCode: 'PWY_PLUGIN_NODE_VERSION' } });
        return;
      }
      const schema = config(node.typeVersion);
      if (!schema) return;
      const result = schema.safeParse(node.config);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', path: ['config', ...issue.path], message: `does not fit ${type} version ${node.typeVersion}: ${issue.message}`, params: { pathwaysCode: 'PWY_PLUGIN_CONFIG_INVALID' } });
        }
      }
    });
}

/**
 * A node of some plugin's type, as a variant's fragment writes it: its shape only. Its type,
 * version and configuration are checked against the installed plugins when the resolved template
 * is validated.
 */
export const anyPluginNode = z.strictObject({
  ...nodeBase,
  /** Plugin node type, `<plugin>/<name>`. */
  type: z
    .string()
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[a-z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*$/, { message: 'must be a core node type or a plugin node type such as sanctuary-safety/assessment' })
    .describe('Plugin node type, `<plugin>/<name>`.'),
  typeVersion: z.number().int().positive().describe('Version of the node type the variant is written for.'),
  config: z.record(z.string(), z.unknown()).default({}).describe("Configuration, validated by the plugin's schema for `typeVersion`."),
});

/** Any node of a core type. */
export const pathwayNode = z.discriminatedUnion('type', [...coreNodeSchemas]);
export type CoreNode = z.infer<typeof pathwayNode>;
/** Any node: core, or provided by a plugin. */
export type PathwayNode = CoreNode | PluginNode;
export type HumanTaskNode = z.infer<typeof humanTaskNode>;
export type WaitNode = z.infer<typeof waitNode>;
export type NotifyNode = z.infer<typeof notifyNode>;

/** Node types that move on by themselves; their outgoing transitions have no `on`. */
export const automaticNodeTypes: ReadonlySet<string> = new Set(['decision', 'notify']);
