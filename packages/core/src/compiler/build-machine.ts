import { enqueueActions, raise, setup } from 'xstate';
import type { Effect } from '../model/effects.js';
import { internalEventTypes } from '../model/internal-events.js';
import { toUtcIso } from '../time/deadlines.js';
import { caseActions, type ActionImplementation } from './case-actions.js';
import { allGuards, caseGuards, checkGuards, type CaseGuard, type GuardArgs, type GuardRef } from './case-guards.js';
import type { CaseContext, CaseEvent, CaseInput } from './case-state.js';
import { applyEscalations } from './escalation-logic.js';
import { caseMachineConfig, type ActionConfig, type NodeMeta, type StateConfig, type TransitionMeta } from './machine-config.js';
import type { ResolvedTemplate } from './resolved-template.js';

/**
 * Thrown, once made, when the machine is asked for an initial state without a referral. XState's
 * pure `transition()` builds a throwaway actor that asks exactly that (and discards the answer);
 * failing at once, without capturing a stack, keeps that cost off every command.
 */
const noReferral = new Error('A case opens from a referral: initialTransition(machine, referral).');

/** The context a case opens with: the referral's persons, each plugin's initial state, and nothing else yet. */
function initialContext(input: CaseInput | undefined, plugins: Readonly<Record<string, unknown>>): CaseContext {
  if (input === undefined) throw noReferral;
  return {
    caseId: input.caseId,
    openedAt: toUtcIso(input.openedAt),
    idSeq: 0,
    idCount: 0,
    closed: false,
    persons: Object.fromEntries(input.persons.map((person) => [person.id, { id: person.id, roles: [...new Set(person.roles)] }])),
    episodes: [],
    pastEpisodeIds: [],
    plugins,
    risk: {},
    override: null,
    decision: null,
    tier: null,
    facts: {},
    workers: {},
    conferenceListing: null,
    workItems: {},
    closedWorkItems: {},
    plans: {},
    timers: {},
    milestones: {},
    conditionsHeld: {},
  };
}

