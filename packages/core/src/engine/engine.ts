import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type Snapshot } from 'xstate';
import { own } from '../compiler/own.js';
import { z } from 'zod';
import type { CaseContext, CaseInput, EpisodeRecord, PersonRecord } from '../compiler/case-context.js';
import { assessedTier, conditionHolds, tierRank } from '../compiler/case-logic.js';
import { compile, type CompiledPathway } from '../compiler/compile.js';
import { catalogueEntry, type ErrorCode } from '../errors/catalogue.js';
import { PathwaysError, type Problem } from '../errors/problem.js';
import { caseCommandPayloads } from '../model/case-commands.js';
import type { PersonRole } from '../model/conditions.js';
import type { PathwayNode } from '../model/nodes.js';
import type { PracticeStep } from '../model/practice-steps.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent } from '../model/transitions.js';
import { problemsFromZodIssues } from '../model/zod-problems.js';
import { compareInstants, toUtcIso } from '../time/deadlines.js';
import type { ActiveNode, AllowedCommand, CaseRecord, CaseView, CommandResult, Incident, Refusal } from './case-record.js';
import { commandSpecs } from './command-schemas.js';
import type { Effect } from './effects.js';
import { commandEnvelope, type CommandEnvelope, type CommandInput } from './envelope.js';
import { withFaults, type Fault } from './faults.js';
import { referral } from './referral.js';

/** A referral: how a case is opened. Ids only; personal details live in the personal-data store. */
export interface StartCaseInput {
  readonly caseId: string;
  /** When the case was opened, ISO 8601 with an offset. */
  readonly openedAt: string;
  /** Persons known at referral, each with their roles. */
  readonly persons?: readonly { readonly id: string; readonly roles: readonly PersonRole[] }[];
  /** The episode that led to the referral. */
  readonly episode?: {
    readonly episodeId: string;
    readonly sourceAgency: string;
    readonly victimSurvivors: readonly string[];
    readonly personsUsingViolence?: readonly string[];
    readonly childrenPresent: boolean;
  };
}

/** A timer that is due by a given instant. */
export interface DueTimer {
  readonly timerId: string;
  readonly due: string;
  readonly purpose: string;
  readonly node?: string;
}

/** Options for an engine. */
export interface EngineOptions {
  /** Failures to inject into named guards or actions, for simulations that show incidents and retries. */
  readonly faults?: readonly Fault[];
}

/** The in-memory case engine for one compiled pathway. Stateless between calls. */
export interface CaseEngine {
  readonly pathway: CompiledPathway;
  /** Opens a case from a referral; returns the first record and the effects of entering the start. */
  startCase(input: StartCaseInput): { readonly record: CaseRecord; readonly effects: readonly Effect[] };
  /** Applies one command: restore the snapshot, send, persist, stop. Refusals and incidents change nothing. */
  send(record: CaseRecord, command: CommandInput): CommandResult;
  /** Sends the command of an incident again, on the case as it is now. */
  retryIncident(record: CaseRecord, incident: Incident): CommandResult;
  /** Timers scheduled at or before `until`, earliest first. */
  dueTimers(record: CaseRecord, until: string): readonly DueTimer[];
  /** Sends `timer.fired` for a scheduled timer, at its due time, as the system. */
  fireTimer(record: CaseRecord, timerId: string): CommandResult;
  /** Reads the case: step, milestones, persons and risk, tier, work items, plans, allowed commands. */
  view(record: CaseRecord): CaseView;
}

function refusal(code: ErrorCode, message: string, problems: readonly Problem[] = []): { kind: 'refused'; refusal: Refusal } {
  return { kind: 'refused', refusal: { code, message, hint: catalogueEntry(code).hint, problems } };
}

function contextOf(snapshot: Snapshot<unknown>): CaseContext {
  return (snapshot as unknown as { context: CaseContext }).context;
}

function withoutPending(persisted: Snapshot<unknown>): Snapshot<unknown> {
  const context = contextOf(persisted);
  return { ...persisted, context: { ...context, pending: [] } } as unknown as Snapshot<unknown>;
}

/** Lists the active flow nodes from a snapshot value such as `{ flow: { response: "triage" } }`. */
function activeNodeIds(snapshot: Snapshot<unknown>): string[] {
  const value = (snapshot as unknown as { value: Record<string, unknown> }).value;
  const flow = value.flow;
  if (flow === null || typeof flow !== 'object') return [];
  return Object.values(flow as Record<string, unknown>).filter((node): node is string => typeof node === 'string');
}

