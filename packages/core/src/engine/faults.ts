import { own } from '../model/own.js';
import type { CaseGuard, CaseGuards } from '../compiler/case-guards.js';
import { PathwaysError, problem } from '../errors/problem.js';

/**
 * A failure injected into a named guard for its first `times` evaluations by the machine, so
 * simulations can show what a throwing guard (for example a plugin's) does to a case: nothing,
 * except an incident that can be retried. Only the machine's own evaluations count; the engine
 * asking a guard why a command was refused, or which commands a view offers, does not.
 */
export interface Fault {
  /** Guard to fail, e.g. `conditionHolds`. */
  readonly guard: string;
  /** How many evaluations fail before it behaves normally again. */
  readonly times: number;
  readonly message?: string;
}

/** The guards with the named ones wrapped to throw their first `times` evaluations. */
export function withFaults(guards: CaseGuards, faults: readonly Fault[]): Readonly<Record<string, CaseGuard<never>>> {
  const wrapped: Record<string, CaseGuard<never>> = { ...guards };
  for (const [index, fault] of faults.entries()) {
    const original = own(wrapped, fault.guard);
    if (!original) {
      const message = `No guard named "${fault.guard}" can fail: the guards are ${Object.keys(guards).join(', ')}.`;
      throw new PathwaysError('PWY_SCENARIO_INVALID', message, [problem('PWY_SCENARIO_INVALID', ['faults', index, 'guard'], message)]);
    }
    let remaining = fault.times;
    wrapped[fault.guard] = {
      reads: original.reads,
      check(args, params) {
        if (remaining > 0) {
          remaining -= 1;
          throw new Error(fault.message ?? `injected failure in ${fault.guard}`);
        }
        return original.check(args, params);
      },
    };
  }
  return wrapped;
}
