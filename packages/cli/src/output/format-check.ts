import type { CheckVariantResult } from '@pathways/core';
import { formatVariantProblem } from './format-variant-problems.js';

/** Human form of a variant check: a one-line pass, or every problem with its change, path and hint. */
export function formatCheck(file: string, against: string, result: CheckVariantResult): string {
  const name = result.variant ? `${result.variant.id}@${result.variant.version}` : 'the variant';
  if (result.ok && result.resolved && result.variant) {
    const { nodes, transitions, invariants } = result.resolved;
    const changes = result.variant.changes.length;
    return `${file}: ${name} passes against ${against} (${changes} change${changes === 1 ? '' : 's'}; resolved: ${nodes.length} nodes, ${transitions.length} transitions, ${invariants.length} invariants hold)\n`;
  }
  const count = result.problems.length;
  const subject = result.variant ? `${name} against ${against}` : `not a valid variant (checked against ${against})`;
  const lines = [`${file}: ${subject}: ${count} problem${count === 1 ? '' : 's'}`];
  for (const item of result.problems) lines.push('', ...formatVariantProblem(item, { variant: result.variant, provenance: result.provenance }));
  return `${lines.join('\n')}\n`;
}
