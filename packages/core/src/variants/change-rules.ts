import { catalogueEntry, type ErrorCode } from '../errors/catalogue.js';
import type { JsonPath } from '../errors/problem.js';
import type { FieldBounds, Governance } from '../model/governance.js';
import type { PathwayTemplate } from '../model/template.js';
import { elementIdOf } from './apply-variant.js';
import type { VariantProblem } from './check-variant.js';
import { loosenings, outOfBounds } from './governance-rules.js';
import type { ElementCollection, PathwayVariant, VariantChange } from './variant.js';

// The rules each change of a variant must keep against its parent, in one place: `checkVariant`
// reports what they find, and `rebase` judges every change against the new version with them, so a
// rebase without conflicts never leaves a change that the check refuses on governance grounds.

/** The codes of problems with a change's governance: a lock, bounds, an unlock, the flow's shape. */
export const governanceCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'PWY_VARIANT_LOCKED',
  'PWY_VARIANT_NOT_TAILORABLE',
  'PWY_VARIANT_OUT_OF_BOUNDS',
  'PWY_VARIANT_UNLOCK',
  'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT',
]);

/** One problem with one change, with what it was judged on, for callers that phrase it their own way. */
export interface ChangeFinding {
  /** The problem exactly as `checkVariant` reports it (`change` is always set). */
  readonly problem: VariantProblem & { readonly change: number };
  /** For a value outside bounds: why, and the bounds it is outside. */
  readonly outside?: { readonly why: string; readonly bounds: FieldBounds };
}

type Element = Record<string, unknown> & { governance?: Governance };

/** A variant problem with the catalogue's hint. */
export function variantProblem(code: ErrorCode, change: number | null, path: JsonPath, message: string, extra: Partial<VariantProblem> = {}): VariantProblem {
  return { code, change, path, message, hint: catalogueEntry(code).hint, ...extra };
}

/**
 * Judges each change of a variant against its parent (the baseline, or the resolved level above):
 * locks, bounds, adjustment points, namespaces. Changes whose target the parent lacks are not
 * judged here (applying the variant reports them).
 */
