import type { CaseSnapshot, PersonRecord, PlanRecord, RiskRecord, TierDecision, TimerRecord } from '../compiler/case-state.js';
import type { ErrorCode } from '../errors/catalogue.js';
import type { Problem } from '../errors/problem.js';
import type { CommandEnvelope } from '../model/command-envelope.js';
import type { Effect, WorkItemStatus } from '../model/effects.js';
import type { PracticeStep } from '../model/practice-steps.js';
import type { AssessmentHistory, EpisodeRecord, EscalationRecord, PlanVersionHistory, TierChange } from './case-history.js';

/**
 * A case as a runtime keeps it between commands: plain JSON, bounded by what the case needs now
 * (its history is a projection beside it, see `CaseHistory`). The engine is a function from
 * (record, command) to (record, effects); it holds no case in memory.
 */
export interface CaseRecord {
  readonly caseId: string;
  /** Number of commands applied; a command decided on another version is refused. */
  readonly version: number;
  /** UTC instant of the last applied command; commands may not go back in time. */
  readonly clock: string;
  /** SHA-256 content hash of the template the case is pinned to. */
  readonly templateHash: string;
  /** The plugins (name@version) the case runs with, sorted by name. */
  readonly plugins: readonly string[];
  /** The case's state: active states and bounded context. */
  readonly snapshot: CaseSnapshot;
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
  /**
   * True when whether the case takes it depends on the payload (a guard reads it: which person,
   * which work item, which route): send it and the case answers, or says why not.
   */
  readonly needsPayload: boolean;
}

/** A work item as a case view shows it: outstanding ones from the case state, closed ones from the history. */
export interface WorkItemView {
  readonly id: string;
  readonly workItemType: string;
  readonly status: WorkItemStatus;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  readonly due?: string;
  readonly node?: string;
  readonly planType?: string;
  readonly createdAt?: string;
  readonly escalation?: string;
  readonly meeting?: string;
  readonly reason?: string;
  readonly closedAt?: string;
  /** The named worker it is assigned to. */
  readonly assignee?: string;
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
  /** The derived case tier (null until a first assessment) and how it got there (from the history). */
  readonly tier: string | null;
  readonly tierHistory: readonly TierChange[];
  /** Persons by id, each with roles and current assessed risk. */
  readonly persons: readonly (PersonRecord & { readonly risk?: RiskRecord })[];
  /** Episodes recorded (from the history). */
  readonly episodes: readonly EpisodeRecord[];
  /** Outstanding work items, and with the history every closed one. */
  readonly workItems: readonly WorkItemView[];
  /** Plans: the version in force and the version being developed, per plan type. */
  readonly plans: readonly PlanRecord[];
  /** Plan versions started, approved, superseded and marked for review (from the history). */
  readonly planVersions: readonly PlanVersionHistory[];
  /** Dated case facts recorded (fact name → UTC instant). */
  readonly facts: Readonly<Record<string, string>>;
  /** The case's named workers by role. */
  readonly workers: Readonly<Record<string, string>>;
  /** The current tier decision (e.g. the triage meeting's), if any. */
  readonly decision: TierDecision | null;
  /** Every risk assessment recorded, in order, with its tool, score and judgement (from the history). */
  readonly assessments: readonly AssessmentHistory[];
  /** Each installed plugin's state in this case, by plugin name. */
  readonly plugins: Readonly<Record<string, unknown>>;
  readonly timers: readonly TimerRecord[];
  readonly milestones: Readonly<Record<string, string>>;
  /** Escalations raised (from the history). */
  readonly escalations: readonly EscalationRecord[];
  readonly allowedCommands: readonly AllowedCommand[];
}

/** Why a command changed nothing. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly problems: readonly Problem[];
}

/** A guard or action threw: the case kept its previous state and this record says what failed. */
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
  /** The plugin whose guard, action or hook failed (`name@version`), when one did. */
  readonly plugin?: string;
}

export type CommandResult =
  | { readonly kind: 'applied'; readonly record: CaseRecord; readonly effects: readonly Effect[] }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  | { readonly kind: 'incident'; readonly incident: Incident };
