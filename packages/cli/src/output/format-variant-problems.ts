import { formatPath, type PathwayVariant, type ProvenanceMap, type VariantProblem, type WitnessStep } from '@pathways/core';
import { changeLabel } from './describe-change.js';

/** What is known about the variant a problem list belongs to, to name changes and origins. */
export interface ProblemContext {
  readonly variant?: PathwayVariant;
  /** Provenance of the resolved template, to say which level added a transition on a witness. */
  readonly provenance?: ProvenanceMap;
}

/** Which level put an element on the witness path there, when it was not the baseline. */
function origin(key: string, context: ProblemContext): string {
  const from = context.provenance && Object.hasOwn(context.provenance, key) ? context.provenance[key] : undefined;
  if (!from || from.level === 'national' || from.change === undefined) return '';
  return from.source === context.variant?.id ? `  [this variant, change #${from.change + 1}]` : `  [${from.source}, change #${from.change + 1}]`;
}

/** A witness as the path a case could take, one step a line, tier changes on their own lines. */
export function formatWitness(witness: readonly WitnessStep[], context: ProblemContext): string[] {
  const lines = ['    witness (the shortest path that breaks it):'];
  let tier: string | null = null;
  for (const step of witness) {
    const before = tier ?? 'unassessed';
    tier = step.tier;
    switch (step.kind) {
      case 'start':
        lines.push(`      ${step.node} (start, tier ${tier ?? 'unassessed'})`);
        break;
      case 'tierRaised':
      case 'tierLowered':
        lines.push(`      tier ${step.kind === 'tierRaised' ? 'raised' : 'lowered'}: ${before} → ${tier ?? 'unassessed'}, at ${step.node}`);
        break;
      case 'route':
        lines.push(`      → ${step.node}, routed by escalation ${step.rule ?? '(unnamed)'}${step.rule ? origin(`escalations:${step.rule}`, context) : ''}`);
        break;
      case 'transition':
        lines.push(`      → ${step.node}, via transition ${step.transition ?? '(unnamed)'}${step.transition ? origin(`transitions:${step.transition}`, context) : ''}`);
        break;
      case 'entryPoint':
        lines.push(`      → ${step.node}, from a local intake source at entry point ${step.point ?? '(unnamed)'}`);
        break;
      case 'planRevised':
        lines.push(`      a new version of ${step.planType ?? 'the plan'} is started, at ${step.node}`);
        break;
    }
  }
  return lines;
}

/** Where a problem sits: a change of the variant, the resolved template, or the variant as a whole. */
function where(item: VariantProblem, context: ProblemContext): string {
  if (item.change !== null) return `in ${changeLabel(item.change, context.variant?.changes)}`;
  return item.path[0] === 'resolved' ? 'in the resolved template' : 'in the variant';
}

/** One block per problem: code, change and path; message; hint; the witness for broken invariants. */
export function formatVariantProblem(item: VariantProblem, context: ProblemContext): string[] {
  const lines = [`  ${item.code} ${where(item, context)} at ${formatPath(item.path)}`, `    ${item.message}`, `    hint: ${item.hint}`];
  if (item.witness && item.witness.length > 0) lines.push(...formatWitness(item.witness, context));
  return lines;
}