function referralInput(input: StartCaseInput): CaseInput {
  const openedAt = toUtcIso(input.openedAt);
  const persons = new Map<string, PersonRecord>();
  const addRole = (id: string, role: PersonRole) => {
    const roles = persons.get(id)?.roles ?? [];
    persons.set(id, { id, roles: roles.includes(role) ? roles : [...roles, role] });
  };
  for (const person of input.persons ?? []) person.roles.forEach((role) => addRole(person.id, role));
  let episode: EpisodeRecord | undefined;
  if (input.episode) {
    input.episode.victimSurvivors.forEach((id) => addRole(id, 'adult-victim-survivor'));
    (input.episode.personsUsingViolence ?? []).forEach((id) => addRole(id, 'person-using-violence'));
    episode = {
      id: input.episode.episodeId,
      reportedAt: openedAt,
      sourceAgency: input.episode.sourceAgency,
      victimSurvivors: [...input.episode.victimSurvivors],
      personsUsingViolence: [...(input.episode.personsUsingViolence ?? [])],
      childrenPresent: input.episode.childrenPresent,
    };
  }
  return { caseId: input.caseId, openedAt, persons: [...persons.values()], ...(episode ? { episode } : {}) };
}

/** Creates the engine for a template (compiled once, cached by content hash). */
export function createEngine(template: PathwayTemplate, options: EngineOptions = {}): CaseEngine {
  const pathway = compile(template);
  const machine: AnyStateMachine = options.faults?.length ? withFaults(pathway.machine, options.faults) : pathway.machine;
  const { tiers } = pathway.template;
  const nodes = new Map<string, PathwayNode>(pathway.template.nodes.map((node) => [node.id, node]));
  const specs = commandSpecs(pathway.template);
  // Payload schemas never change for an engine; views are read often, so convert each once.
  const jsonSchemas = new Map<string, Record<string, unknown>>();
  const jsonSchemaOf = (type: string, payload: z.ZodType) => {
    let schema = jsonSchemas.get(type);
    if (!schema) {
      schema = z.toJSONSchema(payload, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      jsonSchemas.set(type, schema);
    }
    return schema;
  };

  function run(record: CaseRecord | undefined, start: CaseInput | undefined, event: Record<string, unknown> | undefined) {
    let failure: unknown;
    const actor = record ? createActor(machine, { snapshot: record.snapshot }) : createActor(machine, { input: start! });
    actor.subscribe({ error: (error) => (failure = error) });
    actor.start();
    let allowed = true;
    if (event && failure === undefined) {
      // An event no active state handles (or whose guards all fail) leaves the very same
      // snapshot object; checking that is cheaper than asking `can()` first, which computes the
      // transition twice.
      // A transition that changes nothing (e.g. a self-loop without actions) also leaves it, so
      // only then is `can()` asked, on the snapshot the event was sent to.
      const before = actor.getSnapshot() as AnyMachineSnapshot;
      actor.send(event as { type: string });
      allowed = failure !== undefined || actor.getSnapshot() !== before || before.can(event as { type: string });
    }
    const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
    if (snapshot.status === 'error' && failure === undefined) failure = snapshot.error;
    const persisted = failure === undefined && allowed ? (actor.getPersistedSnapshot() as Snapshot<unknown>) : undefined;
    actor.stop();
    return { failure, allowed, persisted };
  }

  /** Refusals that explain themselves better than "not allowed": roles, tier and plan rules, unknown work items. */
  function precheck(record: CaseRecord, command: CommandEnvelope, payload: Record<string, unknown>): { kind: 'refused'; refusal: Refusal } | undefined {
    const spec = specs.get(command.type)!;
    const active = activeNodeIds(record.snapshot);
    if (active.length > 0 && active.every((id) => nodes.get(id)?.type === 'end') && command.type !== timerFiredEvent) {
      return refusal('PWY_COMMAND_NOT_ALLOWED', `The case is closed (at ${active.join(', ')}); "${command.type}" changes nothing. A new episode starts a new case.`);
    }
    if (spec.roles && (command.actorRole === undefined || !spec.roles.includes(command.actorRole))) {
      return refusal('PWY_COMMAND_ROLE_NOT_ALLOWED', `"${command.type}" may be sent only as ${spec.roles.join(' or ')}; it was sent as ${command.actorRole ?? 'no role'}.`);
    }
    const context = contextOf(record.snapshot);
    const tierIds = tiers?.levels.map((level) => level.id) ?? [];
    if ((command.type === 'risk.assessed' || command.type === 'tier.overridden') && !tierIds.includes(String(payload.level))) {
      return refusal('PWY_COMMAND_PAYLOAD_INVALID', `"${String(payload.level)}" is not a tier of this pathway (${tierIds.join(', ') || 'it has none'}).`);
    }
    if (command.type === 'risk.assessed' && !own(context.persons, String(payload.personId))) {
      return refusal('PWY_COMMAND_PAYLOAD_INVALID', `No person "${String(payload.personId)}" is in the case; add them first (person.added).`);
    }
    if (tiers && command.type === tiers.lowering.event) {
      const to = String(payload.toTier);
      const floor = assessedTier(context, tiers);
      if (tierRank(tiers, to) < 0) return refusal('PWY_TIER_LOWERING_INVALID', `"${to}" is not a tier of this pathway.`);
      if (tierRank(tiers, to) >= tierRank(tiers, context.tier)) return refusal('PWY_TIER_LOWERING_INVALID', `The case is at ${context.tier ?? 'no tier'}; "${to}" is not lower.`);
      if (tierRank(tiers, to) < tierRank(tiers, floor)) {
        return refusal('PWY_TIER_LOWERING_INVALID', `A current assessment puts a victim-survivor at ${floor}; the tier cannot go below it. Record a new assessment first.`);
      }
    }
    if (command.type === 'plan.approved') {
      const planType = pathway.template.planTypes.find((plan) => plan.id === payload.planType);
      if (!planType) return refusal('PWY_COMMAND_PAYLOAD_INVALID', `No plan type "${String(payload.planType)}" is declared.`);
      if (planType.approval.requires && !conditionHolds(planType.approval.requires, context, tiers, pathway.template.conditions)) {
        return refusal('PWY_PLAN_APPROVAL_BLOCKED', `The ${planType.id} cannot be approved yet: its approval condition does not hold.`);
      }
    }
    if (command.type === 'workItem.progressed') {
      const item = own(context.workItems, String(payload.workItemId));
      if (!item || (item.status !== 'open' && item.status !== 'inProgress')) {
        return refusal('PWY_COMMAND_NOT_ALLOWED', `Work item "${String(payload.workItemId)}" is not open.`);
      }
    }
    return undefined;
  }

  function send(record: CaseRecord, input: CommandInput): CommandResult {
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
    const payload = spec.payload.safeParse(command.payload);
    if (!payload.success) {
      return refusal('PWY_COMMAND_PAYLOAD_INVALID', `The payload of "${command.type}" does not match its schema.`, problemsFromZodIssues(payload.error.issues, ['payload'], command.payload));
    }
    const refused = precheck(record, command, payload.data);
    if (refused) return refused;
    const seq = record.version + 1;
    const event = { type: command.type, payload: payload.data, at, actor: command.actor, ...(command.actorRole ? { actorRole: command.actorRole } : {}), seq };
    const outcome = run(record, undefined, event);
    if (outcome.failure !== undefined) {
      return {
        kind: 'incident',
        incident: {
          code: 'PWY_CASE_INCIDENT',
          incidentId: `${record.caseId}:incident:${record.version}:${command.idempotencyKey}`,
          command,
          caseId: record.caseId,
          version: record.version,
          eventType: command.type,
          nodes: activeNodeIds(record.snapshot),
          error: outcome.failure instanceof Error ? outcome.failure.message : String(outcome.failure),
          at,
        },
      };
    }
    if (!outcome.allowed || !outcome.persisted) {
      const active = activeNodeIds(record.snapshot).join(', ') || 'no activity';
      return refusal('PWY_COMMAND_NOT_ALLOWED', `"${command.type}" is not allowed while the case is at ${active}.`);
    }
    return {
      kind: 'applied',
      effects: contextOf(outcome.persisted).pending,
      record: { caseId: record.caseId, version: seq, clock: at, templateHash: pathway.contentHash, snapshot: withoutPending(outcome.persisted) },
    };
  }

  function allowedCommands(record: CaseRecord, active: readonly ActiveNode[]): AllowedCommand[] {
    if (active.length > 0 && active.every((node) => node.nodeType === 'end')) return [];
    const context = contextOf(record.snapshot);
    const types = new Set<string>();
    for (const { node } of active) {
      for (const transition of pathway.template.transitions) {
        if (transition.from === node && transition.on !== undefined && transition.on !== timerFiredEvent) types.add(transition.on);
      }
    }
    const builtIns = Object.keys(caseCommandPayloads).filter((type) => {
      if (type === 'workItem.progressed') return Object.values(context.workItems).some((item) => item.status === 'open' || item.status === 'inProgress');
      if (type === 'plan.approved' || type === 'plan.reviewed' || type === 'plan.actionAdded') return pathway.template.planTypes.length > 0;
      if (type === 'risk.assessed' || type === 'tier.overridden') return tiers !== undefined;
      return true;
    });
    builtIns.forEach((type) => types.add(type));
    for (const rule of pathway.template.escalations) if (rule.trigger.kind === 'event') types.add(rule.trigger.event);
    if (tiers && context.tier !== null && tierRank(tiers, context.tier) > Math.max(0, tierRank(tiers, assessedTier(context, tiers)))) types.add(tiers.lowering.event);
    return [...types].flatMap((type) => {
      const spec = specs.get(type);
      if (!spec || spec.system) return [];
      return [{ type, label: spec.label, payloadSchema: jsonSchemaOf(type, spec.payload), ...(spec.roles ? { roles: spec.roles } : {}) }];
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
      const caseInput = referralInput(checked.data);
      const outcome = run(undefined, caseInput, undefined);
      if (outcome.failure !== undefined || !outcome.persisted) {
        throw new Error(`The case could not be opened: ${String(outcome.failure)}`);
      }
      return {
        effects: contextOf(outcome.persisted).pending,
        record: { caseId: input.caseId, version: 0, clock: caseInput.openedAt, templateHash: pathway.contentHash, snapshot: withoutPending(outcome.persisted) },
      };
    },
    send,
    retryIncident(record, incident) {
      if (incident.caseId !== record.caseId) return refusal('PWY_INCIDENT_UNKNOWN', `Incident ${incident.incidentId} belongs to another case.`);
      return send(record, { ...incident.command, expectedVersion: incident.command.expectedVersion === undefined ? undefined : incident.version });
    },
    dueTimers(record, until) {
      const limit = toUtcIso(until);
      return Object.values(contextOf(record.snapshot).timers)
        .filter((timer) => compareInstants(timer.due, limit) <= 0)
        .sort((a, b) => compareInstants(a.due, b.due) || a.id.localeCompare(b.id))
        .map((timer) => ({ timerId: timer.id, due: timer.due, purpose: timer.purpose, ...(timer.node ? { node: timer.node } : {}) }));
    },
    fireTimer(record, timerId) {
      const timer = own(contextOf(record.snapshot).timers, timerId);
      if (!timer) return refusal('PWY_COMMAND_NOT_ALLOWED', `No timer "${timerId}" is scheduled.`);
      const at = compareInstants(timer.due, record.clock) < 0 ? record.clock : timer.due;
      return send(record, { type: timerFiredEvent, payload: { timerId }, at, actor: 'system', idempotencyKey: `timer:${timerId}` });
    },
    view(record) {
      const context = contextOf(record.snapshot);
      const active: ActiveNode[] = activeNodeIds(record.snapshot).map((id) => {
        const node = nodes.get(id);
        return { node: id, nodeType: node?.type ?? 'unknown', step: (node?.stage ?? 'recognition') as PracticeStep };
      });
      return {
        caseId: record.caseId,
        version: record.version,
        clock: record.clock,
        status: active.length > 0 && active.every((node) => node.nodeType === 'end') ? 'closed' : 'open',
        active,
        steps: active.map((node) => node.step),
        tier: context.tier,
        tierHistory: context.tierHistory,
        persons: Object.values(context.persons).map((person) => ({ ...person, ...(own(context.risk, person.id) ? { risk: own(context.risk, person.id) } : {}) })),
        episodes: context.episodes,
        workItems: Object.values(context.workItems),
        plans: Object.values(context.plans),
        timers: Object.values(context.timers),
        milestones: context.milestones,
        escalations: context.escalations,
        allowedCommands: allowedCommands(record, active),
      };
    },
  };
}
