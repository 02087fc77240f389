import type { NodeHookArgs, PluginResult } from '@pathways/core';
import type { CaseHarness } from '@pathways/testing';
import { expectTypeOf, test } from 'vitest';
import { plugin, type ChildExpertiseState, type ChildFactors } from '../src/index.js';

test('the definition keeps its types: the state, the check node configuration', () => {
  expectTypeOf(plugin.state!.initial).toEqualTypeOf<ChildExpertiseState>();
  expectTypeOf<ChildExpertiseState['factors']>().toEqualTypeOf<ChildFactors | null>();
  expectTypeOf(plugin.nodeTypes!.check.enter!).parameter(0).toEqualTypeOf<NodeHookArgs<ChildExpertiseState, { planType: string }>>();
  expectTypeOf(plugin.actions!.recordCheck!.run).returns.toEqualTypeOf<PluginResult<ChildExpertiseState> | undefined>();
});

test('a harness reads the plugin state typed from the definition', () => {
  const check = (harness: CaseHarness) => {
    harness.expectPluginState(plugin, { reportsOfConcern: { made: 1 } });
    // @ts-expect-error a misspelt field is a compile error
    harness.expectPluginState(plugin, { reportOfConcern: { made: 1 } });
  };
  expectTypeOf(check).toBeFunction();
});
