import { initialTransition, transition } from 'xstate';
import { z } from 'zod';
import { buildCaseMachine, type CaseMachine } from '../compiler/build-machine.js';
import type { CaseGuard } from '../compiler/case-guards.js';
import type { CaseEvent, CaseSnapshot } from '../compiler/case-state.js';
import { compile, type CompiledPathway } from '../compiler/compile.js';
import type { NodeMeta } from '../compiler/machine-config.js';
import { clearPluginFailure, failedPlugin } from '../compiler/plugin-runtime.js';
import { catalogueEntry, type ErrorCode } from '../errors/catalogue.js';
import { PathwaysError, type Problem } from '../errors/problem.js';
import { commandEnvelope, type CommandEnvelope, type CommandInput } from '../model/command-envelope.js';
import type { Effect } from '../model/effects.js';
import { own } from '../model/own.js';
import type { PathwayNode } from '../model/nodes.js';
import { referral, type ReferralInput } from '../model/referral.js';
import type { InstalledPlugin, PathwayTemplate } from '../model/template.js';
import { timerFiredEvent } from '../model/transitions.js';
import { problemsFromZodIssues } from '../model/zod-problems.js';
import { compareInstants, toUtcIso } from '../time/deadlines.js';
import { askAboutEvent, offeredCommands } from './ask-machine.js';
import type { CaseHistory } from './case-history.js';
import type { ActiveNode, CaseRecord, CaseView, CommandResult, Incident, Refusal, WorkItemView } from './case-record.js';
import { commandSpecs, type CommandSpec } from './command-specs.js';
import { withFaults, type Fault } from './faults.js';
import type { CaseInspector, InspectedCase } from './inspect.js';

/** A timer that is due by a given instant. */
export interface DueTimer {
  readonly timerId: string;
  readonly due: string;
  readonly purpose: string;
  readonly node?: string;
}

/** Options for an engine. */
export interface EngineOptions {
  /** Plugins installed besides the core node types; by default those the template was parsed with. */
  readonly plugins?: readonly InstalledPlugin[];
  /** Failures to inject into named guards, for simulations that show incidents and retries. */
  readonly faults?: readonly Fault[];
  /** An observer told of each case opened, each event applied and the state it led to. */
  readonly inspect?: CaseInspector;
}

/** The in-memory case engine for one compiled pathway. Stateless between calls. */
export interface CaseEngine {
  readonly pathway: CompiledPathway;
  /** Opens a case from a referral; returns the first record and the effects of entering the start. */
  startCase(input: ReferralInput): { readonly record: CaseRecord; readonly effects: readonly Effect[] };
  /** Applies one command as one pure step of the machine. Refusals and incidents change nothing. */
  send(record: CaseRecord, command: CommandInput): CommandResult;
  /** Sends the command of an incident again, on the case as it is now. */
  retryIncident(record: CaseRecord, incident: Incident): CommandResult;
  /** Timers scheduled at or before `until`, earliest first. */
  dueTimers(record: CaseRecord, until: string): readonly DueTimer[];
  /** Sends `timer.fired` for a scheduled timer, at its due time (or the case clock, if later), as the system. */
  fireTimer(record: CaseRecord, timerId: string): CommandResult;
  /**
   * Reads the case: step, milestones, persons and risk, tier, work items, plans, and the commands
   * the machine offers now. Given the case's history, the view includes closed work items, the
   * tier history, the escalations raised and every episode.
   */
  view(record: CaseRecord, history?: CaseHistory): CaseView;
}

function refusal(code: ErrorCode, message: string, problems: readonly Problem[] = []): { kind: 'refused'; refusal: Refusal } {
  return { kind: 'refused', refusal: { code, message, hint: catalogueEntry(code).hint, problems } };
}

/** Lists the active flow nodes from a state value such as `{ flow: { response: "triage" } }`. */
function activeNodeIds(snapshot: CaseSnapshot): string[] {
  const value = snapshot.value;
  const flow = typeof value === 'object' ? value.flow : undefined;
  if (flow === undefined || typeof flow !== 'object') return [];
  return Object.values(flow).filter((node): node is string => typeof node === 'string');
}

