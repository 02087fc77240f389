import { definePlugin, loadPlugins, type AnyPluginDefinition, type PluginGuardResult, type PluginResult } from '@pathways/core';
import { defineEffectHandlers, type HandlerReply } from '@pathways/core/server';
import { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';

// definePlugin infers each hook's types from the definition itself: a node type's hooks see its
// own (current) configuration, every hook sees the plugin's state; nothing is any, nothing is cast.

describe('definePlugin infers its hooks\' types', () => {
  it('gives each node type\'s enter its own configuration, and every hook the plugin\'s state', () => {
    const plugin = definePlugin({
      name: 'type-check',
      version: '1.0.0',
      engine: '^0.1.0',
      label: { en: 'Type check' },
      state: { schema: z.strictObject({ visits: z.number(), lastProvider: z.string().nullable() }), initial: { visits: 0, lastProvider: null } },
      nodeTypes: {
        visit: {
          label: { en: 'Visit' },
          category: 'check',
          typeVersion: 2,
          config: z.strictObject({ provider: z.string(), urgent: z.boolean() }),
          earlier: { 1: { config: z.strictObject({ provider: z.string() }), migrate: (previous) => ({ ...previous, urgent: false }) } },
          enter({ config, state }) {
            expectTypeOf(config).toEqualTypeOf<{ provider: string; urgent: boolean }>();
            expectTypeOf(state).toEqualTypeOf<{ visits: number; lastProvider: string | null }>();
            return { state: { visits: state.visits + 1, lastProvider: config.provider } };
          },
        },
        call: {
          label: { en: 'Call' },
          category: 'check',
          typeVersion: 1,
          config: z.strictObject({ number: z.string() }),
          // @ts-expect-error the state is the plugin's, so returning another shape does not compile
          enter({ config }) {
            expectTypeOf(config).toEqualTypeOf<{ number: string }>();
            return { state: { visits: 'many' } };
          },
        },
      },
      guards: {
        known: {
          check({ state, payload }) {
            expectTypeOf(state.visits).toEqualTypeOf<number>();
            expectTypeOf(payload).toEqualTypeOf<Readonly<Record<string, unknown>>>();
            return true;
          },
        },
      },
    });
    expectTypeOf<NonNullable<typeof plugin.nodeTypes>['visit']['config']>().toEqualTypeOf<z.ZodObject<{ provider: z.ZodString; urgent: z.ZodBoolean }, z.core.$strict>>();
    // Any plugin goes into a list of plugins as it is, without a cast.
    expectTypeOf(plugin).toExtend<AnyPluginDefinition>();
    expectTypeOf(loadPlugins).parameter(0).toExtend<readonly unknown[]>();
    expectTypeOf<PluginGuardResult>().not.toBeAny();
    expectTypeOf<PluginResult<{ visits: number }>['state']>().toEqualTypeOf<{ visits: number } | undefined>();
  });

  it('types server-side handlers by the request they receive and the reply they give', () => {
    const handlers = defineEffectHandlers({ name: 'type-check' }, {
      'type-check.book': async (request) => {
        expectTypeOf(request.payload).toEqualTypeOf<Readonly<Record<string, unknown>>>();
        expectTypeOf(request.plugin).toEqualTypeOf<string>();
        return { events: [{ type: 'type-check.booked', payload: { at: '2026-06-09T10:00:00+12:00' } }] } satisfies HandlerReply;
      },
    });
    expectTypeOf(handlers.plugin).toEqualTypeOf<string>();
  });
});
