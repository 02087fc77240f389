import type { CaseEvent, CaseInspector, CaseRecord, InspectedCase } from '@pathways/core';

/** One call the engine made on its inspector, and the trace step it belongs to. */
type Call = { readonly step: number } & (
  | { readonly kind: 'actor'; readonly caseId: string; readonly snapshot: InspectedCase; readonly definition: string }
  | { readonly kind: 'event'; readonly caseId: string; readonly event: CaseEvent; readonly source: string }
  | { readonly kind: 'snapshot'; readonly caseId: string; readonly snapshot: InspectedCase; readonly event: CaseEvent }
);

/** The event an inspector is shown when the simulation steps back (it is not the engine's: nothing was applied). */
export const steppedBackEvent = 'simulation.steppedBack';

/**
 * A simulation's inspection: the engine's inspector calls kept by trace step (a step back drops
 * its step's calls), forwarded to the inspector watching, if any. One is attached on a person's
 * request, after the case was opened, so it is first sent the run so far.
 */
export class SimulationInspection {
  private readonly calls: Call[] = [];
  private watching: CaseInspector | undefined;

  /** `step` says which trace step the engine is working on: the number of steps already kept. */
  constructor(private readonly step: () => number) {}

  readonly observer: CaseInspector = {
    actor: (caseId, snapshot, info) => this.keep({ step: this.step(), kind: 'actor', caseId, snapshot, definition: info.definition }),
    event: (caseId, event, info) => this.keep({ step: this.step(), kind: 'event', caseId, event, source: info.source }),
    snapshot: (caseId, snapshot, info) => this.keep({ step: this.step(), kind: 'snapshot', caseId, snapshot, event: info.event }),
  };

  attach(inspector: CaseInspector): () => void {
    this.watching = inspector;
    for (const call of this.calls) forward(inspector, call);
    return () => {
      if (this.watching === inspector) this.watching = undefined;
    };
  }

  /** The trace is back to `steps` steps, at `record`. */
  steppedBack(steps: number, record: CaseRecord, at: string): void {
    while (this.calls.length > 0 && this.calls.at(-1)!.step >= steps) this.calls.pop();
    const event: CaseEvent = { type: steppedBackEvent, payload: { toVersion: record.version }, at, actor: 'simulation', seq: record.version };
    const snapshot: InspectedCase = { status: 'active', value: record.snapshot.value, context: record.snapshot.context };
    guarded(() => this.watching?.snapshot?.(record.caseId, snapshot, { event }));
  }

  private keep(call: Call): void {
    this.calls.push(call);
    if (this.watching) forward(this.watching, call);
  }
}

function forward(inspector: CaseInspector, call: Call): void {
  guarded(() => {
    if (call.kind === 'actor') inspector.actor?.(call.caseId, call.snapshot, { definition: call.definition });
    else if (call.kind === 'event') inspector.event?.(call.caseId, call.event, { source: call.source });
    else inspector.snapshot?.(call.caseId, call.snapshot, { event: call.event });
  });
}

/** An inspector is a window onto the simulation: one that fails never stops it. */
function guarded(call: () => void): void {
  try {
    call();
  } catch {
    // Nothing to do: the simulation goes on without it.
  }
}
