import type { AssessmentRecorded, Effect, WorkItemStatus } from '../model/effects.js';

/** A work item over its whole life, as the history projection keeps it. */
export interface WorkItemHistory {
  readonly id: string;
  readonly workItemType: string;
  readonly status: WorkItemStatus;
  readonly ownerRole: string;
  readonly ownerAgency?: string;
  /** UTC instant it was opened. */
  readonly createdAt: string;
  readonly due?: string;
  readonly node?: string;
  /** The escalation rule that opened it. */
  readonly escalation?: string;
  readonly planType?: string;
  /** The meeting series it lists the case at, for meeting listings. */
  readonly meeting?: string;
  /** Why it ended incomplete (or was cancelled with a reason). */
  readonly reason?: string;
  /** UTC instant it was closed (done, cancelled or incomplete). */
  readonly closedAt?: string;
  /** The named worker it is (or was last) assigned to. */
  readonly assignee?: string;
}

/** A tier change. */
export interface TierChange {
  readonly at: string;
  readonly from: string | null;
  readonly to: string;
  /** The actor of the command that changed it. */
  readonly by: string;
  readonly reason?: string;
  /** What set it: an assessment, an override, a tier decision, or the reasoned lowering. */
  readonly source?: 'assessment' | 'override' | 'decision' | 'lowering';
  /** The command that led to it, and for a decision the meeting whose decision it was. */
  readonly event?: string;
  readonly meeting?: string;
}

/** A plan version's step: started, approved, superseded, marked for review. */
export interface PlanVersionHistory {
  readonly planType: string;
  readonly version: number;
  readonly status: 'draft' | 'approved' | 'superseded' | 'reviewDue';
  readonly at: string;
  readonly by: string;
}

/** One risk assessment of a person, as recorded: by hand or with a tool (its version, answers, score, judgement). */
export type AssessmentHistory = Omit<AssessmentRecorded, 'type' | 'effectId' | 'node' | 'transition'> & { readonly at: string; readonly by: string };

/** A dated case fact as recorded, changed or cleared. */
export interface FactHistory {
  readonly fact: string;
  readonly value: string | null;
  readonly at: string;
  readonly by: string;
  /** The command that recorded it. */
  readonly event: string;
}

/** An escalation that fired. */
export interface EscalationRecord {
  /** The `effectId` of its `escalation.raised`. */
  readonly id: string;
  readonly rule: string;
  readonly trigger: string;
  readonly at: string;
  readonly workItemId?: string;
  readonly regionalHubRespondBy?: string;
}

/** An episode recorded on the case. */
export interface EpisodeRecord {
  readonly id: string;
  readonly reportedAt: string;
  readonly occurredAt?: string;
  readonly sourceAgency: string;
  readonly victimSurvivors: readonly string[];
  readonly personsUsingViolence: readonly string[];
  readonly childrenPresent: boolean;
}

/** One committed command as the projection sees it: when, by whom, and the effects it produced. */
export interface HistoryEntry {
  readonly at: string;
  readonly actor: string;
  readonly effects: readonly Effect[];
}

/** What the history holds, as plain JSON. */
export interface CaseHistoryData {
  readonly workItems: readonly WorkItemHistory[];
  readonly tierChanges: readonly TierChange[];
  readonly escalations: readonly EscalationRecord[];
  readonly episodes: readonly EpisodeRecord[];
  readonly planVersions: readonly PlanVersionHistory[];
  readonly facts: readonly FactHistory[];
  readonly assessments: readonly AssessmentHistory[];
}

/**
 * The case's history, projected from committed effects: every work item with its outcome, the
 * tier over time, the escalations raised and the episodes recorded. It grows with the case, so
 * it lives beside the case state, not in it: commands never revive or re-serialise it. Applying
 * an entry is linear in its effects; the in-memory engine's callers keep one per case, and a
 * store persists it (or rebuilds it from the outbox).
 */
export class CaseHistory {
  readonly #workItems = new Map<string, WorkItemHistory>();
  readonly #tierChanges: TierChange[] = [];
  readonly #escalations: EscalationRecord[] = [];
  readonly #episodes: EpisodeRecord[] = [];
  readonly #planVersions: PlanVersionHistory[] = [];
  readonly #facts: FactHistory[] = [];
  readonly #assessments: AssessmentHistory[] = [];

  /** Rebuilds a history from entries, e.g. a case's committed commands in order. */
  static from(entries: Iterable<HistoryEntry>): CaseHistory {
    const history = new CaseHistory();
    for (const entry of entries) history.apply(entry);
    return history;
  }

