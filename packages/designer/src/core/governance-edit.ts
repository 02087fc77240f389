import { governance as governanceSchema, type Governance } from '@pathways/core';
import type { DesignDocument, JsonObject } from './design-document.js';
import { judgeEdit, type EditResult } from './edits.js';

/** What a national team governs in the designer: an activity, or a parameter. */
export type GovernedCollection = 'nodes' | 'parameters';

type Obj = Record<string, unknown>;

/**
 * Sets who may change an element in a variant (baseline mode only): locked with the safeguard's
 * reason, tailorable within bounds, or free; and what a variant's own elements may do to it
 * (`localEffects`). `undefined` makes it free. The value is read with the template's own governance
 * schema, and the result judged like every edit: the template's checks and, against the last
 * published version, the publish rules (loosening a lock is a breaking change).
 */
export function setGovernance(document: DesignDocument, collection: GovernedCollection, id: string, value: Governance | undefined): EditResult {
  if (document.kind === 'variant') {
    return {
      ok: false,
      refusal: {
        code: 'PWY_VARIANT_UNLOCK',
        message: `A variant cannot set the governance of "${id}": governance belongs to the level that owns the element (the national team, in the baseline).`,
        hint: 'Open the baseline to change its governance; in a variant, tailor within the bounds it sets.',
      },
    };
  }
  let checked: Governance | undefined;
  if (value !== undefined) {
    const parsed = governanceSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return { ok: false, refusal: { code: 'PWY_SCHEMA_INVALID_VALUE', message: `The governance of "${id}" is not valid${where}: ${issue.message}.`, hint: 'Choose locked (with its reason), tailorable (with the bounds of each field a variant may change) or free.' } };
    }
    checked = parsed.data;
  }
  const withGovernance = (element: Obj): Obj => {
    const { governance: _old, ...rest } = element;
    return checked ? { ...rest, governance: checked } : rest;
  };
  if (collection === 'parameters') {
    const parameters = (document.json.parameters ?? {}) as Obj;
    const current = parameters[id] as Obj | undefined;
    if (!current) return { ok: false, refusal: { code: 'PWY_REFERENCE_DANGLING', message: `No parameter "${id}" is declared.`, hint: 'Declare the parameter first.' } };
    return judgeEdit(document, { ...document.json, parameters: { ...parameters, [id]: withGovernance(current) } } as JsonObject);
  }
  const nodes = Array.isArray(document.json.nodes) ? (document.json.nodes as Obj[]) : [];
  if (!nodes.some((node) => node.id === id)) return { ok: false, refusal: { code: 'PWY_REFERENCE_DANGLING', message: `No activity "${id}" in this pathway.`, hint: 'Select an activity on the canvas.' } };
  return judgeEdit(document, { ...document.json, nodes: nodes.map((node) => (node.id === id ? withGovernance(node) : node)) } as JsonObject);
}
