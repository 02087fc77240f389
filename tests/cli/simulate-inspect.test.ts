import { createServer } from 'node:net';
import { startInspectorRelay, type InspectorRelay } from '@pathways/inspect/node';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { runCli, startCli } from './run-cli.js';

// `pathways simulate --inspect` / `--inspect-url`: the built command, as users run it, sending the
// run to Stately's inspector through a relay on 127.0.0.1.

const baseline = 'packages/templates/baselines/nz-national-baseline.json';
const scenario = 'packages/templates/scenarios/dash-14-visible-high-risk.json';

interface Received {
  readonly type: string;
  readonly sessionId: string;
  readonly definition?: string;
  readonly event?: { readonly type: string };
  readonly snapshot?: { readonly context?: { readonly tier?: string } };
}

const relays: InspectorRelay[] = [];
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Connects as a watching page does and collects `count` messages. */
function watch(url: string, count: number): Promise<Received[]> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const received: Received[] = [];
    socket.on('message', (data: Buffer) => {
      received.push(JSON.parse(data.toString('utf8')) as Received);
      if (received.length === count) {
        socket.close();
        resolve(received);
      }
    });
    socket.on('error', reject);
  });
}

function expectWholeRun(events: readonly Received[]): void {
  expect(events[0]).toMatchObject({ type: '@xstate.actor', sessionId: 'case-dash-0014' });
  expect(JSON.parse(events[0]!.definition!)).toMatchObject({ id: 'case', type: 'parallel' });
  const applied = events.filter((event) => event.type === '@xstate.event').map((event) => event.event!.type);
  expect(applied[0]).toBe('referral.received');
  expect(applied).toContain('riskTool.completed');
  const snapshots = events.filter((event) => event.type === '@xstate.snapshot');
  expect(snapshots).toHaveLength(applied.length);
  expect(snapshots.at(-1)!.snapshot!.context!.tier).toBe('high');
}

describe('pathways simulate --inspect-url', () => {
  it('sends the whole run to a relay already running, and the run still passes', async () => {
    const relay = await startInspectorRelay({ port: 0 });
    relays.push(relay);
    const run = await startCli(['simulate', baseline, '--scenario', scenario, '--inspect-url', relay.socketUrl]).done;
    expect(run.stdout).toContain('PASS: every expectation met');
    expect(run.status).toBe(0);
    const sent = Number(/Sent (\d+) inspection events to /.exec(run.stderr)?.[1]);
    expect(sent).toBeGreaterThan(10);
    expect(relay.kept).toBe(sent);
    expectWholeRun(await watch(relay.socketUrl, sent));
  });

  it('warns once when the relay cannot be reached, and the exit code is the run\'s own', async () => {
    const url = `ws://127.0.0.1:${await freePort()}/`;
    const run = await startCli(['simulate', baseline, '--scenario', scenario, '--inspect-url', url]).done;
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('PASS: every expectation met');
    expect(run.stderr).toContain(`PWY_INSPECT_UNREACHABLE: Cannot reach ${url} (ECONNREFUSED); the simulation ran without inspection.`);
    expect(run.stderr).toContain('hint: The simulation ran and its result stands');
  });
});

describe('pathways simulate --inspect', () => {
  it('serves the run on 127.0.0.1 until Ctrl-C, for a page opened after the run', async () => {
    const running = startCli(['simulate', baseline, '--scenario', scenario, '--inspect', '--inspect-port', '0']);
    const stderr = await running.stderrContaining('Press Ctrl-C to stop.');
    const [, url, kept] = /open (http:\/\/127\.0\.0\.1:\d+\/) in a browser \((\d+) inspection events kept/.exec(stderr) ?? [];
    expect(url).toBeDefined();
    expectWholeRun(await watch(url!.replace('http:', 'ws:'), Number(kept)));
    running.child.kill('SIGINT');
    const run = await running.done;
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('PASS: every expectation met');
    // Stopped: nothing listens there any more.
    await expect(watch(url!.replace('http:', 'ws:'), 1)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('says the port is taken, with the option to change, before running anything', async () => {
    const relay = await startInspectorRelay({ port: 0 });
    relays.push(relay);
    const port = new URL(relay.url).port;
    const run = await startCli(['simulate', baseline, '--scenario', scenario, '--inspect', '--inspect-port', port]).done;
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--inspect-port: 1 problem');
    expect(run.stderr).toContain('PWY_INSPECT_PORT_IN_USE');
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is taken`);
  });

  it.each([
    [['--inspect', '--inspect-port', '70000'], '--inspect-port: a port is at most 65535'],
    [['--inspect', '--inspect-port', 'eighty'], '--inspect-port: give a port number, such as 8080 (0 picks a free one)'],
    [['--inspect-port', '9000'], '--inspect-port: --inspect-port goes with --inspect'],
    [['--inspect-url', 'http://127.0.0.1:8080'], '--inspect-url: give a WebSocket address, such as ws://127.0.0.1:8080'],
    [['--inspect', '--inspect-url', 'ws://127.0.0.1:8080'], '--inspect-url: give --inspect (a relay here) or --inspect-url (a relay already running), not both'],
  ])('refuses %j with a usage error', (extra, message) => {
    const run = runCli(['simulate', baseline, '--scenario', scenario, ...extra]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`PWY_CLI_USAGE: ${message}`);
  });
});