/** Runs named guards; a guard that throws is named in the error, so an incident says which one failed. */
function passes(registry: Readonly<Record<string, CaseGuard<never>>>, refs: readonly GuardRef[], args: GuardArgs): boolean {
  for (const ref of refs) {
    try {
      if (checkGuards(registry, [ref], args) !== true) return false;
    } catch (error) {
      throw new Error(`guard ${ref.type} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return true;
}

/** The guards the machine runs, by name: each a boolean view of a named guard's verdict. */
function machineGuards(registry: Readonly<Record<string, CaseGuard<never>>>) {
  const guards: Record<string, (args: GuardArgs, params: unknown) => boolean> = {};
  for (const name of Object.keys(registry)) guards[name] = (args, params) => passes(registry, [{ type: name, params }], args);
  guards[allGuards] = (args, params) => passes(registry, (params as { guards: readonly GuardRef[] }).guards, args);
  return guards;
}

/**
 * Builds the XState machine of a resolved template. Every action is an `enqueueActions` that
 * assigns the new context and emits its effects; the engine runs it with xstate's pure
 * `transition()` and collects the emitted effects in order. `guards` replaces the named guards
 * (the engine's fault injection wraps them); it defaults to the template's own.
 */
export function buildCaseMachine(resolved: ResolvedTemplate, guards: Readonly<Record<string, CaseGuard<never>>> = caseGuards(resolved)) {
  const { actions: implementations, changes } = caseActions(resolved);
  /** An action implementation as an XState action: assign the new context, emit the effects, raise the events for other regions. */
  const act = <P>(implementation: ActionImplementation<P>) =>
    enqueueActions<CaseContext, CaseEvent, P, CaseEvent, never, never, never, never, Effect>(({ context, event, enqueue }, params) => {
      const step = implementation(context, event, params);
      if (step.context !== context) enqueue.assign(step.context);
      for (const effect of step.effects) enqueue.emit(effect);
      for (const raised of step.raised) enqueue.raise({ ...raised, at: event.at, actor: event.actor ?? 'system', seq: event.seq });
    });
  const escalate = enqueueActions<CaseContext, CaseEvent, undefined, CaseEvent, never, never, never, never, Effect>(({ context, event, enqueue }) => {
    const step = applyEscalations(context, event, resolved, changes);
    if (step.context !== context) enqueue.assign(step.context);
    for (const effect of step.effects) enqueue.emit(effect);
    for (const node of step.routes) enqueue.raise({ type: internalEventTypes.escalationRoute, payload: { node }, at: event.at, actor: 'system', seq: event.seq });
  });
  const builder = setup({
    types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput; emitted: Effect; meta: NodeMeta | { step: string } | { tier: string } },
    actions: {
      recordOpening: act(implementations.recordOpening),
      openWorkItem: act(implementations.openWorkItem),
      closeWorkItems: act(implementations.closeWorkItems),
      scheduleWait: act(implementations.scheduleWait),
      cancelWaits: act(implementations.cancelWaits),
      notifyRole: act(implementations.notifyRole),
      recordMilestone: act(implementations.recordMilestone),
      addPerson: act(implementations.addPerson),
      recordRisk: act(implementations.recordRisk),
      recordOverride: act(implementations.recordOverride),
      recordRiskTool: act(implementations.recordRiskTool),
      recordDecision: act(implementations.recordDecision),
      setTier: act(implementations.setTier),
      recordEpisode: act(implementations.recordEpisode),
      progressWorkItem: act(implementations.progressWorkItem),
      assignWorkItem: act(implementations.assignWorkItem),
      assignWorker: act(implementations.assignWorker),
      recordFact: act(implementations.recordFact),
      recordFactsFromPayload: act(implementations.recordFactsFromPayload),
      addPlanAction: act(implementations.addPlanAction),
      startPlanVersion: act(implementations.startPlanVersion),
      approvePlan: act(implementations.approvePlan),
      reviewPlan: act(implementations.reviewPlan),
      closeCase: act(implementations.closeCase),
      pluginEnter: act(implementations.pluginEnter),
      pluginAction: act(implementations.pluginAction),
      escalate,
    },
    guards: machineGuards(guards),
  });

  /** A follow-up event raised inside the step, carrying the triggering event's time, actor and sequence number. */
  const followUp = (config: Extract<ActionConfig, { raise: string }>) =>
    raise<CaseContext, CaseEvent, CaseEvent, undefined, never, never>(({ context, event }) => {
      const cause = typeof event.payload?.cause === 'string' ? event.payload.cause : event.type;
      const payload: Record<string, unknown> =
        config.payload === 'tierRaised'
          ? { from: context.tier, to: config.value, cause }
          : config.payload === 'milestone'
            ? { milestone: config.value }
            : config.payload === 'cause'
              ? { cause }
              : config.payload === 'event'
                ? { ...event.payload, cause }
                : {};
      return { type: config.raise, payload, at: event.at ?? context.openedAt, actor: event.actor ?? 'system', seq: event.seq ?? 0 };
    });
  const action = (config: ActionConfig) => ('raise' in config ? followUp(config) : config);
  const state = (config: StateConfig): unknown => ({
    ...config,
    ...(config.entry ? { entry: config.entry.map(action) } : {}),
    ...(config.exit ? { exit: config.exit.map(action) } : {}),
    ...(config.on ? { on: Object.fromEntries(Object.entries(config.on).map(([event, transitions]) => [event, transitions.map((t) => ({ ...t, actions: t.actions.map(action) }))])) } : {}),
    ...(config.always ? { always: config.always.map((t) => ({ ...t, actions: t.actions.map(action) })) } : {}),
    ...(config.states ? { states: Object.fromEntries(Object.entries(config.states).map(([key, child]) => [key, state(child)])) } : {}),
  });
  const initialPluginStates = Object.fromEntries(resolved.plugins.plugins.flatMap((plugin) => (plugin.definition.state ? [[plugin.name, plugin.definition.state.initial]] : [])));
  // The configuration is built from template data, so XState cannot check action and guard names
  // statically; parseTemplate has already checked every name the template uses, and the compiler
  // names only the implementations above.
  type MachineConfig = Parameters<typeof builder.createMachine>[0];
  return withoutThrowawayInitialState(
    builder.createMachine({
      ...(state(caseMachineConfig(resolved)) as object),
      context: ({ input }: { input: CaseInput | undefined }) => initialContext(input, initialPluginStates),
    } as MachineConfig),
  );
}

/**
 * XState's pure `transition()` builds a throwaway actor on every call, and that actor asks the
 * machine for its initial state without input, only to discard the answer. For a parallel
 * machine like ours the question costs more than a whole command's own work (the initial
 * configuration of every region, worked out three times before the missing referral is noticed).
 * The answer never changes: an error snapshot, since a case opens only from a referral. So it is
 * worked out once and given again; `initialTransition(machine, referral)` gets the real one.
 */
function withoutThrowawayInitialState<M extends { getInitialSnapshot(actorScope: never, input: never): unknown }>(machine: M): M {
  const initial = machine.getInitialSnapshot.bind(machine);
  let withoutReferral: ReturnType<M['getInitialSnapshot']> | undefined;
  machine.getInitialSnapshot = ((actorScope: never, input: never) => {
    if (input !== undefined) return initial(actorScope, input);
    withoutReferral ??= initial(actorScope, input) as ReturnType<M['getInitialSnapshot']>;
    return withoutReferral;
  }) as M['getInitialSnapshot'];
  return machine;
}

/** The XState machine of a compiled pathway, fully typed: context, events, input, emitted effects. */
export type CaseMachine = ReturnType<typeof buildCaseMachine>;
/** What a compiled transition carries in its `meta`. */
export type { TransitionMeta };
