import type { VariantChange } from '@pathways/core';

/** A value short enough to sit on one line beside the change it belongs to. */
function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * One line saying what a change does, so "change #3" in a report can be recognised without
 * opening the variant file and counting.
 */
export function describeChange(change: VariantChange): string {
  switch (change.op) {
    case 'setParameter':
      return `setParameter ${change.name} = ${brief(change.value)}`;
    case 'add':
      return `add ${change.collection} ${change.collection === 'events' ? String(change.element.type) : String(change.element.id)}`;
    case 'replace':
    case 'remove':
      return `${change.op} ${change.collection} ${change.id}`;
    case 'setField':
      return `setField ${change.collection} ${change.id}.${change.field} = ${brief(change.value)}`;
    case 'relabel':
      return `relabel ${change.collection} ${change.id}: ${Object.keys(change.label).join(', ')}`;
    case 'setParameterGovernance':
      return `setParameterGovernance ${change.name} → ${change.governance.mode}`;
    case 'setGovernance':
      return `setGovernance ${change.collection} ${change.id} → ${change.governance.mode}`;
    case 'addFragment':
      return `addFragment at ${change.point}: ${change.nodes.map((node) => node.id).join(', ')}`;
    case 'addIntakeSource':
      return `addIntakeSource at ${change.point}: ${change.agency.id}`;
    case 'setCalendar':
      return `setCalendar ${(['timeZone', 'workingWeekdays', 'holidays'] as const).filter((field) => change[field] !== undefined).join(', ')}`;
    case 'addAdjustmentPoint':
      return `addAdjustmentPoint ${change.point.id}`;
  }
}

/** "change #N (what it does)", 1-based as people count; the index alone when the change is unknown. */
export function changeLabel(index: number, changes?: readonly VariantChange[]): string {
  const change = changes?.[index];
  return change ? `change #${index + 1} (${describeChange(change)})` : `change #${index + 1}`;
}
