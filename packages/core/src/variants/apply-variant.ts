import { problem, type Problem } from '../errors/problem.js';
import type { PathwayTemplate, PathwayTemplateData } from '../model/template.js';
import type { ElementCollection, PathwayVariant, VariantChange } from './variant.js';

/** Where an element of a resolved template came from. */
export interface Provenance {
  readonly level: 'national' | 'regional' | 'local';
  /** Template or variant id that last set it. */
  readonly source: string;
  /** Index of the change that last set it, for variants. */
  readonly change?: number;
}

/** Provenance per element, keyed `collection:id` (and `parameters:name`, `locality`). */
export type ProvenanceMap = Readonly<Record<string, Provenance>>;

type Element = Record<string, unknown>;
type MutableTemplate = { -readonly [K in keyof PathwayTemplateData]: PathwayTemplateData[K] };

/** The id of an element within its collection (events are identified by their type). */
export function elementIdOf(collection: ElementCollection, element: unknown): string {
  const value = element as Record<string, unknown>;
  return String(collection === 'events' ? value.type : value.id);
}

export function provenanceKey(collection: ElementCollection | 'parameters', id: string): string {
  return `${collection}:${id}`;
}

/** Provenance for every element of a template that is not a variant's output. */
export function baseProvenance(template: PathwayTemplateData): Record<string, Provenance> {
  const provenance: Record<string, Provenance> = {};
  const level = template.kind === 'baseline' ? 'national' : 'regional';
  const collections: ElementCollection[] = ['nodes', 'transitions', 'roles', 'agencies', 'workItemTypes', 'planTypes', 'meetings', 'milestones', 'facts', 'conditions', 'events', 'escalations', 'adjustmentPoints', 'invariants', 'retention'];
  for (const collection of collections) {
    for (const element of template[collection] as readonly unknown[]) provenance[provenanceKey(collection, elementIdOf(collection, element))] = { level, source: template.id };
  }
  for (const name of Object.keys(template.parameters)) provenance[provenanceKey('parameters', name)] = { level, source: template.id };
  return provenance;
}

