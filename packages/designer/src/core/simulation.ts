import { addTimeSpan, CaseHistory, createEngine, type CaseEngine, type CaseInspector, type CaseRecord, type CaseView, type Effect, type InstalledPlugin, type PathwayTemplate, type ScenarioInput } from '@pathways/core';
import { SimulationInspection } from './simulation-inspection.js';

/** A fictional referral the simulation opens its case with. */
export type SimulationReferral = Parameters<CaseEngine['startCase']>[0];

/** A command as the simulation sends it: the actor and time default to the simulation's. */
export interface SimulationCommand {
  readonly type: string;
  readonly payload?: Readonly<Record<string, unknown>>;
  readonly actorRole?: string;
  readonly actor?: string;
  /** When it is sent; one minute after the case's clock by default. */
  readonly at?: string;
}

/** One step of the trace: what was done, the case after it, and what it produced. */
export interface SimulationStep {
  readonly kind: 'opened' | 'command' | 'refused' | 'advance';
  readonly label: string;
  readonly at: string;
  readonly record: CaseRecord;
  readonly effects: readonly Effect[];
  readonly command?: SimulationCommand & { readonly at: string; readonly actor: string };
  readonly refusal?: { readonly code: string; readonly message: string };
  /** For `advance`: the instant the clock was moved to. */
  readonly to?: string;
}

const minuteAfter = (instant: string) => new Date(Date.parse(instant) + 60_000).toISOString();

/**
 * A fictional case run on the real compiled pathway, with the real plugins and a fake clock:
 * commands from those the case offers, the clock fast-forwarded (every timer due on the way fires
 * at its time, in the locality's zone and calendar), every step kept so the trace can be stepped
 * back, and the run saved as a scenario file that `pathways simulate` and tests accept.
 */
export class Simulation {
  private readonly engine: CaseEngine;
  private readonly trace: SimulationStep[] = [];
  // Everything the engine told its inspector, by step: replayed to an inspector attached later.
  private readonly inspection = new SimulationInspection(() => this.trace.length);

  constructor(
    private readonly template: PathwayTemplate,
    plugins: readonly InstalledPlugin[],
    private readonly referral: SimulationReferral,
  ) {
    this.engine = createEngine(template, { plugins, inspect: this.inspection.observer });
    const opened = this.engine.startCase(referral);
    this.trace.push({ kind: 'opened', label: 'case opened', at: opened.record.clock, record: opened.record, effects: opened.effects });
  }

  get steps(): readonly SimulationStep[] {
    return this.trace;
  }

  get record(): CaseRecord {
    return this.trace.at(-1)!.record;
  }

  /** The simulated clock: where the last command or fast-forward left it (UTC). */
  get clock(): string {
    const last = this.trace.at(-1)!;
    return new Date(Math.max(Date.parse(last.at), Date.parse(last.record.clock))).toISOString();
  }

  /** The case as it stands: active nodes, tier, work items with owners and due times, plans, the commands it takes now. */
  view(): CaseView {
    const history = new CaseHistory();
    for (const step of this.trace) history.apply({ at: step.at, actor: step.command?.actor ?? 'system', effects: step.effects });
    return this.engine.view(this.record, history);
  }

  /** Sends a command; a refusal is kept in the trace (it changes nothing) and returned. */
  send(command: SimulationCommand): { readonly ok: true; readonly effects: readonly Effect[] } | { readonly ok: false; readonly code: string; readonly message: string } {
    const at = command.at ?? minuteAfter(this.clock);
    const actor = command.actor ?? 'kaimahi-simulation';
    const sent = { ...command, at, actor };
    const result = this.engine.send(this.record, {
      type: command.type,
      payload: command.payload ?? {},
      at,
      actor,
      ...(command.actorRole ? { actorRole: command.actorRole } : {}),
      idempotencyKey: `simulation-${this.trace.length}`,
      expectedVersion: this.record.version,
    });
    if (result.kind === 'applied') {
      this.trace.push({ kind: 'command', label: command.type, at, record: result.record, effects: result.effects, command: sent });
      return { ok: true, effects: result.effects };
    }
    const refusal = result.kind === 'refused' ? { code: result.refusal.code, message: result.refusal.message } : { code: 'PWY_PLUGIN_HANDLER_FAILED', message: 'The command ended in an incident.' };
    this.trace.push({ kind: 'refused', label: `${command.type} refused`, at, record: this.record, effects: [], command: sent, refusal });
    return { ok: false, ...refusal };
  }

