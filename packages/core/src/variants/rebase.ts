import { satisfies } from 'semver';
import { canonicalJson } from '../compiler/content-hash.js';
import type { AdjustmentPoint } from '../model/adjustment-points.js';
import type { PathwayTemplate } from '../model/template.js';
import { applyVariant, elementIdOf } from './apply-variant.js';
import { governanceCodes, judgeChanges, type ChangeFinding } from './change-rules.js';
import { judgeLocalEffects } from './local-effects.js';
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
type Conflict = { readonly reason: string; readonly suggestion: string };

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Words for a change the new version's governance refuses, from what `checkVariant` finds: the
 * check's own message, said of the new version, and what to do about it.
 */
function governanceConflict(change: VariantChange, findings: readonly ChangeFinding[], to: PathwayTemplate): Conflict {
  const [first] = findings as [ChangeFinding, ...ChangeFinding[]];
  const code = first.problem.code;
  const reason = `In ${to.version}, ${lowerFirst(findings.map((f) => f.problem.message).join(' '))}`;
  if (change.op === 'setParameter') {
    const parameter = to.parameters[change.name]!;
    if (code === 'PWY_VARIANT_LOCKED') return { reason: `${to.version} locks "${change.name}".`, suggestion: `Remove this change; the value is now fixed at ${JSON.stringify(parameter.value)}.` };
    if (code === 'PWY_VARIANT_OUT_OF_BOUNDS' && first.outside) {
      const { why, bounds } = first.outside;
      return {
        reason: `In ${to.version}, ${JSON.stringify(change.value)} is out of bounds: ${why}.`,
        suggestion: `Set "${change.name}" to ${JSON.stringify(bounds.max ?? bounds.min ?? parameter.value)} or another value within the new bounds.`,
      };
    }
    return { reason, suggestion: 'Remove this change: the new version does not let variants set this value.' };
  }
  const within = (what: string) => {
    const bounds = first.outside?.bounds;
    const candidate = bounds?.values?.[0] ?? bounds?.max ?? bounds?.min;
    return candidate === undefined ? `Set ${what} within the new bounds, or remove this change.` : `Set ${what} to ${JSON.stringify(candidate)} or another value within the new bounds, or remove this change.`;
  };
  switch (code) {
    case 'PWY_VARIANT_LOCKED':
      if (change.op === 'relabel') {
        return Object.keys(change.label).some((language) => language !== 'en')
          ? { reason, suggestion: 'Keep the other languages and take "en" out of this relabel: the English name of a locked element stays.' }
          : { reason, suggestion: 'Remove this change: the English name of a locked element stays; add labels in other languages instead.' };
      }
      if (change.op === 'addAdjustmentPoint') return { reason, suggestion: 'Place the adjustment point on a transition between unlocked nodes of the new version, or remove this change.' };
      return { reason, suggestion: 'Remove this change: the level above now fixes this element.' };
    case 'PWY_VARIANT_NOT_TAILORABLE':
      return {
        reason,
        suggestion: change.op === 'setField' ? 'Remove this change, or change only the fields the new version lists as tailorable.' : 'Remove this change, or change only the fields the new version lists as tailorable, with setField.',
      };
    case 'PWY_VARIANT_OUT_OF_BOUNDS':
      if (change.op === 'setField') return { reason, suggestion: within(`"${change.field}" of "${change.id}"`) };
      if (change.op === 'setParameterGovernance') return { reason, suggestion: `Choose bounds that include the value of "${change.name}" in force (or set a value within them first), or remove this change.` };
      return { reason, suggestion: within('the value') };
    case 'PWY_VARIANT_UNLOCK':
      return { reason, suggestion: "A level may lock more, never less: make this governance at least as strict as the new version's (see pathways diff), or remove this change." };
    default:
      if (change.op === 'addFragment') return { reason, suggestion: "Put the fragment's nodes in the adjustment point's stage in the new version, or move the local content to another adjustment point." };
      if (change.op === 'addAdjustmentPoint') return { reason, suggestion: 'Lead the entry-point slot where one of the new version does, or remove this change.' };
      return { reason, suggestion: 'Remove this change: the new version does not open this part of the flow; add local steps at an adjustment point instead.' };
  }
}

/**
 * Re-applies a variant's changes onto a new version of what it extends, reporting each change that
 * conflicts with what changed upstream, with a suggested resolution. A change conflicts when what it
 * targets is gone or changed under it, and whenever the new version's governance refuses it: every
 * change is judged with the rules `checkVariant` uses, so a rebase without conflicts leaves no
 * change the check refuses for a lock, a bound, an unlock or the flow's shape. The rebased variant
 * extends the new version and keeps every change.
 */
