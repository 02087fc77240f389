import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { statelyCaseInspector, type StatelyInspectionEvent } from '../src/index.js';
import { createSocketSender, startInspectorRelay, type InspectorRelay } from '../src/node/index.js';
import { runBaselineScenario } from './scenario-run.js';

const relays: InspectorRelay[] = [];
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
});
async function relay(): Promise<InspectorRelay> {
  const started = await startInspectorRelay({ port: 0 });
  relays.push(started);
  return started;
}

/** A viewer (as the bridge page is), collecting messages until `count` have come. */
function viewer(url: string, headers: Record<string, string> = {}): { readonly received: StatelyInspectionEvent[]; opened: Promise<void>; until(count: number): Promise<void>; close(): void } {
  const socket = new WebSocket(url, { headers });
  const received: StatelyInspectionEvent[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    received.push(JSON.parse(data.toString('utf8')) as StatelyInspectionEvent);
    waiters.splice(0).forEach((wake) => wake());
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
  const until = async (count: number) => {
    while (received.length < count) await new Promise<void>((wake) => waiters.push(wake));
  };
  return { received, opened, until, close: () => socket.close() };
}

function get(url: string, host?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers: host ? { host } : {} }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the inspector relay', () => {
  it('listens on 127.0.0.1 only and keeps a whole run for a page opened after it', async () => {
    const started = await relay();
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    runBaselineScenario('overdue-work-item', statelyCaseInspector(started.adapter));
    expect(started.kept).toBeGreaterThan(5);

    const late = viewer(started.socketUrl);
    await late.opened;
    await late.until(started.kept);
    expect(late.received[0]).toMatchObject({ type: '@xstate.actor', sessionId: 'case-overdue-0004' });
    expect(late.received.filter((event) => event.type === '@xstate.snapshot').length).toBe(late.received.filter((event) => event.type === '@xstate.event').length);
    late.close();
  });

  it('relays what another process sends (createSocketSender) to the pages watching', async () => {
    const started = await relay();
    const watching = viewer(started.socketUrl, { origin: started.url.slice(0, -1) });
    await watching.opened;
    const sender = createSocketSender(started.socketUrl);
    runBaselineScenario('dash-14-visible-high-risk', statelyCaseInspector(sender.adapter));
    const delivery = await sender.deliver();
    expect(delivery.ok).toBe(true);
    const delivered = delivery.ok ? delivery.delivered : 0;
    expect(delivered).toBeGreaterThan(5);
    await watching.until(delivered);
    expect(watching.received.map((event) => event.type)[0]).toBe('@xstate.actor');
    expect(started.kept).toBe(delivered);
    watching.close();
  });

  it('refuses other sites: a WebSocket from another origin, and requests addressed to another name (DNS rebinding)', async () => {
    const started = await relay();
    runBaselineScenario('dash-14-visible-high-risk', statelyCaseInspector(started.adapter));
    await expect(viewer(started.socketUrl, { origin: 'https://pages.example' }).opened).rejects.toThrow('HTTP 401');
    const port = new URL(started.url).port;
    await expect(viewer(started.socketUrl, { host: `relay.example:${port}` }).opened).rejects.toThrow('HTTP 401');
    expect((await get(started.url, `relay.example:${port}`)).status).toBe(421);
    expect((await get(`${started.url}anything`)).status).toBe(404);
  });

  it("serves a page that frames Stately's inspector and talks to it alone", async () => {
    const started = await relay();
    const page = await get(started.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<iframe id="inspector" title="Stately inspector" src="https://stately.ai/inspect">');
    expect(page.body).toContain('const inspectorOrigin = "https://stately.ai"');
    expect(page.body).not.toContain("postMessage(event, '*')");
    expect(page.headers['content-security-policy']).toContain('frame-src https://stately.ai');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('passes on only Stately inspection events: a program sending anything else is cut off with the reason, and nothing reaches the pages', async () => {
    const started = await relay();
    const watching = viewer(started.socketUrl);
    await watching.opened;
    const send = (message: string) =>
      new Promise<{ code: number; reason: string }>((resolve) => {
        const socket = new WebSocket(started.socketUrl);
        socket.on('open', () => socket.send(message));
        socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
      });
    expect(await send('hello')).toEqual({ code: 1007, reason: 'not JSON: send one Stately inspection event per message' });
    expect(await send(JSON.stringify({ type: '@xstate.actor', _version: '0.7.2' }))).toEqual({ code: 1007, reason: 'not a Stately inspection event (sessionId: Invalid input: expected string, received undefined)' });
    expect(started.kept).toBe(0);
    expect(watching.received).toEqual([]);
    watching.close();
  });

  it('says a port is taken rather than relaying somewhere unexpected', async () => {
    const started = await relay();
    await expect(startInspectorRelay({ port: Number(new URL(started.url).port) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('the socket sender', () => {
  it('reports a relay it cannot reach once, with the reason, and does not retry', async () => {
    const sender = createSocketSender(`ws://127.0.0.1:${await freePort()}/`);
    runBaselineScenario('dash-14-visible-high-risk', statelyCaseInspector(sender.adapter));
    expect(await sender.deliver()).toEqual({ ok: false, reason: 'ECONNREFUSED' });
  });

  it('reports a server that is not a relay', async () => {
    const server = createServer((socket) => socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n'));
    // Answers and hangs up at once; close() below waits for nothing else.
    server.on('connection', (socket) => socket.on('error', () => undefined).setTimeout(100, () => socket.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const sender = createSocketSender(`ws://127.0.0.1:${port}/`);
    sender.adapter.send({ type: '@xstate.event', event: { type: 'x' }, sourceId: undefined, sessionId: 'case-1', rootId: 'case-1', createdAt: '0', id: '1', _version: '0' });
    expect(await sender.deliver()).toEqual({ ok: false, reason: 'the server answered HTTP 404 instead of a WebSocket' });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