/** The effects a pure step emitted, in order (XState's raise entries and others are not effects). */
function emittedEffects(actions: readonly { readonly type: string; readonly params?: unknown }[]): Effect[] {
  const effects: Effect[] = [];
  for (const action of actions) {
    if (action.type === 'xstate.emit') effects.push((action.params as { event: Effect }).event);
  }
  return effects;
}

/** What failed, in its own words (a throwing guard is named, with the state node and event XState reports). */
function causeOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The machine as its configuration, the form XState's own inspection sends (and Stately's inspector
 * draws): implementations are named, not sent.
 */
function machineDefinition(machine: CaseMachine): string {
  return JSON.stringify(machine.config, (_key, value: unknown) => (typeof value === 'function' ? { type: value.name || 'anonymous' } : value));
}

function inspected(snapshot: CaseSnapshot): InspectedCase {
  return { status: 'active', value: snapshot.value, context: snapshot.context };
}

/** Creates the engine for a parsed template (compiled once, cached by content hash and plugins). */
export function createEngine(template: PathwayTemplate, options: EngineOptions = {}): CaseEngine {
  const pathway = compile(template, options.plugins);
  const registry: Readonly<Record<string, CaseGuard<never>>> = pathway.guards;
  const machine: CaseMachine = options.faults?.length ? buildCaseMachine(pathway.resolved, withFaults(pathway.guards, options.faults)) : pathway.machine;
  const plugins = pathway.plugins.map((plugin) => `${plugin.name}@${plugin.version}`);
  const nodes = new Map<string, PathwayNode>(pathway.template.nodes.map((node) => [node.id, node]));
  const specs = commandSpecs(pathway.template, pathway.resolved.plugins);
  const inspector = options.inspect;
  // Payload schemas never change for an engine; views are read often, so convert each once.
  const jsonSchemas = new Map<string, Record<string, unknown>>();
  const jsonSchemaOf = (spec: CommandSpec) => {
    let schema = jsonSchemas.get(spec.type);
    if (!schema) {
      schema = z.toJSONSchema(spec.payload, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      jsonSchemas.set(spec.type, schema);
    }
    return schema;
  };
  let definition: string | undefined;
  /** Calls an observer; a failing observer never changes what happens to a case. */
  const observe = (call: () => void) => {
    try {
      call();
    } catch {
      // An inspector is a window onto the engine, not part of it.
    }
  };

  // The machine snapshot behind each case state this engine produced: a caller that passes back
  // the record it was given skips re-resolving the state value. A case state read from storage
  // (a new object) is restored with machine.resolveState.
  const restored = new WeakMap<CaseSnapshot, ReturnType<CaseMachine['resolveState']>>();
  const restore = (snapshot: CaseSnapshot) => restored.get(snapshot) ?? machine.resolveState({ value: snapshot.value, context: snapshot.context });
  const remember = (snapshot: CaseSnapshot, machineSnapshot: ReturnType<CaseMachine['resolveState']>) => {
    restored.set(snapshot, machineSnapshot);
    return Object.freeze(snapshot);
  };

  /** Validates a command at the boundary: envelope, version, time, type, sender's role, payload. */
  function boundary(record: CaseRecord, input: CommandInput, system: boolean): { kind: 'refused'; refusal: Refusal } | { kind: 'ok'; command: CommandEnvelope; event: CaseEvent } {
    const envelope = commandEnvelope.safeParse(input);
    if (!envelope.success) {
      return refusal('PWY_COMMAND_ENVELOPE_INVALID', 'The command envelope is invalid.', problemsFromZodIssues(envelope.error.issues, [], input));
    }
    const command = envelope.data;
    if (command.expectedVersion !== undefined && command.expectedVersion !== record.version) {
      return refusal('PWY_COMMAND_STALE', `The command was decided on version ${command.expectedVersion}; the case is at version ${record.version}.`);
    }
    const at = toUtcIso(command.at);
    if (compareInstants(at, record.clock) < 0) {
      return refusal('PWY_COMMAND_TIME_REVERSED', `The command is at ${at}, before the case clock ${record.clock}.`);
    }
    const spec = specs.get(command.type);
    if (!spec) return refusal('PWY_COMMAND_NOT_ALLOWED', `"${command.type}" is not a command this pathway knows.`);
    if (spec.system && !system) return refusal('PWY_COMMAND_SYSTEM_ONLY', `"${command.type}" is sent by the engine when a timer is due; it cannot be sent as a command.`);
    if (spec.roles && (command.actorRole === undefined || !spec.roles.includes(command.actorRole))) {
      return refusal('PWY_COMMAND_ROLE_NOT_ALLOWED', `"${command.type}" may be sent only as ${spec.roles.join(' or ')}; it was sent as ${command.actorRole ?? 'no role'}.`);
    }
    const payload = spec.payload.safeParse(command.payload);
    if (!payload.success) {
      return refusal('PWY_COMMAND_PAYLOAD_INVALID', `The payload of "${command.type}" does not match its schema.`, problemsFromZodIssues(payload.error.issues, ['payload'], command.payload));
    }
    const event: CaseEvent = { type: command.type, payload: payload.data, at, actor: command.actor, ...(command.actorRole ? { actorRole: command.actorRole } : {}), seq: record.version + 1 };
    return { kind: 'ok', command, event };
  }

  /** One pure step: restore, transition, collect effects. A throwing guard or action is an incident. */
  function apply(record: CaseRecord, input: CommandInput, system: boolean): CommandResult {
    const checked = boundary(record, input, system);
    if (checked.kind === 'refused') return checked;
    const { command, event } = checked;
    const before = restore(record.snapshot);
    let next: typeof before;
    let actions: readonly { readonly type: string; readonly params?: unknown }[];
    try {
      clearPluginFailure();
      [next, actions] = transition(machine, before, event);
      if (next.status === 'error') throw next.error;
    } catch (error) {
      const incident: Incident = {
        code: 'PWY_CASE_INCIDENT',
        incidentId: `${record.caseId}:incident:${record.version}:${command.idempotencyKey}`,
        command,
        caseId: record.caseId,
        version: record.version,
        eventType: command.type,
        nodes: activeNodeIds(record.snapshot),
        error: causeOf(error),
        at: event.at,
        ...(failedPlugin(error) ? { plugin: failedPlugin(error)! } : {}),
      };
      return { kind: 'incident', incident };
    }
    // A step that took no transition leaves the very same snapshot and runs nothing; only then
    // is the machine asked whether a transition was taken without effect, or why none was.
    if (next === before && actions.length === 0) {
      const answer = askAboutEvent(registry, before, event);
      if (!answer.taken) {
        if (answer.refusal) return refusal(answer.refusal.code, answer.refusal.message);
        const active = activeNodeIds(record.snapshot).join(', ') || 'no activity';
        return refusal('PWY_COMMAND_NOT_ALLOWED', `"${command.type}" is not allowed while the case is at ${active}.`);
      }
    }
    const snapshot = remember({ value: next.value, context: next.context }, next);
    if (inspector) {
      observe(() => inspector.event?.(record.caseId, event, { source: event.actor }));
      observe(() => inspector.snapshot?.(record.caseId, inspected(snapshot), { event }));
    }
    return {
      kind: 'applied',
      effects: emittedEffects(actions),
      record: { caseId: record.caseId, version: event.seq, clock: event.at, templateHash: pathway.contentHash, plugins, snapshot },
    };
  }

  function workItemsOf(record: CaseRecord, history: CaseHistory | undefined): WorkItemView[] {
    const outstanding = Object.values(record.snapshot.context.workItems);
    if (!history) return outstanding;
    // The history has every work item in the order it was opened; the case state knows the
    // outstanding ones' current status and node (a node may have adopted an escalation's work).
    return history.workItems.map((item) => {
      const current = own(record.snapshot.context.workItems, item.id);
      return current ? { ...item, status: current.status, ...(current.node ? { node: current.node } : {}), ...(current.due ? { due: current.due } : {}) } : item;
    });
  }

  return {
    pathway,
    startCase(input) {
      const checked = referral.safeParse(input);
      if (!checked.success) {
        const problems = problemsFromZodIssues(checked.error.issues, [], input);
        throw new PathwaysError('PWY_REFERRAL_INVALID', `The referral cannot open a case: ${problems.map((p) => `${p.path.join('.') || '(root)'}: ${p.message}`).join('; ')}`, problems);
      }
      const opened = { ...checked.data, openedAt: toUtcIso(checked.data.openedAt) };
      let first: ReturnType<typeof initialTransition<CaseMachine>>;
      try {
        first = initialTransition(machine, opened);
      } catch (error) {
        throw new PathwaysError('PWY_CASE_INCIDENT', `The case could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      }
      const [state, actions] = first;
      const snapshot = remember({ value: state.value, context: state.context }, state);
      if (inspector?.actor) {
        definition ??= machineDefinition(machine);
        const text = definition;
        observe(() => inspector.actor?.(opened.caseId, inspected(snapshot), { definition: text }));
      }
      return {
        effects: emittedEffects(actions),
        record: { caseId: opened.caseId, version: 0, clock: opened.openedAt, templateHash: pathway.contentHash, plugins, snapshot },
      };
    },
    send: (record, command) => apply(record, command, false),
    retryIncident(record, incident) {
      if (incident.caseId !== record.caseId) return refusal('PWY_INCIDENT_UNKNOWN', `Incident ${incident.incidentId} belongs to another case.`);
      const command = { ...incident.command, expectedVersion: incident.command.expectedVersion === undefined ? undefined : incident.version };
      return apply(record, command, incident.command.type === timerFiredEvent);
    },
    dueTimers(record, until) {
      const limit = toUtcIso(until);
      // A wait counted from a case fact not yet recorded has no due time: it is never due.
      return Object.values(record.snapshot.context.timers)
        .flatMap((timer) => (timer.due !== undefined && compareInstants(timer.due, limit) <= 0 ? [{ ...timer, due: timer.due }] : []))
        .sort((a, b) => compareInstants(a.due, b.due) || a.id.localeCompare(b.id))
        .map((timer) => ({ timerId: timer.id, due: timer.due, purpose: timer.purpose, ...(timer.node ? { node: timer.node } : {}) }));
    },
    fireTimer(record, timerId) {
      const timer = own(record.snapshot.context.timers, timerId);
      if (!timer?.due) return refusal('PWY_COMMAND_NOT_ALLOWED', `No timer "${timerId}" is scheduled.`);
      const at = compareInstants(timer.due, record.clock) < 0 ? record.clock : timer.due;
      return apply(record, { type: timerFiredEvent, payload: { timerId }, at, actor: 'system', idempotencyKey: `timer:${timerId}` }, true);
    },
    view(record, history) {
      const context = record.snapshot.context;
      const active: ActiveNode[] = activeNodeIds(record.snapshot).map((id) => {
        const node = nodes.get(id);
        const meta: NodeMeta | undefined = node ? { nodeId: id, nodeType: node.type, step: node.stage } : undefined;
        return { node: id, nodeType: meta?.nodeType ?? 'unknown', step: meta?.step ?? 'recognition' };
      });
      return {
        caseId: record.caseId,
        version: record.version,
        clock: record.clock,
        status: context.closed ? 'closed' : 'open',
        active,
        steps: active.map((node) => node.step),
        tier: context.tier,
        tierHistory: history?.tierChanges ?? [],
        persons: Object.values(context.persons).map((person) => ({ ...person, ...(own(context.risk, person.id) ? { risk: own(context.risk, person.id) } : {}) })),
        episodes: history?.episodes ?? [],
        workItems: workItemsOf(record, history),
        plans: Object.values(context.plans),
        planVersions: history?.planVersions ?? [],
        facts: context.facts,
        workers: context.workers,
        decision: context.decision,
        plugins: context.plugins,
        assessments: history?.assessments ?? [],
        timers: Object.values(context.timers),
        milestones: context.milestones,
        escalations: history?.escalations ?? [],
        allowedCommands: context.closed ? [] : offeredCommands(registry, restore(record.snapshot), specs, jsonSchemaOf),
      };
    },
  };
}