export function rebase(variant: PathwayVariant, from: PathwayTemplate, to: PathwayTemplate): RebaseResult {
  const find = (template: PathwayTemplate, collection: ElementCollection, id: string) =>
    (template[collection] as unknown as Element[]).find((element) => elementIdOf(collection, element) === id);
  const point = (template: PathwayTemplate, id: string): AdjustmentPoint | undefined => template.adjustmentPoints.find((p) => p.id === id);
  /** What `to` locks about a transition: the transition itself or the node it leaves. */
  const lockOf = (id: string): string | undefined => {
    const transition = find(to, 'transitions', id);
    if (!transition) return undefined;
    if (transition.governance?.mode === 'locked') return `, which is locked${transition.governance.reason ? ` (${transition.governance.reason.replace(/\.$/, '')})` : ''}`;
    const source = find(to, 'nodes', String(transition.from));
    if (source?.governance?.mode === 'locked') return `, which leaves the locked node "${String(transition.from)}"${source.governance.reason ? ` (${source.governance.reason.replace(/\.$/, '')})` : ''}`;
    return undefined;
  };

  // The new version's governance, judged for every change exactly as `checkVariant` judges it.
  const refused = new Map<number, ChangeFinding[]>();
  for (const finding of judgeChanges(to, variant)) {
    if (!governanceCodes.has(finding.problem.code)) continue;
    refused.set(finding.problem.change, [...(refused.get(finding.problem.change) ?? []), finding]);
  }

  // What the variant's own elements would do to the new version's elements, judged as the check
  // judges it: an allowance the new version withdraws is a conflict of the change that uses it.
  const effects = new Map<number, string>();
  const applied = applyVariant(to, variant);
  for (const problem of judgeLocalEffects(to, applied.template, applied.provenance, variant)) {
    if (problem.change !== null && !effects.has(problem.change)) effects.set(problem.change, problem.message);
  }

  const judged = variant.changes.map((change, index): RebaseOutcome => {
    const conflict = (reason: string, suggestion: string): RebaseOutcome => ({ change: index, op: change.op, status: 'conflict', reason, suggestion });
    const ok: RebaseOutcome = { change: index, op: change.op, status: 'applied' };
    const findings = refused.get(index);
    const words = findings ? governanceConflict(change, findings, to) : undefined;
    const governance = words ? conflict(words.reason, words.suggestion) : undefined;
    switch (change.op) {
      case 'setParameter': {
        const next = Object.hasOwn(to.parameters, change.name) ? to.parameters[change.name] : undefined;
        if (!next) return conflict(`${to.version} no longer has the parameter "${change.name}".`, 'Remove this change, or set the parameter that replaced it.');
        return governance ?? ok;
      }
      case 'setParameterGovernance': {
        const next = Object.hasOwn(to.parameters, change.name) ? to.parameters[change.name] : undefined;
        if (!next) return conflict(`${to.version} no longer has the parameter "${change.name}".`, 'Remove this change.');
        if (next.governance?.mode === 'locked') return conflict(`${to.version} already locks "${change.name}".`, 'Remove this change: the level above locks it now.');
        return governance ?? ok;
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
        if (governance) return governance;
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
        return governance ?? ok;
      }
      case 'addFragment':
      case 'addIntakeSource': {
        const next = point(to, change.point);
        if (!next) return conflict(`${to.version} no longer has the adjustment point "${change.point}".`, 'Move the local content to another adjustment point of the new version.');
        const wanted = change.op === 'addFragment' ? 'fragment' : 'entryPoint';
        if (next.kind !== wanted) {
          return conflict(
            `In ${to.version}, "${change.point}" is ${next.kind === 'fragment' ? 'a fragment point, not an entry-point slot' : 'an entry-point slot, not a fragment point'}.`,
            `Move the local content to ${wanted === 'fragment' ? 'a fragment point' : 'an entry-point slot'} of the new version.`,
          );
        }
        if (governance) return governance;
        const previous = point(from, change.point);
        if (previous?.kind === 'fragment' && next.kind === 'fragment' && previous.transition !== next.transition) {
          return conflict(
            `${to.version} moved the adjustment point "${change.point}" from the transition "${previous.transition}" to "${next.transition}"${lockOf(next.transition) ?? ''}; this fragment now goes there.`,
            'Check that the local content still belongs between the steps of the new transition, or move it to another adjustment point.',
          );
        }
        if (change.op === 'addIntakeSource' && change.event && previous?.kind === 'entryPoint' && next.kind === 'entryPoint' && previous.target !== next.target) {
          return conflict(
            `${to.version} moved the entry-point slot "${change.point}" from "${previous.target}" to "${next.target}"; this intake source now leads there.`,
            'Check that referrals from this source still belong at the new target, or move the source to another entry-point slot.',
          );
        }
        return ok;
      }
      case 'addAdjustmentPoint': {
        if (point(to, change.point.id)) return conflict(`${to.version} now has its own adjustment point "${change.point.id}".`, 'Rename the local adjustment point, or remove it if the national one covers it.');
        if (change.point.kind === 'fragment' && !find(to, 'transitions', change.point.transition)) {
          return conflict(`${to.version} no longer has transitions "${change.point.transition}", where this adjustment point sits.`, 'Place the adjustment point on a transition of the new version (see pathways diff), or remove this change.');
        }
        return governance ?? ok;
      }
      case 'setCalendar':
        return ok;
    }
  });
  const outcomes = judged.map((outcome): RebaseOutcome => {
    const effect = outcome.status === 'applied' ? effects.get(outcome.change) : undefined;
    return effect === undefined
      ? outcome
      : { ...outcome, status: 'conflict', reason: `In ${to.version}, ${lowerFirst(effect)}`, suggestion: 'Remove the local effect (or the element that has it), or ask the level above to allow it in its governance.localEffects.' };
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