  /** Adds what one committed command (or the opening of the case) produced. */
  apply(entry: HistoryEntry): void {
    for (const effect of entry.effects) {
      switch (effect.type) {
        case 'workItem.created':
          this.#workItems.set(effect.workItemId, {
            id: effect.workItemId,
            workItemType: effect.workItemType,
            status: 'open',
            ownerRole: effect.ownerRole,
            createdAt: entry.at,
            ...(effect.ownerAgency ? { ownerAgency: effect.ownerAgency } : {}),
            ...(effect.due ? { due: effect.due } : {}),
            ...(effect.node ? { node: effect.node } : {}),
            ...(effect.escalation ? { escalation: effect.escalation } : {}),
            ...(effect.planType ? { planType: effect.planType } : {}),
            ...(effect.meeting ? { meeting: effect.meeting } : {}),
            ...(effect.assignee ? { assignee: effect.assignee } : {}),
          });
          break;
        case 'workItem.updated': {
          const item = this.#workItems.get(effect.workItemId);
          if (!item) break;
          const closed = effect.status !== 'open' && effect.status !== 'inProgress';
          this.#workItems.set(item.id, {
            ...item,
            status: effect.status,
            ...(effect.reason ? { reason: effect.reason } : {}),
            ...(effect.due ? { due: effect.due } : {}),
            ...(effect.node ? { node: effect.node } : {}),
            ...(closed ? { closedAt: entry.at } : {}),
          });
          break;
        }
        case 'workItem.assigned': {
          const item = this.#workItems.get(effect.workItemId);
          if (!item) break;
          const { assignee: _previous, ...rest } = item;
          this.#workItems.set(item.id, effect.assignee === null ? rest : { ...rest, assignee: effect.assignee });
          break;
        }
        case 'tier.changed':
          this.#tierChanges.push({
            at: entry.at,
            from: effect.from,
            to: effect.to,
            by: entry.actor,
            ...(effect.reason ? { reason: effect.reason } : {}),
            ...(effect.source ? { source: effect.source } : {}),
            ...(effect.event ? { event: effect.event } : {}),
            ...(effect.meeting ? { meeting: effect.meeting } : {}),
          });
          break;
        case 'assessment.recorded': {
          const { type: _type, effectId: _effectId, node: _node, transition: _transition, ...assessment } = effect;
          this.#assessments.push({ ...assessment, at: entry.at, by: entry.actor });
          break;
        }
        case 'plan.version':
          this.#planVersions.push({ planType: effect.planType, version: effect.version, status: effect.status, at: entry.at, by: entry.actor });
          break;
        case 'fact.recorded':
          this.#facts.push({ fact: effect.fact, value: effect.value, at: entry.at, by: entry.actor, event: effect.event });
          break;
        case 'escalation.raised':
          this.#escalations.push({
            id: effect.effectId,
            rule: effect.rule,
            trigger: effect.trigger,
            at: entry.at,
            ...(effect.workItemId ? { workItemId: effect.workItemId } : {}),
            ...(effect.regionalHubRespondBy ? { regionalHubRespondBy: effect.regionalHubRespondBy } : {}),
          });
          break;
        case 'episode.recorded':
          this.#episodes.push({
            id: effect.episodeId,
            reportedAt: effect.reportedAt,
            ...(effect.occurredAt ? { occurredAt: effect.occurredAt } : {}),
            sourceAgency: effect.sourceAgency,
            victimSurvivors: effect.victimSurvivors,
            personsUsingViolence: effect.personsUsingViolence,
            childrenPresent: effect.childrenPresent,
          });
          break;
        default:
          break;
      }
    }
  }

  /** A work item by id, open or closed. */
  workItem(id: string): WorkItemHistory | undefined {
    return this.#workItems.get(id);
  }

  get workItems(): readonly WorkItemHistory[] {
    return [...this.#workItems.values()];
  }

  get tierChanges(): readonly TierChange[] {
    return this.#tierChanges;
  }

  get escalations(): readonly EscalationRecord[] {
    return this.#escalations;
  }

  get episodes(): readonly EpisodeRecord[] {
    return this.#episodes;
  }

  get planVersions(): readonly PlanVersionHistory[] {
    return this.#planVersions;
  }

  get facts(): readonly FactHistory[] {
    return this.#facts;
  }

  get assessments(): readonly AssessmentHistory[] {
    return this.#assessments;
  }

  toJSON(): CaseHistoryData {
    return { workItems: this.workItems, tierChanges: this.tierChanges, escalations: this.escalations, episodes: this.episodes, planVersions: this.planVersions, facts: this.facts, assessments: this.assessments };
  }
}
