import type { StatelyInspectionEvent } from '@statelyai/inspect';
import type { StatelyAdapter } from './stately-case-inspector.js';

/** An adapter that keeps what it is sent, as it would cross the wire (JSON), for tests. */
export interface CapturingAdapter extends StatelyAdapter {
  readonly events: readonly StatelyInspectionEvent[];
  /** The events of one kind (`@xstate.actor`, `@xstate.event`, `@xstate.snapshot`). */
  of<T extends StatelyInspectionEvent['type']>(type: T): readonly Extract<StatelyInspectionEvent, { type: T }>[];
  clear(): void;
}

export function createCapturingAdapter(): CapturingAdapter {
  const events: StatelyInspectionEvent[] = [];
  return {
    events,
    send(event) {
      // A copy through JSON: what a remote inspector would receive, and safe from later changes.
      events.push(JSON.parse(JSON.stringify(event)) as StatelyInspectionEvent);
    },
    of<T extends StatelyInspectionEvent['type']>(type: T) {
      return events.filter((event): event is Extract<StatelyInspectionEvent, { type: T }> => event.type === type);
    },
    clear() {
      events.length = 0;
    },
  };
}
