import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { StatelyAdapter } from '../stately-case-inspector.js';
import { bridgePage } from './bridge-page.js';
import { readRelayedEvent } from './relayed-event.js';

export interface InspectorRelayOptions {
  /** The port on 127.0.0.1 (0: any free port). Default 8080, the port Stately's own tools use. */
  readonly port?: number;
  /** The inspector page drawn in the bridge page's frame. Default https://stately.ai/inspect. */
  readonly inspectorUrl?: string;
  /** How many events are kept for viewers who connect later (the oldest go first). Default 10,000. */
  readonly keep?: number;
}

/** A running relay: open `url` in a browser to watch; `adapter` is where this process sends. */
export interface InspectorRelay {
  readonly url: string;
  readonly socketUrl: string;
  readonly adapter: StatelyAdapter;
  /** Events kept for viewers who connect from now on. */
  readonly kept: number;
  /** Browser pages and other processes connected now. */
  readonly connections: number;
  close(): Promise<void>;
}

const defaultInspectorUrl = 'https://stately.ai/inspect';

/**
 * A relay on 127.0.0.1 between this process (and any other local process that connects to it, as
 * Stately's own relay allows) and a browser page that frames Stately's inspector. Every event is
 * kept, so a page opened after the run still sees all of it. Case states travel through it, so it
 * listens on the loopback interface only, serves only requests addressed to it by name (a page from
 * elsewhere that rebinds its name to 127.0.0.1 is refused), and takes WebSocket connections only
 * from its own page or from programs (no Origin): another site open in the browser cannot read it.
 */
export async function startInspectorRelay(options: InspectorRelayOptions = {}): Promise<InspectorRelay> {
  const inspectorUrl = options.inspectorUrl ?? defaultInspectorUrl;
  const keep = options.keep ?? 10_000;
  const kept: string[] = [];
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const addressedToUs = (request: IncomingMessage) => allowedHosts().has(request.headers.host ?? '');

  const server = createServer((request, response) => {
    if (!addressedToUs(request)) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('This relay answers only requests addressed to 127.0.0.1 or localhost.\n');
      return;
    }
    if (request.method !== 'GET' || (request.url ?? '/') !== '/') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: open / to watch the run.\n');
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; frame-src ${new URL(inspectorUrl).origin}; connect-src ws://${request.headers.host ?? ''}`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    response.end(bridgePage({ inspectorUrl, nonce }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Attached once listening: a port already taken is the listen's own error, not the WebSocket server's.
  const sockets = new WebSocketServer({
    server,
    maxPayload: 4 * 1024 * 1024,
    verifyClient: ({ origin, req }: { origin: string | undefined; req: IncomingMessage }) =>
      addressedToUs(req) && (origin === undefined || [...allowedHosts()].some((host) => origin === `http://${host}`)),
  });
  const remember = (message: string) => {
    kept.push(message);
    if (kept.length > keep) kept.shift();
  };
  const broadcast = (message: string, except?: WebSocket) => {
    for (const client of sockets.clients) if (client !== except && client.readyState === WebSocket.OPEN) client.send(message);
  };
  sockets.on('connection', (socket) => {
    for (const message of kept) socket.send(message);
    socket.on('message', (data, isBinary) => {
      const message = isBinary ? undefined : (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');
      const read = message === undefined ? { ok: false as const, reason: 'binary: send JSON text' } : readRelayedEvent(message);
      if (!read.ok) {
        // Nothing else is passed on to the pages, so the sender is told why it was cut off
        // (1007: the data does not fit the protocol; a close reason is at most 123 bytes).
        socket.close(1007, Buffer.from(read.reason).subarray(0, 123).toString('utf8').replace(/\uFFFD$/, ''));
        return;
      }
      remember(message!);
      broadcast(message!, socket);
    });
  });


  return {
    url: `http://127.0.0.1:${port}/`,
    socketUrl: `ws://127.0.0.1:${port}/`,
    adapter: {
      send(event) {
        const message = JSON.stringify(event);
        remember(message);
        broadcast(message);
      },
    },
    get kept() {
      return kept.length;
    },
    get connections() {
      return sockets.clients.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close(() => server.close(() => resolve()));
        server.closeAllConnections();
      }),
  };
}
