import type { CaseEvent, CaseInspector, InspectedCase } from '@pathways/core';
import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';

/** Where Stately inspection events go: the `send` of any `@statelyai/inspect` adapter. */
export interface StatelyAdapter {
  start?: () => void;
  stop?: () => void;
  send(event: StatelyInspectionEvent): void;
}

/** Keeps back what should not leave the process (a deployment's own rule; simulations are fictional). */
export interface StatelyCaseInspectorOptions {
  /** Which events to send at all. */
  readonly filter?: (event: StatelyInspectionEvent) => boolean;
  /** What of a case's state the inspector sees (the default is all of it: ids, codes and times, never personal details). */
  readonly sanitizeContext?: (context: InspectedCase['context']) => Record<string, unknown>;
  /** What of each event the inspector sees. */
  readonly sanitizeEvent?: (event: CaseEvent) => { readonly type: string };
}

/**
 * A `CaseInspector` for the engine (`createEngine(template, { inspect })`, `runScenario`, the
 * designer's simulator) that forwards each case opened, event applied and state reached to Stately's
 * inspector, by case id: pass an inspector made by `@statelyai/inspect` (`createBrowserInspector()`,
 * `createWebSocketInspector()`) or any adapter. The events are Stately's own (built by its
 * `createInspector`), so its inspector draws the pathway's machine and steps the case through it.
 */
export function statelyCaseInspector(target: StatelyAdapter | { readonly adapter: StatelyAdapter }, options: StatelyCaseInspectorOptions = {}): CaseInspector {
  const adapter = 'adapter' in target ? target.adapter : target;
  // Stately's manual `actor()` call drops the definition it is given for an actor named by a plain
  // id (it reads it only from an actor's logic), so it is put back here, by case id.
  const definitions = new Map<string, string>();
  const { sanitizeContext } = options;
  const inspector = createInspector(adapter, {
    autoStart: false,
    ...(options.filter ? { filter: options.filter } : {}),
    // Stately types a context loosely; what it passes here is always a case's own.
    ...(sanitizeContext ? { sanitizeContext: (context: Record<string, unknown>) => sanitizeContext(context as unknown as InspectedCase['context']) } : {}),
    ...(options.sanitizeEvent ? { sanitizeEvent: options.sanitizeEvent as (event: { type: string }) => { type: string } } : {}),
    serialize: (event) => {
      if (event.type !== '@xstate.actor' || event.definition !== undefined) return event;
      const definition = definitions.get(event.sessionId);
      return definition === undefined ? event : { ...event, definition };
    },
  });
  return {
    actor(caseId, snapshot, info) {
      definitions.set(caseId, info.definition);
      inspector.actor(caseId, snapshot);
    },
    event(caseId, event, info) {
      inspector.event(caseId, event, { source: info.source });
    },
    snapshot(caseId, snapshot, info) {
      inspector.snapshot(caseId, snapshot, { event: info.event });
    },
  };
}
