import type { CaseContext, CaseEvent } from './case-context.js';

type GuardArgs = { context: CaseContext; event: CaseEvent };

/** Guards are pure functions of context and event; named in templates, never written there. */
export const caseGuards = {
  /** True when the payload field equals the value (strictly, for strings, numbers and booleans). */
  payloadEquals: ({ event }: GuardArgs, params: Record<string, unknown>) => event.payload?.[String(params.field)] === params.value,
  /** True when the firing timer belongs to the given wait node and is still scheduled. */
  timerOfNode: ({ context, event }: GuardArgs, params: Record<string, unknown>) => {
    const timerId = event.payload?.timerId;
    return typeof timerId === 'string' && context.timers[timerId]?.node === params.node;
  },
};
