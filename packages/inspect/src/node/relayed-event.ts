import { z } from 'zod';

/**
 * What the relay passes on from another program: one Stately inspection event, as JSON. Only the
 * fields the inspector keys on are required; the rest (snapshot, definition, event) is passed as sent.
 */
const relayedEvent = z.looseObject({
  type: z.enum(['@xstate.actor', '@xstate.event', '@xstate.snapshot']),
  sessionId: z.string().min(1),
  _version: z.string(),
});

/** The message as it will be relayed, or why it will not be (what and where, for the sender). */
export function readRelayedEvent(message: string): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return { ok: false, reason: 'not JSON: send one Stately inspection event per message' };
  }
  const checked = relayedEvent.safeParse(value);
  if (checked.success) return { ok: true };
  const issue = checked.error.issues[0]!;
  return { ok: false, reason: `not a Stately inspection event (${issue.path.join('.') || 'message'}: ${issue.message})` };
}
