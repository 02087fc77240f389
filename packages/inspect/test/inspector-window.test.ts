import { describe, expect, it } from 'vitest';
import { openInspectorWindow, statelyCaseInspector, type OpeningWindow } from '../src/index.js';
import { runBaselineScenario } from './scenario-run.js';

/** A page that opens the inspector window: records what is posted to the window, and lets a test send it messages. */
function fakePage() {
  const posted: { data: { type: string; sessionId?: string }; targetOrigin: string }[] = [];
  const opened = { url: '', closed: false };
  const inspectorWindow = {
    postMessage: (data: { type: string }, targetOrigin: string) => posted.push({ data, targetOrigin }),
    close: () => (opened.closed = true),
  };
  const host = new EventTarget() as EventTarget & { open: (url: string) => unknown };
  host.open = (url: string) => {
    opened.url = url;
    return inspectorWindow;
  };
  const say = (data: unknown, origin: string, source: unknown = inspectorWindow) => host.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
  return { posted, opened, say, window: host as unknown as OpeningWindow };
}

describe('openInspectorWindow', () => {
  it("holds the run until the inspector says it is ready, then sends everything to the inspector's origin only", () => {
    const page = fakePage();
    const adapter = openInspectorWindow({ window: page.window });
    expect(page.opened.url).toBe('https://stately.ai/inspect');
    runBaselineScenario('dash-14-visible-high-risk', statelyCaseInspector(adapter));
    expect(page.posted).toEqual([]);

    // Not believed: another origin, or another window, saying it is ready.
    page.say({ type: '@statelyai.connected' }, 'https://pages.example');
    page.say({ type: '@statelyai.connected' }, 'https://stately.ai', {});
    expect(page.posted).toEqual([]);

    page.say({ type: '@statelyai.connected' }, 'https://stately.ai');
    expect(page.posted.length).toBeGreaterThan(10);
    expect(page.posted[0]!.data).toMatchObject({ type: '@xstate.actor', sessionId: 'case-dash-0014' });
    expect(new Set(page.posted.map((message) => message.targetOrigin))).toEqual(new Set(['https://stately.ai']));

    adapter.close();
    expect(page.opened.closed).toBe(true);
  });

  it('sends each event at once when the inspector is ready, and stops when closed', () => {
    const page = fakePage();
    const adapter = openInspectorWindow({ window: page.window, url: 'http://127.0.0.1:9999/inspect' });
    page.say({ type: '@statelyai.connected' }, 'http://127.0.0.1:9999');
    const inspector = statelyCaseInspector(adapter);
    runBaselineScenario('dash-14-visible-high-risk', inspector);
    const sent = page.posted.length;
    expect(sent).toBeGreaterThan(10);
    expect(page.posted.every((message) => message.targetOrigin === 'http://127.0.0.1:9999')).toBe(true);
    adapter.close();
    runBaselineScenario('dash-14-visible-high-risk', inspector);
    expect(page.posted).toHaveLength(sent);
  });
});
