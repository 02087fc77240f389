import type { StatelyInspectionEvent } from '@statelyai/inspect';
import type { StatelyAdapter } from './stately-case-inspector.js';

/** The inspector's window, as far as sending to it goes. */
interface TargetWindow {
  postMessage(message: unknown, targetOrigin: string): void;
  close(): void;
}

/** A message another window sent (the part of a DOM MessageEvent read here). */
interface ReceivedMessage {
  readonly data: unknown;
  readonly origin: string;
  readonly source: unknown;
}

/**
 * The window that opens the inspector (a browser's `window`), described structurally so the
 * package needs no DOM types: it is also used from Node.
 */
export interface OpeningWindow {
  open(url: string, target: string): TargetWindow | null;
  addEventListener(type: 'message', listener: (message: ReceivedMessage) => void): void;
  removeEventListener(type: 'message', listener: (message: ReceivedMessage) => void): void;
}

export interface InspectorWindowOptions {
  /** The inspector page. Default https://stately.ai/inspect. */
  readonly url?: string;
  /** The window that opens it (the page's own by default). */
  readonly window?: OpeningWindow;
  /** How many events are held until the inspector says it is ready (the oldest go first). Default 10,000. */
  readonly keep?: number;
}

/** An adapter that sends to an inspector window it opened; `close` stops sending and closes the window. */
export interface InspectorWindow extends StatelyAdapter {
  close(): void;
}

const connectedType = '@statelyai.connected';

/**
 * Opens Stately's inspector in a window and sends it inspection events once it says it is ready.
 * Unlike `createBrowserInspector`, messages are addressed to the inspector's origin only and a
 * "ready" message is believed only from that window and origin: if the window is navigated
 * elsewhere, nothing more is sent to it. Call from a click handler (browsers block other pop-ups).
 */
export function openInspectorWindow(options: InspectorWindowOptions = {}): InspectorWindow {
  const url = options.url ?? 'https://stately.ai/inspect';
  const origin = new URL(url).origin;
  const host = options.window ?? (globalThis as unknown as { window?: OpeningWindow }).window;
  if (!host) throw new Error('openInspectorWindow needs a browser window: pass options.window, or use the relay (@pathways/inspect/node) outside a browser.');
  const keep = options.keep ?? 10_000;
  const waiting: StatelyInspectionEvent[] = [];
  let ready = false;
  let closed = false;
  const target = host.open(url, 'pathways-stately-inspector');
  const post = (event: StatelyInspectionEvent) => target?.postMessage(JSON.parse(JSON.stringify(event)) as unknown, origin);
  const onMessage = (message: ReceivedMessage) => {
    if (message.source !== target || message.origin !== origin) return;
    const data: unknown = message.data;
    if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== connectedType) return;
    ready = true;
    for (const event of waiting.splice(0)) post(event);
  };
  host.addEventListener('message', onMessage);
  return {
    send(event) {
      if (closed) return;
      if (ready) {
        post(event);
        return;
      }
      waiting.push(event);
      if (waiting.length > keep) waiting.shift();
    },
    close() {
      host.removeEventListener('message', onMessage);
      waiting.length = 0;
      closed = true;
      target?.close();
    },
  };
}
