import type { Snapshot } from 'xstate';
import type { EpisodeRecord, PersonRecord, PlanRecord, RiskRecord, TierChange, TimerRecord, WorkItemRecord } from '../compiler/case-context.js';
import type { CommandEnvelope } from './envelope.js';
import type { PracticeStep } from '../model/practice-steps.js';
import type { ErrorCode } from '../errors/catalogue.js';
import type { Problem } from '../errors/problem.js';
import type { Effect } from './effects.js';

/**
 * A case as a runtime keeps it between commands: plain JSON. The engine is a function from
 * (record, command) to (record, effects); it holds no case in memory.
 */
export interface CaseRecord {
  readonly caseId: string;
  /** Number of commands applied; a command decided on another version is refused. */
  readonly version: number;
  /** UTC instant of the last applied command; commands may not go back in time. */
  readonly clock: string;
  /** Content hash of the template the case is pinned to. */
  readonly templateHash: string;
  /** XState persisted snapshot, with no pending effects in it. */
  readonly snapshot: Snapshot<unknown>;
}

/** One active activity in the flow. */
export interface ActiveNode {
  readonly node: string;
  readonly nodeType: string;
  readonly step: PracticeStep;
}

/** A command the case accepts now, with the JSON Schema its payload must meet. */
export interface AllowedCommand {
  readonly type: string;
  readonly label: string;
  readonly payloadSchema: Record<string, unknown>;
  /** Roles allowed to send it; any role when absent. */
  readonly roles?: readonly string[];
}

/** What a person or a system reads about a case. */
export interface CaseView {
  readonly caseId: string;
  readonly version: number;
  readonly clock: string;
  readonly status: 'open' | 'closed';
  readonly active: readonly ActiveNode[];
  /** Practice steps of the active nodes, one per active flow leaf. */
  readonly steps: readonly PracticeStep[];
  /** The derived case tier (null until a first assessment) and how it got there. */
  readonly tier: string | null;
  readonly tierHistory: readonly TierChange[];
  /** Persons by id, each with roles and current assessed risk. */
  readonly persons: readonly (PersonRecord & { readonly risk?: RiskRecord })[];
  readonly episodes: readonly EpisodeRecord[];
  readonly workItems: readonly WorkItemRecord[];
  readonly plans: readonly PlanRecord[];
  readonly timers: readonly TimerRecord[];
  readonly milestones: Readonly<Record<string, string>>;
  readonly escalations: readonly { readonly id: string; readonly rule: string; readonly at: string }[];
  readonly allowedCommands: readonly AllowedCommand[];
}

/** Why a command changed nothing. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly problems: readonly Problem[];
}

/** A guard or action threw: the case kept its previous snapshot and this record says what failed. */
export interface Incident {
  readonly code: 'PWY_CASE_INCIDENT';
  /** Derived id, `caseId:incident:version:key`. */
  readonly incidentId: string;
  /** The command that failed, so `retryIncident` can send it again. */
  readonly command: CommandEnvelope;
  readonly caseId: string;
  readonly version: number;
  readonly eventType: string;
  readonly nodes: readonly string[];
  readonly error: string;
  readonly at: string;
}

export type CommandResult =
  | { readonly kind: 'applied'; readonly record: CaseRecord; readonly effects: readonly Effect[] }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  | { readonly kind: 'incident'; readonly incident: Incident };