  /** Fast-forwards the clock to `to`: every timer due on the way fires at its due time, earliest first. */
  advance(to: string): readonly Effect[] {
    let record = this.record;
    const effects: Effect[] = [];
    // The engine compares instants in UTC: an instant written with its local offset is converted first.
    const until = new Date(to).toISOString();
    for (;;) {
      const [next] = this.engine.dueTimers(record, until);
      if (!next) break;
      const fired = this.engine.fireTimer(record, next.timerId);
      if (fired.kind !== 'applied') break;
      record = fired.record;
      effects.push(...fired.effects);
    }
    // The case's clock moves to the instant, as the scenario runner moves it: later commands and
    // durations count from there.
    if (Date.parse(until) > Date.parse(record.clock)) record = { ...record, clock: until };
    this.trace.push({ kind: 'advance', label: `clock → ${to}`, at: to, record, effects, to });
    return effects;
  }

  /** Steps back through the trace (never before the case was opened); an inspector watching is shown the state stepped back to. */
  stepBack(): void {
    if (this.trace.length <= 1) return;
    this.trace.pop();
    this.inspection.steppedBack(this.trace.length, this.record, this.clock);
  }

  /**
   * Sends the run to an inspector (Stately's, through `@pathways/inspect`): the run so far at once,
   * then each step as it happens. Returns what stops it.
   */
  watch(inspector: CaseInspector): () => void {
    return this.inspection.attach(inspector);
  }

  /**
   * The run as a scenario file, with expectations taken from what was observed: after each step the
   * active nodes, the tier, a refusal's code, and the effects that matter to practice (tier changes,
   * escalations, work opened with its owner and due time, milestones).
   */
  toScenario(title: string, description?: string): ScenarioInput {
    const expectOf = (step: SimulationStep) => {
      const view = this.engine.view(step.record);
      const effects = step.effects
        .filter((effect) => ['tier.changed', 'escalation.raised', 'workItem.created', 'milestone.reached'].includes(effect.type))
        .map((effect) => pick(effect as unknown as Record<string, unknown>, ['type', 'to', 'rule', 'workItemType', 'ownerRole', 'due', 'milestone']));
      return {
        state: view.active.map((node) => node.node),
        tier: view.tier,
        ...(step.refusal ? { refused: step.refusal.code } : {}),
        ...(effects.length > 0 ? { effects } : {}),
      };
    };
    const opened = this.trace[0]!;
    return {
      title,
      ...(description ? { description } : {}),
      case: { id: this.referral.caseId, openedAt: this.referral.openedAt, persons: [...(this.referral.persons ?? [])], ...(this.referral.episode ? { episode: this.referral.episode } : {}), expect: expectOf(opened) },
      steps: this.trace.slice(1).map((step) =>
        step.kind === 'advance'
          ? { advance: { to: step.to! }, expect: expectOf(step) }
          : { command: { type: step.command!.type, at: step.command!.at, actor: step.command!.actor, ...(step.command!.actorRole ? { actorRole: step.command!.actorRole } : {}), payload: { ...(step.command!.payload ?? {}) } }, expect: expectOf(step) },
      ),
    } as ScenarioInput;
  }

  /** The pathway the simulation runs. */
  get pathway(): PathwayTemplate {
    return this.template;
  }
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined && value[key] !== null).map((key) => [key, value[key]]));
}

/** A scenario step as the walk-through applies it: a command or a clock advance, with its note. */
export type WalkStep = ScenarioInput['steps'][number];

/**
 * Applies one scenario step to a simulation (a command, or the clock advanced to an instant or by a
 * duration), as `pathways simulate` would. Retrying an incident is not part of a walk-through.
 */
export function applyScenarioStep(simulation: Simulation, step: WalkStep): void {
  if ('command' in step) {
    const command = step.command;
    simulation.send({ type: command.type, payload: command.payload ?? {}, ...(command.at ? { at: command.at } : {}), ...(command.actor ? { actor: command.actor } : {}), ...(command.actorRole ? { actorRole: command.actorRole } : {}) });
  } else if ('advance' in step) {
    const advance = step.advance;
    // A duration is counted as the CLI counts it: in the locality's zone and calendar.
    simulation.advance('to' in advance ? advance.to : addTimeSpan(simulation.record.clock, advance.by, simulation.pathway.locality));
  }
}
