import type { StatelyInspectionEvent } from '@statelyai/inspect';
import { WebSocket } from 'ws';
import type { StatelyAdapter } from '../stately-case-inspector.js';

/** What became of the events: all delivered, or none, with the reason. */
export type Delivery = { readonly ok: true; readonly delivered: number } | { readonly ok: false; readonly reason: string };

/** Collects a run's events, then delivers them to a relay already running (`deliver`). */
export interface SocketSender {
  readonly adapter: StatelyAdapter;
  deliver(): Promise<Delivery>;
}

/**
 * Sends a run's events to a WebSocket relay (another `pathways simulate --inspect`, or Stately's
 * own `createInspectorServer`) once the run is over: a short run needs no open connection while it
 * runs, and an unreachable relay is reported once, with the reason, instead of being retried for
 * ever (as Stately's own WebSocket inspector does) or dropping events past its buffer.
 */
export function createSocketSender(url: string, { timeoutMs = 5_000 }: { readonly timeoutMs?: number } = {}): SocketSender {
  const events: string[] = [];
  return {
    adapter: {
      send(event: StatelyInspectionEvent) {
        events.push(JSON.stringify(event));
      },
    },
    deliver: () =>
      new Promise<Delivery>((resolve) => {
        const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
        let settled = false;
        const settle = (delivery: Delivery) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(delivery);
        };
        const timer = setTimeout(() => {
          settle({ ok: false, reason: `no answer within ${timeoutMs} ms` });
          socket.terminate();
        }, timeoutMs);
        socket.on('error', (error: Error & { code?: string }) => settle({ ok: false, reason: error.code ?? error.message }));
        socket.on('unexpected-response', (_request, response) => {
          settle({ ok: false, reason: `the server answered HTTP ${response.statusCode} instead of a WebSocket` });
          socket.terminate();
        });
        socket.on('open', () => {
          if (events.length === 0) {
            socket.close();
            settle({ ok: true, delivered: 0 });
            return;
          }
          let written = 0;
          for (const message of events) {
            socket.send(message, (error) => {
              if (error) return settle({ ok: false, reason: error.message });
              written += 1;
              if (written === events.length) {
                socket.close();
                settle({ ok: true, delivered: written });
              }
            });
          }
        });
      }),
  };
}
