import type { Condition } from '../../model/conditions.js';
import type { ElementRef, Invariant } from '../../model/invariants.js';
import type { PathwayTemplateData } from '../../model/template.js';

/** What happens on one step of a path: nodes entered, milestones recorded, the tier after it. */
export interface StepFacts {
  readonly enteredNode?: string;
  readonly milestones: readonly string[];
  readonly tierRank: number;
  /** True when the step is the reasoned lowering of the tier. */
  readonly lowered: boolean;
  /** Per-version milestones a new plan version starts afresh on this step (they count as not yet reached). */
  readonly resets?: readonly string[];
}

/** A small automaton watching one invariant along a path. State 0 is where every path starts. */
export interface Monitor {
  readonly states: number;
  /** The next state, or 'violation'. `assume` tells whether the step's guard held under the invariant's `when`. */
  step(state: number, facts: StepFacts): number | 'violation';
  /** Facts the monitor state implies (e.g. "first not yet reached"), for evaluating guards. */
  knownMilestones(state: number): ReadonlyMap<string, boolean>;
  /** A condition assumed true when judging a possible violation (precedes' `when`). */
  readonly assume?: Condition;
  /** Whether a step would be a violation if taken (checked before guard evaluation with `assume`). */
  wouldViolate(state: number, facts: Omit<StepFacts, 'tierRank' | 'lowered'>): boolean;
  /** The monitor state after the step's resets only, for evaluating the step's own guards. */
  afterResets(state: number, facts: Pick<StepFacts, 'resets'>): number;
}

function matches(ref: ElementRef, facts: Pick<StepFacts, 'enteredNode' | 'milestones'> & { tierRank?: number }, tierRank: (tier: string) => number): boolean {
  if ('node' in ref) return facts.enteredNode === ref.node;
  if ('milestone' in ref) return facts.milestones.includes(ref.milestone);
  return facts.tierRank !== undefined && facts.tierRank >= tierRank(ref.tier);
}

/** Builds the monitor of a mustPass or precedes invariant. */
export function monitorFor(invariant: Invariant, template: PathwayTemplateData): Monitor | undefined {
  const tierRank = (tier: string) => template.tiers?.levels.findIndex((level) => level.id === tier) ?? -1;
  const rule = invariant.rule;
  if (rule.kind === 'mustPass') {
    // "A case that has been at `from` has passed `via` before it reaches `to`."
    // 0: neither seen, 1: from seen and via not yet, 2: via seen (nothing more can break it).
    // A reasoned de-escalation below a tier `from` ends an open obligation.
    const tierFrom = 'tier' in rule.from ? tierRank(rule.from.tier) : undefined;
    const viaMilestones = rule.via.flatMap((via) => ('milestone' in via ? [via.milestone] : []));
    const isVia = (facts: Pick<StepFacts, 'enteredNode' | 'milestones'> & { tierRank?: number }) => rule.via.some((via) => matches(via, facts, tierRank));
    return {
      states: 3,
      wouldViolate: (state, facts) => state === 1 && matches(rule.to, facts, tierRank) && !isVia(facts),
      step(state, facts) {
        if (state === 2 || isVia(facts)) return 2;
        if (state === 1 && matches(rule.to, facts, tierRank)) return 'violation';
        if (tierFrom !== undefined) {
          if (facts.lowered && facts.tierRank < tierFrom) return 0;
          return facts.tierRank >= tierFrom ? 1 : state;
        }
        return matches(rule.from, facts, tierRank) ? 1 : state;
      },
      // Until `via` is seen, milestones that count as `via` are known not to be reached.
      knownMilestones: (state) => new Map(state === 2 ? [] : viaMilestones.map((milestone) => [milestone, false] as const)),
      // mustPass reads "has passed via at some point on the path"; a new plan version does not undo that.
      afterResets: (state) => state,
    };
  }
  if (rule.kind === 'precedes') {
    // 0: first not yet reached, 1: reached.
    const when = typeof rule.when === 'string' ? template.conditions.find((c) => c.id === rule.when)?.condition : rule.when;
    const firstMilestone = 'milestone' in rule.first ? rule.first.milestone : undefined;
    return {
      states: 2,
      ...(when ? { assume: when } : {}),
      wouldViolate: (state, facts) =>
        (state === 0 || (firstMilestone !== undefined && (facts.resets?.includes(firstMilestone) ?? false))) && matches(rule.then, facts, tierRank) && !matches(rule.first, facts, tierRank),
      step(state, facts) {
        // A new plan version needs its per-version milestones afresh: `first` is not reached for it.
        const current = firstMilestone !== undefined && facts.resets?.includes(firstMilestone) ? 0 : state;
        if (current === 0 && matches(rule.then, facts, tierRank) && !matches(rule.first, facts, tierRank)) return 'violation';
        return matches(rule.first, facts, tierRank) ? 1 : current;
      },
      knownMilestones: (state) => (firstMilestone ? new Map([[firstMilestone, state === 1]]) : new Map()),
      afterResets: (state, facts) => (firstMilestone !== undefined && facts.resets?.includes(firstMilestone) ? 0 : state),
    };
  }
  return undefined;
}