/** The result of laying a variant over what it extends (before any validation). */
export interface AppliedVariant {
  /** The merged document; validate it with `parseTemplate` before use. */
  readonly template: PathwayTemplateData;
  readonly provenance: ProvenanceMap;
  /** Changes that could not be applied at all (their target does not exist). */
  readonly problems: readonly Problem[];
  /** Ids removed by the variant, with the change that removed them. */
  readonly removed: ReadonlyMap<string, number>;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Applies a variant's changes, in order, to a copy of its parent. Governance is not judged here
 * (see `checkVariant`); a change whose target is missing is reported and skipped.
 */
export function applyVariant(parent: PathwayTemplate, variant: PathwayVariant, parentProvenance: ProvenanceMap = baseProvenance(parent)): AppliedVariant {
  const template = clone(parent) as MutableTemplate;
  template.id = variant.id;
  template.version = variant.version;
  template.title = variant.title;
  template.kind = 'variant';
  // A relative editor link from the parent's file means nothing for a resolved document.
  delete template.$schema;
  template.effectiveFrom = variant.effectiveFrom;
  if (variant.description !== undefined) template.description = variant.description;
  const provenance: Record<string, Provenance> = { ...parentProvenance };
  const problems: Problem[] = [];
  const removed = new Map<string, number>();
  const level = variant.locality.level;

  const list = (collection: ElementCollection) => template[collection] as unknown as Element[];
  const find = (collection: ElementCollection, id: string) => list(collection).findIndex((element) => elementIdOf(collection, element) === id);
  const mark = (collection: ElementCollection | 'parameters', id: string, change: number) => {
    provenance[provenanceKey(collection, id)] = { level, source: variant.id, change };
  };
  const missing = (index: number, path: (string | number)[], message: string) => {
    problems.push(problem('PWY_VARIANT_TARGET_MISSING', ['changes', index, ...path], message));
  };

  variant.changes.forEach((change: VariantChange, index) => {
    switch (change.op) {
      case 'setParameter': {
        const parameter = Object.hasOwn(template.parameters, change.name) ? template.parameters[change.name] : undefined;
        if (!parameter) return missing(index, ['name'], `No parameter "${change.name}" exists in ${parent.id}@${parent.version}.`);
        template.parameters = { ...template.parameters, [change.name]: { ...parameter, value: change.value } as typeof parameter };
        return mark('parameters', change.name, index);
      }
      case 'setParameterGovernance': {
        const parameter = Object.hasOwn(template.parameters, change.name) ? template.parameters[change.name] : undefined;
        if (!parameter) return missing(index, ['name'], `No parameter "${change.name}" exists in ${parent.id}@${parent.version}.`);
        template.parameters = { ...template.parameters, [change.name]: { ...parameter, governance: clone(change.governance) } };
        return mark('parameters', change.name, index);
      }
      case 'add':
        list(change.collection).push(clone(change.element));
        return mark(change.collection, elementIdOf(change.collection, change.element), index);
      case 'replace':
      case 'remove':
      case 'setField':
      case 'relabel':
      case 'setGovernance': {
        const at = find(change.collection, change.id);
        if (at < 0) return missing(index, ['id'], `No ${change.collection} element "${change.id}" exists in ${parent.id}@${parent.version}.`);
        const elements = list(change.collection);
        const current = elements[at]!;
        if (change.op === 'remove') {
          elements.splice(at, 1);
          removed.set(change.id, index);
          Reflect.deleteProperty(provenance, provenanceKey(change.collection, change.id));
          return;
        }
        if (change.op === 'replace') elements[at] = clone(change.element);
        else if (change.op === 'setField') elements[at] = { ...current, [change.field]: clone(change.value) };
        else if (change.op === 'relabel') elements[at] = { ...current, label: { ...(current.label as object), ...change.label } };
        else elements[at] = { ...current, governance: clone(change.governance) };
        return mark(change.collection, change.id, index);
      }
      case 'addFragment': {
        const point = template.adjustmentPoints.find((p) => p.id === change.point);
        if (!point || point.kind !== 'fragment') return missing(index, ['point'], `No fragment adjustment point "${change.point}" exists in ${parent.id}@${parent.version}.`);
        const at = find('transitions', point.transition);
        if (at < 0) return missing(index, ['point'], `The adjustment point "${change.point}" sits on a transition that no longer exists.`);
        const transitions = list('transitions');
        const original = transitions[at]!;
        const after = String(original.to);
        transitions[at] = { ...original, to: change.entry };
        mark('transitions', point.transition, index);
        for (const node of change.nodes) {
          list('nodes').push(clone(node));
          mark('nodes', node.id, index);
        }
        for (const t of change.transitions) {
          transitions.push(clone(t));
          mark('transitions', t.id, index);
        }
        for (const event of change.events) {
          list('events').push(clone(event));
          mark('events', event.type, index);
        }
        const exitId = `${variant.locality.id}/${change.point.split('/').pop()}-exit`;
        transitions.push({ id: exitId, from: change.exit.node, to: after, ...(change.exit.on ? { on: change.exit.on } : {}), actions: [], workItem: 'done' });
        mark('transitions', exitId, index);
        return;
      }
      case 'addIntakeSource': {
        const point = template.adjustmentPoints.find((p) => p.id === change.point);
        if (!point || point.kind !== 'entryPoint') return missing(index, ['point'], `No entry-point slot "${change.point}" exists in ${parent.id}@${parent.version}.`);
        list('agencies').push(clone(change.agency));
        mark('agencies', change.agency.id, index);
        if (change.event) {
          list('events').push(clone(change.event));
          mark('events', change.event.type, index);
          const start = template.nodes.find((node) => node.type === 'start');
          const id = `${variant.locality.id}/intake-${change.agency.id.split('/').pop()}`;
          if (start) {
            list('transitions').push({ id, from: start.id, to: point.target, on: change.event.type, actions: [], workItem: 'done' });
            mark('transitions', id, index);
          }
        }
        return;
      }
      case 'setCalendar':
        template.locality = {
          ...template.locality,
          ...(change.timeZone !== undefined ? { timeZone: change.timeZone } : {}),
          ...(change.workingWeekdays !== undefined ? { workingWeekdays: change.workingWeekdays } : {}),
          ...(change.holidays !== undefined ? { holidays: change.holidays } : {}),
        };
        provenance.locality = { level, source: variant.id, change: index };
        return;
      case 'addAdjustmentPoint':
        list('adjustmentPoints').push(clone(change.point) as unknown as Element);
        return mark('adjustmentPoints', change.point.id, index);
    }
  });
  return { template, provenance, problems, removed };
}
