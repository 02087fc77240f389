import { catalogueEntry, type ErrorCode } from '../errors/catalogue.js';
import type { JsonPath } from '../errors/problem.js';
import { parseVariant } from './parse-variant.js';
import type { Governance } from '../model/governance.js';
import { validateTemplate } from '../model/parse-template.js';
import type { PathwayTemplate, PathwayTemplateData } from '../model/template.js';
import { applyVariant, baseProvenance, elementIdOf, provenanceKey, type ProvenanceMap } from './apply-variant.js';
import { loosenings, outOfBounds } from './governance-rules.js';
import { evaluateInvariants, type WitnessStep } from './invariants/evaluate.js';
import type { ElementCollection, PathwayVariant, VariantChange } from './variant.js';

export { parseVariant };

/** One problem with a variant: what, which change, which element, how to fix, and for invariants the witness. */
export interface VariantProblem {
  readonly code: ErrorCode;
  /** Index of the offending change; null when the problem is in the resolved whole. */
  readonly change: number | null;
  /** Where: in the variant (for change problems) or in the resolved template. */
  readonly path: JsonPath;
  readonly message: string;
  readonly hint: string;
  /** For broken invariants: the shortest offending path, for the designer to highlight. */
  readonly witness?: readonly WitnessStep[];
}

export type CheckVariantResult = {
  readonly ok: boolean;
  /** True when the variant could not be read at all. */
  readonly unusable: boolean;
  readonly problems: readonly VariantProblem[];
  /** The resolved template, when the variant could be applied. */
  readonly resolved?: PathwayTemplateData;
  readonly provenance?: ProvenanceMap;
  readonly variant?: PathwayVariant;
};

type Element = Record<string, unknown> & { governance?: Governance };

function make(code: ErrorCode, change: number | null, path: JsonPath, message: string, extra: Partial<VariantProblem> = {}): VariantProblem {
  return { code, change, path, message, hint: catalogueEntry(code).hint, ...extra };
}

