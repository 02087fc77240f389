import { problem, type CaseInspector, type Problem } from '@pathways/core';
import type { CliIo } from '../io.js';

/** Where `simulate` sends what it inspects: a relay it starts here (`--inspect`), or one already running (`--inspect-url`). */
export type InspectTarget = { readonly relay: { readonly port: number } } | { readonly url: string };

/** An inspection under way: the engine's observer, and what to do once the run is printed. */
export interface Inspection {
  readonly inspector: CaseInspector;
  finish(): Promise<void>;
}

const errorCode = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : undefined);

/**
 * Sets up inspection through Stately's inspector. `@pathways/inspect` (with its WebSocket library)
 * is loaded only when asked for, so a plain `simulate` starts as fast as before.
 */
export async function openInspection(target: InspectTarget, io: CliIo): Promise<{ readonly ok: true; readonly inspection: Inspection } | { readonly ok: false; readonly problem: Problem }> {
  const { statelyCaseInspector } = await import('@pathways/inspect');
  const { createSocketSender, startInspectorRelay } = await import('@pathways/inspect/node');
  if ('url' in target) {
    const sender = createSocketSender(target.url);
    return {
      ok: true,
      inspection: {
        inspector: statelyCaseInspector(sender.adapter),
        async finish() {
          const delivery = await sender.deliver();
          if (delivery.ok) {
            io.stderr(`Sent ${delivery.delivered} inspection events to ${target.url}.\n`);
            return;
          }
          // A warning, not a failure: the run itself is unaffected, and its exit code says how it went.
          const unreachable = problem('PWY_INSPECT_UNREACHABLE', [], `Cannot reach ${target.url} (${delivery.reason}); the simulation ran without inspection.`);
          io.stderr(`${unreachable.code}: ${unreachable.message}\n  hint: ${unreachable.hint}\n`);
        },
      },
    };
  }
  let relay;
  try {
    relay = await startInspectorRelay({ port: target.relay.port });
  } catch (error) {
    if (errorCode(error) !== 'EADDRINUSE') throw error;
    return { ok: false, problem: problem('PWY_INSPECT_PORT_IN_USE', [], `Port ${target.relay.port} on 127.0.0.1 is taken, so the inspector relay cannot start there.`) };
  }
  const started = relay;
  return {
    ok: true,
    inspection: {
      inspector: statelyCaseInspector(started.adapter),
      async finish() {
        if (io.untilInterrupted) {
          io.stderr(
            `Watch this run in Stately's inspector: open ${started.url} in a browser (${started.kept} inspection events kept; the page frames https://stately.ai/inspect).\n` +
              `The relay listens on 127.0.0.1 only. Press Ctrl-C to stop.\n`,
          );
          await io.untilInterrupted();
        }
        await started.close();
      },
    },
  };
}
