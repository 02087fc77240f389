import { satisfies } from 'semver';
import { canonicalJson } from '../compiler/content-hash.js';
import type { PathwayTemplate } from '../model/template.js';
import { elementIdOf } from './apply-variant.js';
import { outOfBounds } from './governance-rules.js';
import type { ElementCollection, PathwayVariant, VariantChange } from './variant.js';

/** What happened to one change when it was re-applied onto the new version. */
export interface RebaseOutcome {
  readonly change: number;
  readonly op: VariantChange['op'];
  readonly status: 'applied' | 'conflict';
  /** Why it conflicts. */
  readonly reason?: string;
  /** What to do about it. */
  readonly suggestion?: string;
}

/** A rebased variant: every change kept (never dropped silently), each with its outcome. */
export interface RebaseResult {
  readonly variant: PathwayVariant;
  readonly outcomes: readonly RebaseOutcome[];
  readonly conflicts: number;
}

type Element = Record<string, unknown> & { governance?: { mode: string; reason?: string; bounds?: Record<string, unknown> } };

/**
 * Re-applies a variant's changes onto a new version of what it extends, reporting each change that
 * conflicts with what changed upstream, with a suggested resolution. The rebased variant extends
 * the new version and keeps every change.
 */
export function rebase(variant: PathwayVariant, from: PathwayTemplate, to: PathwayTemplate): RebaseResult {
  const find = (template: PathwayTemplate, collection: ElementCollection, id: string) =>
    (template[collection] as unknown as Element[]).find((element) => elementIdOf(collection, element) === id);
  const outcomes = variant.changes.map((change, index): RebaseOutcome => {
    const conflict = (reason: string, suggestion: string): RebaseOutcome => ({ change: index, op: change.op, status: 'conflict', reason, suggestion });
    const ok: RebaseOutcome = { change: index, op: change.op, status: 'applied' };
    switch (change.op) {
      case 'setParameter': {
        const next = Object.hasOwn(to.parameters, change.name) ? to.parameters[change.name] : undefined;
        if (!next) return conflict(`${to.version} no longer has the parameter "${change.name}".`, 'Remove this change, or set the parameter that replaced it.');
        if (next.governance?.mode === 'locked') return conflict(`${to.version} locks "${change.name}".`, `Remove this change; the value is now fixed at ${JSON.stringify(next.value)}.`);
        const bounds = next.governance?.mode === 'tailorable' ? next.governance.bounds.value : undefined;
        const why = bounds ? outOfBounds(change.value, bounds, next.kind, next.kind === 'enum' ? next.values : undefined) : undefined;
        if (why) return conflict(`In ${to.version}, ${JSON.stringify(change.value)} is out of bounds: ${why}.`, `Set "${change.name}" to ${JSON.stringify(bounds?.max ?? bounds?.min ?? next.value)} or another value within the new bounds.`);
        return ok;
      }
      case 'setParameterGovernance': {
        const next = Object.hasOwn(to.parameters, change.name) ? to.parameters[change.name] : undefined;
        if (!next) return conflict(`${to.version} no longer has the parameter "${change.name}".`, 'Remove this change.');
        if (next.governance?.mode === 'locked') return conflict(`${to.version} already locks "${change.name}".`, 'Remove this change: the level above locks it now.');
        return ok;
      }
      case 'replace':
      case 'remove':
      case 'setField':
      case 'relabel':
      case 'setGovernance': {
        const before = find(from, change.collection, change.id);
        const after = find(to, change.collection, change.id);
        if (!after) return conflict(`${to.version} no longer has ${change.collection} "${change.id}".`, 'Remove this change, or re-target it to the element that replaced it (see pathways diff).');
        if (after.governance?.mode === 'locked' && before?.governance?.mode !== 'locked' && change.op !== 'relabel') {
          return conflict(`${to.version} locks ${change.collection} "${change.id}"${after.governance.reason ? ` (${after.governance.reason})` : ''}.`, 'Remove this change: the level above now fixes this element.');
        }
        if (change.op === 'setField' && before && canonicalJson(before[change.field]) !== canonicalJson(after[change.field])) {
          return conflict(
            `${to.version} changed "${change.field}" of "${change.id}" from ${JSON.stringify(before[change.field])} to ${JSON.stringify(after[change.field])}; this change sets ${JSON.stringify(change.value)}.`,
            'Review whether the local value is still needed; keep it only if it is still within the new governance.',
          );
        }
        if (change.op === 'replace' && before && canonicalJson(before) !== canonicalJson(after)) {
          return conflict(`${to.version} changed ${change.collection} "${change.id}", which this change replaces wholesale.`, 'Re-base the replacement on the new element (see pathways diff), or change only the fields you need.');
        }
        return ok;
      }
      case 'add': {
        const id = elementIdOf(change.collection, change.element);
        if (find(to, change.collection, id)) return conflict(`${to.version} now has its own ${change.collection} "${id}".`, 'Rename the local element, or remove it if the national one covers it.');
        return ok;
      }
      case 'addFragment':
      case 'addIntakeSource': {
        const point = to.adjustmentPoints.find((p) => p.id === change.point);
        if (!point) return conflict(`${to.version} no longer has the adjustment point "${change.point}".`, 'Move the local content to another adjustment point of the new version.');
        return ok;
      }
      default:
        return ok;
    }
  });
  return {
    // The range only proposes candidates; one the new version falls outside says nothing any more.
    variant: {
      ...variant,
      extends: { id: to.id, version: to.version, ...(variant.extends.range !== undefined && satisfies(to.version, variant.extends.range) ? { range: variant.extends.range } : {}) },
    },
    outcomes,
    conflicts: outcomes.filter((o) => o.status === 'conflict').length,
  };
}
