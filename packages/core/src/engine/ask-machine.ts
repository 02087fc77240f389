import { getNextTransitions } from 'xstate';
import { checkGuards, guardRefsOf, type CaseGuard, type GuardArgs, type GuardRefusal, type GuardRef } from '../compiler/case-guards.js';
import type { CaseEvent } from '../compiler/case-state.js';
import type { CaseMachine } from '../compiler/build-machine.js';
import type { CommandSpec } from './command-specs.js';
import type { AllowedCommand } from './case-record.js';

type Registry = Readonly<Record<string, CaseGuard<never>>>;
type MachineSnapshot = ReturnType<CaseMachine['resolveState']>;

/** The guard lists of the transitions the current state has for an event type, in document order. */
function candidates(snapshot: MachineSnapshot, type: string): GuardRef[][] {
  return getNextTransitions(snapshot)
    .filter((transition) => transition.eventType === type)
    .map((transition) => guardRefsOf(transition.guard));
}

/** How much a refusal explains: a guard's own reason, then "taken elsewhere", then a route mismatch. */
const weight = (refusal: GuardRefusal) => (refusal.mismatch ? 0 : refusal.elsewhere ? 1 : 2);

/**
 * Asks the machine about an event its step did not take (or took without changing anything): is
 * there a transition whose guards all pass (a self-loop without actions), or why not? The reason
 * is the guards' own coded refusal; a route mismatch explains least, so another refusal wins.
 */
export function askAboutEvent(registry: Registry, snapshot: MachineSnapshot, event: CaseEvent): { readonly taken: true } | { readonly taken: false; readonly refusal?: GuardRefusal } {
  const args: GuardArgs = { context: snapshot.context, event };
  let best: GuardRefusal | undefined;
  for (const refs of candidates(snapshot, event.type)) {
    const verdict = checkGuards(registry, refs, args);
    if (verdict === true) return { taken: true };
    if (!best || weight(verdict) > weight(best)) best = verdict;
  }
  return best ? { taken: false, refusal: best } : { taken: false };
}

/**
 * The commands a case offers now: the event types of its current state's transitions that people
 * may send, each offered when some transition for it has every context guard passing, and marked
 * "needs payload" when every such transition also has a guard that reads the payload.
 */
export function offeredCommands(registry: Registry, snapshot: MachineSnapshot, specs: ReadonlyMap<string, CommandSpec>, jsonSchemaOf: (spec: CommandSpec) => Record<string, unknown>): AllowedCommand[] {
  const byType = new Map<string, GuardRef[][]>();
  const inFlow = new Set<string>();
  for (const transition of getNextTransitions(snapshot)) {
    const spec = specs.get(transition.eventType);
    if (!spec || spec.system) continue;
    const list = byType.get(spec.type) ?? [];
    list.push(guardRefsOf(transition.guard));
    byType.set(spec.type, list);
    if (transition.source.id.startsWith('node:')) inFlow.add(spec.type);
  }
  // What the current activity waits for comes first; then the commands a case takes at any time,
  // in the order the pathway lists them.
  const order = [...specs.keys()];
  const rank = (type: string) => (inFlow.has(type) ? -1 : order.indexOf(type));
  const types = [...byType.keys()].sort((a, b) => rank(a) - rank(b));
  // Context guards are asked of the case at rest; a guard that reads the event sees an empty payload it must not read.
  const atRest: GuardArgs = { context: snapshot.context, event: { type: '', payload: {}, at: '', actor: '', seq: 0 } };
  const offered: AllowedCommand[] = [];
  for (const type of types) {
    const transitions = byType.get(type)!;
    let viable = false;
    let needsPayload = true;
    for (const refs of transitions) {
      const contextRefs = refs.filter((ref) => registry[ref.type]?.reads === 'context');
      if (checkGuards(registry, contextRefs, atRest) !== true) continue;
      viable = true;
      if (!refs.some((ref) => registry[ref.type]?.reads === 'event')) needsPayload = false;
    }
    if (!viable) continue;
    const spec = specs.get(type)!;
    offered.push({ type, label: spec.label, payloadSchema: jsonSchemaOf(spec), ...(spec.roles ? { roles: spec.roles } : {}), needsPayload });
  }
  return offered;
}
