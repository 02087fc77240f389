import type { InspectedCase } from '@pathways/core';
import { createInspector } from '@statelyai/inspect';
import { describe, expect, it } from 'vitest';
import { createCapturingAdapter, statelyCaseInspector } from '../src/index.js';
import { both, recordingInspector, runBaselineScenario } from './scenario-run.js';

/** A snapshot as the case engine sends it (Stately types it as any actor's). */
const caseState = (snapshot: unknown) => snapshot as InspectedCase;

describe('statelyCaseInspector', () => {
  it("sends Stately's inspector the case opened, every event the engine applied (timers too) and every state reached, in order", () => {
    const adapter = createCapturingAdapter();
    const oracle = recordingInspector();
    const report = runBaselineScenario('overdue-work-item', both(statelyCaseInspector(adapter), oracle.inspector));
    expect(report.passed).toBe(true);

    // One Stately event per engine call, same order, same case, same content.
    expect(adapter.events.map((event) => `${event.type} ${event.sessionId}`)).toEqual(oracle.calls.map((call) => `@xstate.${call.call} ${call.caseId}`));
    for (const [index, call] of oracle.calls.entries()) {
      const sent = adapter.events[index]!;
      if (call.call === 'actor' && sent.type === '@xstate.actor') {
        expect(sent.snapshot).toEqual(call.snapshot);
        expect(sent.definition).toBe(call.definition);
      } else if (call.call === 'event' && sent.type === '@xstate.event') {
        expect(sent.event).toEqual(call.event);
        expect(sent.sourceId).toBe(call.source);
      } else if (call.call === 'snapshot' && sent.type === '@xstate.snapshot') {
        expect(sent.snapshot).toEqual(call.snapshot);
        expect(sent.event).toEqual(call.event);
      } else {
        expect.unreachable(`event ${index} is ${sent.type}, the engine's call was ${call.call}`);
      }
    }

    // What the inspector draws: the pathway's machine configuration, and the case stepping through it.
    const [opened] = adapter.of('@xstate.actor');
    expect(adapter.of('@xstate.actor')).toHaveLength(1);
    expect(opened!.sessionId).toBe('case-overdue-0004');
    const definition = JSON.parse(opened!.definition!) as { id: string; type: string; states: Record<string, { states: Record<string, unknown> }> };
    expect(definition).toMatchObject({ id: 'case', type: 'parallel' });
    // The six practice steps, as the flow region's states.
    expect(Object.keys(definition.states.flow!.states)).toEqual(['recognition', 'response', 'entryIntoSupport', 'allocation', 'integratedResponse', 'monitoring']);
    expect(JSON.stringify(opened!.snapshot.value)).toContain('intake');

    const eventTypes = adapter.of('@xstate.event').map((event) => event.event.type);
    expect(eventTypes[0]).toBe('referral.received');
    // The 24-hour due time and the two-day margin fire as timer events, seen like any other.
    expect(eventTypes.filter((type) => type !== 'referral.received').length).toBeGreaterThanOrEqual(2);
    const snapshots = adapter.of('@xstate.snapshot');
    expect(snapshots).toHaveLength(eventTypes.length);
    expect(snapshots.map((snapshot) => snapshot.event.type)).toEqual(eventTypes);
    const last = caseState(snapshots.at(-1)!.snapshot);
    expect(Object.values(last.context.workItems).some((item) => item.meeting === 'daily-triage')).toBe(true);
    expect(JSON.stringify(caseState(snapshots[0]!.snapshot).value)).toContain('record-referral');
  });

  it('takes an inspector made by @statelyai/inspect as well as an adapter, and keeps back what a deployment sanitises or filters out', () => {
    const adapter = createCapturingAdapter();
    const inspector = createInspector(adapter);
    runBaselineScenario('dash-14-visible-high-risk', statelyCaseInspector(inspector, {
      filter: (event) => event.type !== '@xstate.event',
      sanitizeContext: (context) => ({ caseId: context.caseId, tier: context.tier }),
      sanitizeEvent: (event) => ({ type: event.type }),
    }));
    expect(adapter.of('@xstate.event')).toEqual([]);
    const snapshots = adapter.of('@xstate.snapshot');
    expect(snapshots.length).toBeGreaterThan(3);
    for (const snapshot of snapshots) {
      expect(Object.keys(caseState(snapshot.snapshot).context).sort()).toEqual(['caseId', 'tier']);
      expect(Object.keys(snapshot.event)).toEqual(['type']);
    }
    expect(caseState(snapshots.at(-1)!.snapshot).context.tier).toBe('high');
    expect(adapter.of('@xstate.actor')[0]!.definition).toContain('"id":"case"');
  });

  it('never lets a failing inspector change a case', () => {
    const failing = statelyCaseInspector({ send: () => { throw new Error('inspector window closed'); } });
    expect(runBaselineScenario('dash-14-visible-high-risk', failing).passed).toBe(true);
  });
});
