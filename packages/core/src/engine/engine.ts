import { createActor, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import { z } from 'zod';
import type { CaseContext } from '../compiler/case-context.js';
import { compile, type CompiledPathway } from '../compiler/compile.js';
import { catalogueEntry, type ErrorCode } from '../errors/catalogue.js';
import type { Problem } from '../errors/problem.js';
import type { PathwayNode } from '../model/nodes.js';
import type { PracticeStep } from '../model/practice-steps.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent } from '../model/transitions.js';
import { problemsFromZodIssues } from '../model/zod-problems.js';
import { compareInstants, toUtcIso } from '../time/deadlines.js';
import type { ActiveNode, AllowedCommand, CaseRecord, CaseView, CommandResult, Refusal } from './case-record.js';
import type { Effect } from './effects.js';
import { commandEnvelope, type CommandInput } from './envelope.js';
import { payloadSchemas } from './payload-schemas.js';

/** How a case is opened. */
export interface StartCaseInput {
  readonly caseId: string;
  /** When the case was opened, ISO 8601 with an offset. */
  readonly openedAt: string;
}

/** A timer that is due by a given instant. */
export interface DueTimer {
  readonly timerId: string;
  readonly node: string;
  readonly due: string;
}

/** The in-memory case engine for one compiled pathway. Stateless between calls. */
export interface CaseEngine {
  readonly pathway: CompiledPathway;
  /** Opens a case at the start node; returns the first record and the effects of entering it. */
  startCase(input: StartCaseInput): { readonly record: CaseRecord; readonly effects: readonly Effect[] };
  /** Applies one command: restore the snapshot, send, persist, stop. Refusals change nothing. */
  send(record: CaseRecord, command: CommandInput): CommandResult;
  /** Timers scheduled at or before `until`, earliest first. */
  dueTimers(record: CaseRecord, until: string): readonly DueTimer[];
  /** Sends `timer.fired` for a scheduled timer, at its due time, as the system. */
  fireTimer(record: CaseRecord, timerId: string): CommandResult;
  /** Reads the case: active nodes and steps, work items, timers, milestones, allowed commands. */
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

/** Creates the engine for a template (compiled once, cached by content hash). */
export function createEngine(template: PathwayTemplate): CaseEngine {
  const pathway = compile(template);
  const { machine } = pathway;
  const nodes = new Map<string, PathwayNode>(pathway.template.nodes.map((node) => [node.id, node]));
  const schemas = payloadSchemas(pathway.template.events);
  const declarations = new Map(pathway.template.events.map((event) => [event.type, event]));

  function run(record: CaseRecord | undefined, start: StartCaseInput | undefined, event: Record<string, unknown> | undefined) {
    let failure: unknown;
    const actor = record
      ? createActor(machine, { snapshot: record.snapshot })
      : createActor(machine, { input: { caseId: start!.caseId, openedAt: toUtcIso(start!.openedAt) } });
    actor.subscribe({ error: (error) => (failure = error) });
    actor.start();
    let allowed = true;
    if (event && failure === undefined) {
      try {
        allowed = (actor.getSnapshot() as AnyMachineSnapshot).can(event as { type: string });
      } catch (error) {
        failure = error;
      }
      if (allowed && failure === undefined) actor.send(event as { type: string });
    }
    const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
    if (snapshot.status === 'error' && failure === undefined) failure = snapshot.error;
    const persisted = failure === undefined && allowed ? (actor.getPersistedSnapshot() as Snapshot<unknown>) : undefined;
    actor.stop();
    return { failure, allowed, persisted };
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
    const schema = schemas.get(command.type);
    if (!schema) {
      return refusal('PWY_COMMAND_NOT_ALLOWED', `"${command.type}" is not a command this pathway knows.`);
    }
    const payload = schema.safeParse(command.payload);
    if (!payload.success) {
      return refusal(
        'PWY_COMMAND_PAYLOAD_INVALID',
        `The payload of "${command.type}" does not match its schema.`,
        problemsFromZodIssues(payload.error.issues, ['payload'], command.payload),
      );
    }
    const seq = record.version + 1;
    const event = { type: command.type, payload: payload.data, at, actor: command.actor, seq };
    const outcome = run(record, undefined, event);
    if (outcome.failure !== undefined) {
      return {
        kind: 'incident',
        incident: {
          code: 'PWY_CASE_INCIDENT',
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
    const effects = contextOf(outcome.persisted).pending;
    return {
      kind: 'applied',
      effects,
      record: { caseId: record.caseId, version: seq, clock: at, templateHash: pathway.contentHash, snapshot: withoutPending(outcome.persisted) },
    };
  }

  return {
    pathway,
    startCase(input) {
      const outcome = run(undefined, input, undefined);
      if (outcome.failure !== undefined || !outcome.persisted) {
        throw new Error(`The case could not be opened: ${String(outcome.failure)}`);
      }
      const openedAt = toUtcIso(input.openedAt);
      return {
        effects: contextOf(outcome.persisted).pending,
        record: { caseId: input.caseId, version: 0, clock: openedAt, templateHash: pathway.contentHash, snapshot: withoutPending(outcome.persisted) },
      };
    },
    send,
    dueTimers(record, until) {
      const limit = toUtcIso(until);
      return Object.values(contextOf(record.snapshot).timers)
        .filter((timer) => compareInstants(timer.due, limit) <= 0)
        .sort((a, b) => compareInstants(a.due, b.due) || a.id.localeCompare(b.id))
        .map((timer) => ({ timerId: timer.id, node: timer.node, due: timer.due }));
    },
    fireTimer(record, timerId) {
      const timer = contextOf(record.snapshot).timers[timerId];
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
      const allowedTypes = new Set<string>();
      for (const { node } of active) {
        for (const transition of pathway.template.transitions) {
          if (transition.from === node && transition.on !== undefined && transition.on !== timerFiredEvent) allowedTypes.add(transition.on);
        }
      }
      const allowedCommands: AllowedCommand[] = [...allowedTypes].map((type) => ({
        type,
        label: declarations.get(type)?.label.en ?? type,
        payloadSchema: z.toJSONSchema(schemas.get(type)!) as Record<string, unknown>,
      }));
      return {
        caseId: record.caseId,
        version: record.version,
        clock: record.clock,
        status: active.length > 0 && active.every((node) => node.nodeType === 'end') ? 'closed' : 'open',
        active,
        steps: active.map((node) => node.step),
        workItems: Object.values(context.workItems),
        timers: Object.values(context.timers),
        milestones: context.milestones,
        allowedCommands,
      };
    },
  };
}
