import type { JsonPath } from '../../errors/problem.js';
import { compareSpans, describeSpan } from '../span-length.js';
import type { FieldBounds, Governance } from '../governance.js';
import { timeSpan, type Parameter } from '../parameters.js';
import type { TemplateIndex } from './template-index.js';

function checkDurationBounds(index: TemplateIndex, name: string, parameter: Extract<Parameter, { kind: 'duration' }>, bounds: FieldBounds, path: JsonPath): void {
  const parsed: Record<'min' | 'max', ReturnType<typeof timeSpan.safeParse> | undefined> = {
    min: bounds.min === undefined ? undefined : timeSpan.safeParse(bounds.min),
    max: bounds.max === undefined ? undefined : timeSpan.safeParse(bounds.max),
  };
  for (const side of ['min', 'max'] as const) {
    const result = parsed[side];
    if (!result) continue;
    if (!result.success) {
      index.report('PWY_DURATION_INVALID', [...path, side], `The ${side} bound of "${name}" must be a duration like the value (e.g. PT24H or { "workingDays": 5 }).`);
      continue;
    }
    const order = compareSpans(parameter.value, result.data);
    if (order === undefined) {
      index.report('PWY_BOUNDS_CONTRADICT', [...path, side], `"${name}" is ${describeSpan(parameter.value)} but its ${side} bound is ${describeSpan(result.data)}: working days and ISO durations cannot be compared.`, 'Give the bound in the same unit as the value.');
    } else if ((side === 'max' && order > 0) || (side === 'min' && order < 0)) {
      index.report('PWY_BOUNDS_CONTRADICT', [...path, side], `"${name}" is ${describeSpan(parameter.value)}, outside its own ${side} bound ${describeSpan(result.data)}.`);
    }
  }
  const min = parsed.min?.success ? parsed.min.data : undefined;
  const max = parsed.max?.success ? parsed.max.data : undefined;
  if (min !== undefined && max !== undefined && (compareSpans(min, max) ?? 0) > 0) {
    index.report('PWY_BOUNDS_CONTRADICT', path, `The bounds of "${name}" contradict each other: min ${describeSpan(min)} is above max ${describeSpan(max)}.`);
  }
}

function checkNumberBounds(index: TemplateIndex, name: string, value: number, bounds: FieldBounds, path: JsonPath): void {
  for (const side of ['min', 'max'] as const) {
    const bound = bounds[side];
    if (bound === undefined) continue;
    if (typeof bound !== 'number') {
      index.report('PWY_SCHEMA_INVALID_TYPE', [...path, side], `The ${side} bound of "${name}" must be a number.`);
    } else if ((side === 'max' && value > bound) || (side === 'min' && value < bound)) {
      index.report('PWY_BOUNDS_CONTRADICT', [...path, side], `"${name}" is ${value}, outside its own ${side} bound ${bound}.`);
    }
  }
  if (typeof bounds.min === 'number' && typeof bounds.max === 'number' && bounds.min > bounds.max) {
    index.report('PWY_BOUNDS_CONTRADICT', path, `The bounds of "${name}" contradict each other: min ${bounds.min} is above max ${bounds.max}.`);
  }
}

function checkEnumBounds(index: TemplateIndex, name: string, parameter: Extract<Parameter, { kind: 'enum' }>, bounds: FieldBounds, path: JsonPath): void {
  const rank = (value: unknown) => (typeof value === 'string' ? parameter.values.indexOf(value) : -1);
  for (const side of ['min', 'max'] as const) {
    const bound = bounds[side];
    if (bound === undefined) continue;
    if (rank(bound) < 0) index.report('PWY_SCHEMA_INVALID_VALUE', [...path, side], `The ${side} bound of "${name}" must be one of ${parameter.values.join(', ')}.`);
    else if ((side === 'max' && rank(parameter.value) > rank(bound)) || (side === 'min' && rank(parameter.value) < rank(bound))) {
      index.report('PWY_BOUNDS_CONTRADICT', [...path, side], `"${name}" is ${parameter.value}, outside its own ${side} bound ${String(bound)} (order: ${parameter.values.join(' < ')}).`);
    }
  }
  if (bounds.values) {
    for (const value of bounds.values) {
      if (rank(value) < 0) index.report('PWY_SCHEMA_INVALID_VALUE', [...path, 'values'], `${JSON.stringify(value)} is not one of ${parameter.values.join(', ')}.`);
    }
    if (!bounds.values.includes(parameter.value)) {
      index.report('PWY_BOUNDS_CONTRADICT', [...path, 'values'], `"${name}" is ${parameter.value}, which its own allowed values do not include.`);
    }
  }
}

function tailorableFields(governance: Governance | undefined): [string, FieldBounds][] {
  return governance?.mode === 'tailorable' ? Object.entries(governance.bounds) : [];
}

/**
 * Checks that bounds agree with the values they bound: a parameter's value lies within its own
 * bounds, min is not above max, and tailorable fields name fields the element has.
 */
export function checkBounds(index: TemplateIndex): void {
  const { template } = index;
  for (const [name, parameter] of Object.entries(template.parameters)) {
    for (const [field, bounds] of tailorableFields(parameter.governance)) {
      const path = ['parameters', name, 'governance', 'bounds', field];
      if (field !== 'value') {
        index.report('PWY_GOVERNANCE_FIELD_UNKNOWN', path, `A parameter's tailorable field is "value"; "${field}" cannot be tailored.`);
        continue;
      }
      if (parameter.kind === 'duration') checkDurationBounds(index, name, parameter, bounds, path);
      else if (parameter.kind === 'number') checkNumberBounds(index, name, parameter.value, bounds, path);
      else checkEnumBounds(index, name, parameter, bounds, path);
    }
    if (parameter.kind === 'enum' && !parameter.values.includes(parameter.value)) {
      index.report('PWY_BOUNDS_CONTRADICT', ['parameters', name, 'value'], `"${name}" is ${parameter.value}, which is not one of its values (${parameter.values.join(', ')}).`);
    }
  }
  const collections = ['nodes', 'transitions', 'roles', 'agencies', 'workItemTypes', 'planTypes', 'milestones', 'events', 'escalations', 'invariants', 'retention', 'meetings', 'facts'] as const;
  for (const collection of collections) {
    (template[collection] as readonly { governance?: Governance }[]).forEach((element, i) => {
      for (const [field] of tailorableFields(element.governance)) {
        if (!Object.hasOwn(element, field) || field === 'id' || field === 'governance') {
          index.report(
            'PWY_GOVERNANCE_FIELD_UNKNOWN',
            [collection, i, 'governance', 'bounds', field],
            `"${field}" is not a field this element has, so it cannot be tailorable.`,
          );
        }
      }
    });
  }
}