/** Governance of each change against the parent: locks, bounds, adjustment points, namespaces. */
function checkChanges(parent: PathwayTemplate, variant: PathwayVariant): VariantProblem[] {
  const problems: VariantProblem[] = [];
  const ns = variant.locality.id;
  const namespaced = (id: string) => id.startsWith(`${ns}/`);
  const elements = (collection: ElementCollection) => parent[collection] as unknown as Element[];
  const find = (collection: ElementCollection, id: string) => elements(collection).find((element) => elementIdOf(collection, element) === id);
  const nodeLocked = (id: string) => find('nodes', id)?.governance?.mode === 'locked';
  const lockedReason = (element: Element | undefined) =>
    element?.governance?.mode === 'locked' && element.governance.reason ? ` (${element.governance.reason.replace(/\.$/, '')})` : '';

  /** The governance in force for an element: its own, or for a transition also its source node's lock. */
  const effectiveLock = (collection: ElementCollection, id: string): string | undefined => {
    const element = find(collection, id);
    if (element?.governance?.mode === 'locked') return `"${id}" is locked${lockedReason(element)}`;
    if (collection === 'transitions' && element && nodeLocked(String(element.from))) {
      return `"${id}" leaves the locked node "${String(element.from)}"${lockedReason(find('nodes', String(element.from)))}; a lock covers a node's outgoing transitions`;
    }
    return undefined;
  };

  variant.changes.forEach((change: VariantChange, index) => {
    const at = (...path: (string | number)[]) => ['changes', index, ...path];
    switch (change.op) {
      case 'setParameter': {
        const parameter = Object.hasOwn(parent.parameters, change.name) ? parent.parameters[change.name] : undefined;
        if (!parameter) return;
        const governance = parameter.governance;
        if (governance?.mode === 'locked') {
          problems.push(make('PWY_VARIANT_LOCKED', index, at('name'), `The parameter "${change.name}" is locked${governance.reason ? ` (${governance.reason.replace(/\.$/, '')})` : ''}.`));
        } else if (governance?.mode === 'tailorable') {
          const bounds = governance.bounds.value;
          if (!bounds) problems.push(make('PWY_VARIANT_NOT_TAILORABLE', index, at('name'), `The value of "${change.name}" is not tailorable.`));
          else {
            const why = outOfBounds(change.value, bounds, parameter.kind, parameter.kind === 'enum' ? parameter.values : undefined);
            if (why) problems.push(make('PWY_VARIANT_OUT_OF_BOUNDS', index, at('value'), `"${change.name}" cannot be ${JSON.stringify(change.value)}: ${why}.`));
          }
        }
        return;
      }
      case 'setParameterGovernance': {
        const parameter = Object.hasOwn(parent.parameters, change.name) ? parent.parameters[change.name] : undefined;
        if (!parameter) return;
        for (const message of loosenings(parameter.governance, change.governance, parameter.kind, parameter.kind === 'enum' ? parameter.values : undefined)) {
          problems.push(make('PWY_VARIANT_UNLOCK', index, at('governance'), `The parameter "${change.name}": ${message}.`));
        }
        const bounds = change.governance.mode === 'tailorable' ? change.governance.bounds.value : undefined;
        // The value in force is the one this variant set earlier, if it did.
        const earlier = variant.changes.slice(0, index).filter((c): c is Extract<VariantChange, { op: 'setParameter' }> => c.op === 'setParameter' && c.name === change.name).at(-1);
        const value = earlier ? earlier.value : parameter.value;
        const why = bounds ? outOfBounds(value, bounds, parameter.kind, parameter.kind === 'enum' ? parameter.values : undefined) : undefined;
        if (why) problems.push(make('PWY_VARIANT_OUT_OF_BOUNDS', index, at('governance'), `The new bounds of "${change.name}" exclude its value ${JSON.stringify(value)}: ${why}. Set a value within them first.`));
        return;
      }
      case 'add': {
        const id = elementIdOf(change.collection, change.element);
        if (change.collection === 'transitions' && nodeLocked(String(change.element.from))) {
          problems.push(make('PWY_VARIANT_LOCKED', index, at('element', 'from'), `"${String(change.element.from)}" is locked${lockedReason(find('nodes', String(change.element.from)))}; a lock covers its outgoing transitions, so none can be added.`));
        }
        if (change.collection === 'nodes' || change.collection === 'transitions') {
          problems.push(
            make(
              'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT',
              index,
              at('element'),
              `Adding ${change.collection === 'nodes' ? 'the node' : 'the transition'} "${id}" directly changes the national flow; local ${change.collection} are added only inside a fragment at an adjustment point.`,
            ),
          );
          return;
        }
        if (change.collection === 'escalations') {
          const responses = (change.element.response as { kind?: string; to?: string }[] | undefined) ?? [];
          responses.forEach((response, r) => {
            if (response.kind === 'route') {
              problems.push(make('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', index, at('element', 'response', r), `A local escalation cannot route the flow (to "${String(response.to)}"): routes change the national flow, which localities change only at adjustment points.`));
            }
          });
        }
        const key = change.collection === 'events' ? id.split('.')[0] === ns : namespaced(id);
        if (!key) problems.push(make('PWY_VARIANT_ID_NOT_NAMESPACED', index, at('element'), `The local ${change.collection} id "${id}" must start with "${ns}${change.collection === 'events' ? '.' : '/'}".`));
        return;
      }
      case 'replace':
      case 'remove':
      case 'setField':
      case 'setGovernance':
      case 'relabel': {
        const element = find(change.collection, change.id);
        if (!element) return;
        const lock = effectiveLock(change.collection, change.id);
        if (change.op === 'relabel') {
          if (lock && change.label.en !== undefined) problems.push(make('PWY_VARIANT_LOCKED', index, at('label', 'en'), `${lock}: its English name stays; add other languages instead.`));
          return;
        }
        if (change.op === 'setGovernance') {
          for (const message of loosenings(element.governance, change.governance)) {
            problems.push(make('PWY_VARIANT_UNLOCK', index, at('governance'), `"${change.id}": ${message}.`));
          }
          return;
        }
        if (lock) {
          problems.push(make('PWY_VARIANT_LOCKED', index, at('id'), `${lock}; it cannot be ${change.op === 'remove' ? 'removed' : change.op === 'replace' ? 'replaced' : 'changed'}.`));
          return;
        }
        // The flow's shape is national: moving, removing or replacing a node or transition is
        // allowed only where the level above declared it free; elsewhere localities add at
        // adjustment points.
        const flowFields: Partial<Record<ElementCollection, readonly string[]>> = {
          transitions: ['from', 'to', 'on', 'guard', 'when', 'actions', 'workItem'],
          nodes: ['stage', 'type'],
          adjustmentPoints: ['kind', 'stage', 'transition', 'target'],
        };
        const fields = flowFields[change.collection];
        const structural = fields !== undefined && (change.op !== 'setField' || fields.includes(change.field));
        if (structural && element.governance?.mode !== 'free' && element.governance?.mode !== 'tailorable') {
          problems.push(
            make('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', index, at('id'), `Changing the flow at "${change.id}" (${change.op}${change.op === 'setField' ? ` ${change.field}` : ''}) is not open to variants; local steps are added at adjustment points.`),
          );
          return;
        }
        if (element.governance?.mode === 'tailorable') {
          if (change.op !== 'setField') {
            problems.push(make('PWY_VARIANT_NOT_TAILORABLE', index, at('id'), `"${change.id}" is tailorable only in ${Object.keys(element.governance.bounds).join(', ') || 'no field'}; it cannot be ${change.op === 'remove' ? 'removed' : 'replaced'}.`));
            return;
          }
          const bounds = Object.hasOwn(element.governance.bounds, change.field) ? element.governance.bounds[change.field] : undefined;
          if (!bounds) {
            problems.push(make('PWY_VARIANT_NOT_TAILORABLE', index, at('field'), `"${change.field}" of "${change.id}" is not tailorable (tailorable: ${Object.keys(element.governance.bounds).join(', ') || 'nothing'}).`));
            return;
          }
          const kind = typeof change.value === 'string' || (typeof change.value === 'object' && change.value !== null && 'workingDays' in change.value) ? 'duration' : 'value';
          const why = outOfBounds(change.value, bounds, kind === 'duration' && (bounds.min !== undefined || bounds.max !== undefined) ? 'duration' : 'value');
          if (why) problems.push(make('PWY_VARIANT_OUT_OF_BOUNDS', index, at('value'), `"${change.field}" of "${change.id}" cannot be ${JSON.stringify(change.value)}: ${why}.`));
        }
        return;
      }
      case 'addFragment': {
        const point = parent.adjustmentPoints.find((p) => p.id === change.point);
        if (!point || point.kind !== 'fragment') return;
        const ids = new Set(change.nodes.map((node) => node.id));
        change.nodes.forEach((node, n) => {
          if (!namespaced(node.id)) problems.push(make('PWY_VARIANT_ID_NOT_NAMESPACED', index, at('nodes', n, 'id'), `The local node id "${node.id}" must start with "${ns}/".`));
          if (node.stage !== point.stage) problems.push(make('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', index, at('nodes', n, 'stage'), `"${node.id}" is in ${node.stage}, but the adjustment point "${point.id}" is in ${point.stage}.`));
          if (node.type === 'start' || node.type === 'end') problems.push(make('PWY_VARIANT_FRAGMENT_SHAPE', index, at('nodes', n, 'type'), `A fragment has no ${node.type} node: it is entered and left through the adjustment point.`));
        });
        change.transitions.forEach((t, n) => {
          if (!namespaced(t.id)) problems.push(make('PWY_VARIANT_ID_NOT_NAMESPACED', index, at('transitions', n, 'id'), `The local transition id "${t.id}" must start with "${ns}/".`));
          if (!ids.has(t.from) || !ids.has(t.to)) {
            problems.push(make('PWY_VARIANT_FRAGMENT_SHAPE', index, at('transitions', n), `"${t.id}" goes ${t.from} → ${t.to}, leaving the fragment: a fragment has one entry (${change.entry}) and one exit (${change.exit.node}).`));
          }
        });
        if (!ids.has(change.entry)) problems.push(make('PWY_VARIANT_FRAGMENT_SHAPE', index, at('entry'), `The entry "${change.entry}" is not one of the fragment's nodes.`));
        if (!ids.has(change.exit.node)) problems.push(make('PWY_VARIANT_FRAGMENT_SHAPE', index, at('exit', 'node'), `The exit "${change.exit.node}" is not one of the fragment's nodes.`));
        change.events.forEach((event, n) => {
          if (event.type.split('.')[0] !== ns) problems.push(make('PWY_VARIANT_ID_NOT_NAMESPACED', index, at('events', n, 'type'), `The local event "${event.type}" must start with "${ns}.".`));
        });
        return;
      }
      case 'addIntakeSource': {
        if (!namespaced(change.agency.id)) problems.push(make('PWY_VARIANT_ID_NOT_NAMESPACED', index, at('agency', 'id'), `The local agency id "${change.agency.id}" must start with "${ns}/".`));
        if (change.event && change.event.type.split('.')[0] !== ns) problems.push(make('PWY_VARIANT_ID_NOT_NAMESPACED', index, at('event', 'type'), `The local event "${change.event.type}" must start with "${ns}.".`));
        return;
      }
      case 'addAdjustmentPoint':
        if (change.point.kind === 'fragment') {
          const lock = effectiveLock('transitions', change.point.transition);
          if (lock) problems.push(make('PWY_VARIANT_LOCKED', index, at('point', 'transition'), `${lock}; no adjustment point can be placed on it.`));
        } else {
          // New intake sources may only feed where national intake already goes.
          const target = change.point.target;
          if (!parent.adjustmentPoints.some((p) => p.kind === 'entryPoint' && p.target === target)) {
            problems.push(make('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', index, at('point', 'target'), `An entry-point slot may only lead where an existing one does (${parent.adjustmentPoints.flatMap((p) => (p.kind === 'entryPoint' ? [p.target] : [])).join(', ') || 'none'}), not into "${target}".`));
          }
        }
        if (!namespaced(change.point.id)) problems.push(make('PWY_VARIANT_ID_NOT_NAMESPACED', index, at('point', 'id'), `The local adjustment point id "${change.point.id}" must start with "${ns}/".`));
        return;
      case 'setCalendar':
        return;
    }
  });
  return problems;
}