export function judgeChanges(parent: PathwayTemplate, variant: PathwayVariant): ChangeFinding[] {
  const findings: ChangeFinding[] = [];
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
    const report = (code: ErrorCode, path: JsonPath, message: string, outside?: ChangeFinding['outside']) => {
      findings.push({ problem: variantProblem(code, index, path, message) as ChangeFinding['problem'], ...(outside ? { outside } : {}) });
    };
    switch (change.op) {
      case 'setParameter': {
        const parameter = Object.hasOwn(parent.parameters, change.name) ? parent.parameters[change.name] : undefined;
        if (!parameter) return;
        const governance = parameter.governance;
        if (governance?.mode === 'locked') {
          report('PWY_VARIANT_LOCKED', at('name'), `The parameter "${change.name}" is locked${governance.reason ? ` (${governance.reason.replace(/\.$/, '')})` : ''}.`);
        } else if (governance?.mode === 'tailorable') {
          const bounds = governance.bounds.value;
          if (!bounds) report('PWY_VARIANT_NOT_TAILORABLE', at('name'), `The value of "${change.name}" is not tailorable.`);
          else {
            const why = outOfBounds(change.value, bounds, parameter.kind, parameter.kind === 'enum' ? parameter.values : undefined);
            if (why) report('PWY_VARIANT_OUT_OF_BOUNDS', at('value'), `"${change.name}" cannot be ${JSON.stringify(change.value)}: ${why}.`, { why, bounds });
          }
        }
        return;
      }
      case 'setParameterGovernance': {
        const parameter = Object.hasOwn(parent.parameters, change.name) ? parent.parameters[change.name] : undefined;
        if (!parameter) return;
        for (const message of loosenings(parameter.governance, change.governance, parameter.kind, parameter.kind === 'enum' ? parameter.values : undefined)) {
          report('PWY_VARIANT_UNLOCK', at('governance'), `The parameter "${change.name}": ${message}.`);
        }
        const bounds = change.governance.mode === 'tailorable' ? change.governance.bounds.value : undefined;
        // The value in force is the one this variant set earlier, if it did.
        const earlier = variant.changes.slice(0, index).filter((c): c is Extract<VariantChange, { op: 'setParameter' }> => c.op === 'setParameter' && c.name === change.name).at(-1);
        const value = earlier ? earlier.value : parameter.value;
        const why = bounds ? outOfBounds(value, bounds, parameter.kind, parameter.kind === 'enum' ? parameter.values : undefined) : undefined;
        if (why && bounds) report('PWY_VARIANT_OUT_OF_BOUNDS', at('governance'), `The new bounds of "${change.name}" exclude its value ${JSON.stringify(value)}: ${why}. Set a value within them first.`, { why, bounds });
        return;
      }
      case 'add': {
        const id = elementIdOf(change.collection, change.element);
        if (change.collection === 'transitions' && nodeLocked(String(change.element.from))) {
          report('PWY_VARIANT_LOCKED', at('element', 'from'), `"${String(change.element.from)}" is locked${lockedReason(find('nodes', String(change.element.from)))}; a lock covers its outgoing transitions, so none can be added.`);
        }
        if (change.collection === 'nodes' || change.collection === 'transitions') {
          report(
            'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT',
            at('element'),
            `Adding ${change.collection === 'nodes' ? 'the node' : 'the transition'} "${id}" directly changes the national flow; local ${change.collection} are added only inside a fragment at an adjustment point.`,
          );
          return;
        }
        if (change.collection === 'escalations') {
          const responses = (change.element.response as { kind?: string; to?: string }[] | undefined) ?? [];
          responses.forEach((response, r) => {
            if (response.kind === 'route') {
              report('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', at('element', 'response', r), `A local escalation cannot route the flow (to "${String(response.to)}"): routes change the national flow, which localities change only at adjustment points.`);
            }
          });
        }
        const key = change.collection === 'events' ? id.split('.')[0] === ns : namespaced(id);
        if (!key) report('PWY_VARIANT_ID_NOT_NAMESPACED', at('element'), `The local ${change.collection} id "${id}" must start with "${ns}${change.collection === 'events' ? '.' : '/'}".`);
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
          if (lock && change.label.en !== undefined) report('PWY_VARIANT_LOCKED', at('label', 'en'), `${lock}: its English name stays; add other languages instead.`);
          return;
        }
        if (change.op === 'setGovernance') {
          for (const message of loosenings(element.governance, change.governance)) {
            report('PWY_VARIANT_UNLOCK', at('governance'), `"${change.id}": ${message}.`);
          }
          return;
        }
        if (lock) {
          report('PWY_VARIANT_LOCKED', at('id'), `${lock}; it cannot be ${change.op === 'remove' ? 'removed' : change.op === 'replace' ? 'replaced' : 'changed'}.`);
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
          report('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', at('id'), `Changing the flow at "${change.id}" (${change.op}${change.op === 'setField' ? ` ${change.field}` : ''}) is not open to variants; local steps are added at adjustment points.`);
          return;
        }
        if (element.governance?.mode === 'tailorable') {
          if (change.op !== 'setField') {
            report('PWY_VARIANT_NOT_TAILORABLE', at('id'), `"${change.id}" is tailorable only in ${Object.keys(element.governance.bounds).join(', ') || 'no field'}; it cannot be ${change.op === 'remove' ? 'removed' : 'replaced'}.`);
            return;
          }
          const bounds = Object.hasOwn(element.governance.bounds, change.field) ? element.governance.bounds[change.field] : undefined;
          if (!bounds) {
            report('PWY_VARIANT_NOT_TAILORABLE', at('field'), `"${change.field}" of "${change.id}" is not tailorable (tailorable: ${Object.keys(element.governance.bounds).join(', ') || 'nothing'}).`);
            return;
          }
          const kind = typeof change.value === 'string' || (typeof change.value === 'object' && change.value !== null && 'workingDays' in change.value) ? 'duration' : 'value';
          const why = outOfBounds(change.value, bounds, kind === 'duration' && (bounds.min !== undefined || bounds.max !== undefined) ? 'duration' : 'value');
          if (why) report('PWY_VARIANT_OUT_OF_BOUNDS', at('value'), `"${change.field}" of "${change.id}" cannot be ${JSON.stringify(change.value)}: ${why}.`, { why, bounds });
        }
        return;
      }
      case 'addFragment': {
        const point = parent.adjustmentPoints.find((p) => p.id === change.point);
        if (!point || point.kind !== 'fragment') return;
        const ids = new Set(change.nodes.map((node) => node.id));
        change.nodes.forEach((node, n) => {
          if (!namespaced(node.id)) report('PWY_VARIANT_ID_NOT_NAMESPACED', at('nodes', n, 'id'), `The local node id "${node.id}" must start with "${ns}/".`);
          if (node.stage !== point.stage) report('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', at('nodes', n, 'stage'), `"${node.id}" is in ${node.stage}, but the adjustment point "${point.id}" is in ${point.stage}.`);
          if (node.type === 'start' || node.type === 'end') report('PWY_VARIANT_FRAGMENT_SHAPE', at('nodes', n, 'type'), `A fragment has no ${node.type} node: it is entered and left through the adjustment point.`);
        });
        change.transitions.forEach((t, n) => {
          if (!namespaced(t.id)) report('PWY_VARIANT_ID_NOT_NAMESPACED', at('transitions', n, 'id'), `The local transition id "${t.id}" must start with "${ns}/".`);
          if (!ids.has(t.from) || !ids.has(t.to)) {
            report('PWY_VARIANT_FRAGMENT_SHAPE', at('transitions', n), `"${t.id}" goes ${t.from} → ${t.to}, leaving the fragment: a fragment has one entry (${change.entry}) and one exit (${change.exit.node}).`);
          }
        });
        if (!ids.has(change.entry)) report('PWY_VARIANT_FRAGMENT_SHAPE', at('entry'), `The entry "${change.entry}" is not one of the fragment's nodes.`);
        if (!ids.has(change.exit.node)) report('PWY_VARIANT_FRAGMENT_SHAPE', at('exit', 'node'), `The exit "${change.exit.node}" is not one of the fragment's nodes.`);
        change.events.forEach((event, n) => {
          if (event.type.split('.')[0] !== ns) report('PWY_VARIANT_ID_NOT_NAMESPACED', at('events', n, 'type'), `The local event "${event.type}" must start with "${ns}.".`);
        });
        return;
      }
      case 'addIntakeSource': {
        if (!namespaced(change.agency.id)) report('PWY_VARIANT_ID_NOT_NAMESPACED', at('agency', 'id'), `The local agency id "${change.agency.id}" must start with "${ns}/".`);
        if (change.event && change.event.type.split('.')[0] !== ns) report('PWY_VARIANT_ID_NOT_NAMESPACED', at('event', 'type'), `The local event "${change.event.type}" must start with "${ns}.".`);
        return;
      }
      case 'addAdjustmentPoint':
        if (change.point.kind === 'fragment') {
          const lock = effectiveLock('transitions', change.point.transition);
          if (lock) report('PWY_VARIANT_LOCKED', at('point', 'transition'), `${lock}; no adjustment point can be placed on it.`);
        } else {
          // New intake sources may only feed where national intake already goes.
          const target = change.point.target;
          if (!parent.adjustmentPoints.some((p) => p.kind === 'entryPoint' && p.target === target)) {
            report('PWY_VARIANT_FRAGMENT_OUTSIDE_POINT', at('point', 'target'), `An entry-point slot may only lead where an existing one does (${parent.adjustmentPoints.flatMap((p) => (p.kind === 'entryPoint' ? [p.target] : [])).join(', ') || 'none'}), not into "${target}".`);
          }
        }
        if (!namespaced(change.point.id)) report('PWY_VARIANT_ID_NOT_NAMESPACED', at('point', 'id'), `The local adjustment point id "${change.point.id}" must start with "${ns}/".`);
        return;
      case 'setCalendar':
        return;
    }
  });
  return findings;
}
