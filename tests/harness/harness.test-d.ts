import type { Effect, Incident, Refusal, WorkItemView } from '@pathways/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { AppliedResult, CaseHarness, EffectMatcher, WorkItemMatcher } from '@pathways/testing';
import type { homeVisits } from './fixtures/plugins.js';

declare const harness: CaseHarness;
declare const plugin: typeof homeVisits;

describe('the harness is typed, not any', () => {
  it('types the plugin state from the plugin definition', () => {
    expectTypeOf(harness.expectPluginState(plugin, { visits: 1 })).toEqualTypeOf<{ visits: number; lastVisitor: string | null }>();
    harness.expectPluginState(plugin, (state) => {
      expectTypeOf(state.visits).toEqualTypeOf<number>();
      return state.visits > 0;
    });
    // @ts-expect-error visits is a number
    harness.expectPluginState(plugin, { visits: 'two' });
    expectTypeOf(harness.expectPluginState('home-visits', { visits: 1 })).toBeUnknown();
  });

  it('checks effect matchers against the effect type they name', () => {
    expectTypeOf<{ type: 'workItem.created'; workItemType: string }>().toMatchTypeOf<EffectMatcher>();
    // @ts-expect-error workItemtype is not a field of any effect
    harness.expectEffects([{ type: 'workItem.created', workItemtype: 'first-contact' }]);
    // @ts-expect-error there is no such effect type
    harness.expectNoEffect({ type: 'workitem.created' });
    expectTypeOf(harness.expectEffects([])).toEqualTypeOf<readonly Effect[]>();
  });

  it('returns what each command and assertion found', () => {
    expectTypeOf(harness.send('contact.made')).toEqualTypeOf<AppliedResult>();
    expectTypeOf(harness.expectRefused('PWY_COMMAND_NOT_ALLOWED', 'triage.completed')).toEqualTypeOf<Refusal>();
    // @ts-expect-error refusal codes come from the error catalogue
    harness.expectRefused('NOT_A_CODE', 'triage.completed');
    expectTypeOf(harness.expectIncident('triage.completed')).toEqualTypeOf<Incident>();
    expectTypeOf(harness.expectWorkItems({ workItemType: 'first-contact', count: 1 })).toEqualTypeOf<readonly WorkItemView[]>();
    expectTypeOf<{ status: 'done'; count: number }>().toMatchTypeOf<WorkItemMatcher>();
    expectTypeOf(harness.clock.advance('P14D')).resolves.toEqualTypeOf<readonly Effect[]>();
  });
});