/** The change that last set an element of the resolved template, if this variant did. */
function changeOf(provenance: ProvenanceMap, variant: PathwayVariant, collection: ElementCollection | 'parameters', id: string): number | null {
  const origin = Object.hasOwn(provenance, provenanceKey(collection, id)) ? provenance[provenanceKey(collection, id)] : undefined;
  return origin && origin.source === variant.id && origin.change !== undefined ? origin.change : null;
}

/**
 * Checks a variant against its parent (the baseline, or the resolved level above): every problem
 * at once — governance of each change, the resolved template's validity, and every invariant,
 * evaluated on the resolved graph with a witness for each one broken.
 */
export function checkVariant(parent: PathwayTemplate, input: unknown, parentProvenance?: ProvenanceMap): CheckVariantResult {
  const parsed = parseVariant(input);
  if (!parsed.ok) {
    return { ok: false, unusable: parsed.unusable, problems: parsed.problems.map((p) => ({ ...p, change: null })) };
  }
  const variant = parsed.variant;
  const problems: VariantProblem[] = [];
  if (variant.extends.id !== parent.id || variant.extends.version !== parent.version) {
    problems.push(make('PWY_VARIANT_BASE_MISMATCH', null, ['extends'], `The variant extends ${variant.extends.id}@${variant.extends.version}; it is being checked against ${parent.id}@${parent.version}.`));
  }
  problems.push(...checkChanges(parent, variant));
  const applied = applyVariant(parent, variant, parentProvenance ?? baseProvenance(parent));
  problems.push(...applied.problems.map((p) => ({ ...p, change: typeof p.path[1] === 'number' ? p.path[1] : null })));

  const validated = validateTemplate(applied.template);
  if (!validated.ok) {
    for (const p of validated.problems) {
      const [collection, position] = p.path;
      const element = typeof collection === 'string' && typeof position === 'number' ? (applied.template as unknown as Record<string, unknown[]>)[collection]?.[position] : undefined;
      const change =
        collection === 'parameters' && typeof position === 'string'
          ? changeOf(applied.provenance, variant, 'parameters', position)
          : element
            ? changeOf(applied.provenance, variant, collection as ElementCollection, elementIdOf(collection as ElementCollection, element))
            : null;
      // A reference left dangling by a removal belongs to the change that removed its target.
      const removedBy = change === null && p.code === 'PWY_REFERENCE_DANGLING' ? [...applied.removed].find(([id]) => p.message.includes(`"${id}"`))?.[1] : undefined;
      problems.push({ ...p, change: removedBy ?? change, path: ['resolved', ...p.path] });
    }
    return { ok: false, unusable: false, problems, resolved: applied.template, provenance: applied.provenance, variant };
  }
  for (const verdict of evaluateInvariants(validated.template)) {
    if (verdict.holds) continue;
    const culprit = verdict.witness?.find((step) => step.transition !== undefined && changeOf(applied.provenance, variant, 'transitions', step.transition) !== null);
    const change = culprit?.transition ? changeOf(applied.provenance, variant, 'transitions', culprit.transition) : null;
    problems.push(make('PWY_INVARIANT_VIOLATED', change, ['resolved', 'invariants', verdict.index], verdict.message, verdict.witness ? { witness: verdict.witness } : {}));
  }
  return { ok: problems.length === 0, unusable: false, problems, resolved: validated.template, provenance: applied.provenance, variant };
}
