import type { Effect, Refusal, CommandResult, WorkItemView } from '@pathways/core';

// Plain-text renderings for assertion messages: stable, compact, one line per thing.

/** A value as a message shows it: JSON, compact; nothing at all as `nothing`. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return compactSource(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A list of ids as `[a, b]`. */
export function showList(values: readonly string[]): string {
  return `[${values.join(', ')}]`;
}

function compactSource(fn: unknown): string {
  const text = String(fn).replace(/\s+/g, ' ');
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** An effect on one line: its type, then its other fields as JSON. */
export function showEffect(effect: Effect): string {
  const { type, ...fields } = effect;
  return `${type} ${JSON.stringify(fields)}`;
}

/** Numbered effect lines, indented, or `(none)`. */
export function listEffects(effects: readonly Effect[], indent = '    '): string {
  if (effects.length === 0) return `${indent}(none)`;
  return effects.map((effect, index) => `${indent}${index + 1}. ${showEffect(effect)}`).join('\n');
}

/** A work item on one line: id, type, status, owner, and due, node, escalation when it has them. */
export function showWorkItem(item: WorkItemView): string {
  const parts = [`${item.id} ${item.workItemType} ${item.status}`, `owner ${item.ownerRole}`];
  if (item.due) parts.push(`due ${item.due}`);
  if (item.node) parts.push(`node ${item.node}`);
  if (item.escalation) parts.push(`escalation ${item.escalation}`);
  if (item.meeting) parts.push(`meeting ${item.meeting}`);
  return parts.join(', ');
}

/** Work item lines, indented, or `(none)`. */
export function listWorkItems(items: readonly WorkItemView[], indent = '    '): string {
  if (items.length === 0) return `${indent}(none)`;
  return items.map((item) => `${indent}- ${showWorkItem(item)}`).join('\n');
}

/** Ends text with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A refusal as a sentence: its code and message, then each problem's path and message on its own line. */
export function showRefusal(refusal: Refusal): string {
  const problems = refusal.problems.map((problem) => `\n    - ${problem.path.join('.') || '(root)'}: ${problem.message}`).join('');
  return `${refusal.code}: ${sentence(refusal.message)}${problems}`;
}

/** What became of a command, as the end of a sentence ("…, but it applied (version 4, effects: …)."). */
export function showOutcome(result: CommandResult): string {
  if (result.kind === 'applied') {
    const types = result.effects.map((effect) => effect.type);
    return `it applied (version ${result.record.version}, ${types.length === 0 ? 'no effects' : `effects: ${types.join(', ')}`}).`;
  }
  if (result.kind === 'refused') return `it was refused with ${showRefusal(result.refusal)}`;
  const { incident } = result;
  return `it ended in an incident${incident.plugin ? ` in plugin ${incident.plugin}` : ''}: ${sentence(incident.error)}`;
}
