import type { PathwayVariant, RebaseResult } from '@pathways/core';
import { describeChange } from './describe-change.js';

/** Names for the versions involved, as `id@version`. */
export interface RebaseNames {
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** Where the rebased variant was written, if it was. */
  readonly written?: string;
}

/**
 * Human form of a rebase: every change with its outcome (nothing is dropped silently), and for
 * each conflict why it conflicts and what to do about it.
 */
export function formatRebase(original: PathwayVariant, result: RebaseResult, names: RebaseNames): string {
  const lines = [`${names.file}: ${original.id}@${original.version} from ${names.from} onto ${names.to}`, ''];
  const width = `change #${result.outcomes.length}`.length;
  for (const outcome of result.outcomes) {
    const change = original.changes[outcome.change];
    const label = `change #${outcome.change + 1}`.padEnd(width);
    const prefix = `  ${label}  ${outcome.status === 'conflict' ? 'CONFLICT' : 'applied '}  `;
    lines.push(`${prefix}${change ? describeChange(change) : outcome.op}`);
    if (outcome.status === 'conflict') {
      const indent = ' '.repeat(prefix.length);
      lines.push(`${indent}PWY_REBASE_CONFLICT: ${outcome.reason ?? 'conflicts with the new version.'}`);
      if (outcome.suggestion) lines.push(`${indent}suggestion: ${outcome.suggestion}`);
    }
  }
  lines.push('');
  if (result.conflicts === 0) lines.push(`No conflicts: every change applies to ${names.to}. Run pathways check on the rebased variant to confirm.`);
  else lines.push(`${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'}: follow each suggestion in the rebased variant, then run pathways check on it.`);
  if (names.written) lines.push(`Wrote the rebased variant (extends ${names.to}; every change kept, conflicting ones included) to ${names.written}.`);
  else lines.push('Nothing was written: add --write <out.json> to save the rebased variant.');
  return `${lines.join('\n')}\n`;
}
