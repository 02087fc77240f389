import type { AnyStateMachine } from 'xstate';

/**
 * A failure injected into a named guard for its first `times` evaluations, so simulations can
 * show what a throwing guard (for example a plugin's) does to a case: nothing, except an incident
 * that can be retried.
 */
export interface Fault {
  /** Guard to fail, e.g. `payloadEquals`. */
  readonly guard: string;
  /** How many evaluations fail before it behaves normally again. */
  readonly times: number;
  readonly message?: string;
}

type Implementation = (...args: unknown[]) => unknown;

/** Returns the machine with the named implementations wrapped to throw their first `times` calls. */
export function withFaults(machine: AnyStateMachine, faults: readonly Fault[]): AnyStateMachine {
  const guards: Record<string, Implementation> = {};
  const implementations = machine.implementations as unknown as { guards: Record<string, Implementation> };
  for (const fault of faults) {
    let remaining = fault.times;
    const fail = (name: string) => {
      if (remaining > 0) {
        remaining -= 1;
        throw new Error(fault.message ?? `injected failure in ${name}`);
      }
    };
    if (fault.guard) {
      const original = implementations.guards[fault.guard];
      if (!original) throw new RangeError(`No guard named "${fault.guard}".`);
      guards[fault.guard] = (...args) => {
        fail(fault.guard!);
        return original(...args);
      };
    }
  }
  return machine.provide({ guards } as unknown as Parameters<AnyStateMachine['provide']>[0]);
}
