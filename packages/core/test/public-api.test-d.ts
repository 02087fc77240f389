import {
  compile,
  createEngine,
  parseTemplate,
  type CaseContext,
  type CaseEvent,
  type CaseMachine,
  type CaseRecord,
  type CaseSnapshot,
  type CommandResult,
  type Effect,
  type GuardVerdict,
  type PathwayTemplate,
  type PathwayTemplateData,
} from '@pathways/core';
import type { AnyStateMachine, EventFromLogic, InputFrom, SnapshotFrom } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';

declare const template: PathwayTemplate;

describe('the public API is typed, not any', () => {
  it('types the compiled machine: its context, events, input and emitted effects', () => {
    const { machine } = compile(template);
    expectTypeOf(machine).toEqualTypeOf<CaseMachine>();
    expectTypeOf(machine).not.toBeAny();
    expectTypeOf<SnapshotFrom<CaseMachine>['context']>().toEqualTypeOf<CaseContext>();
    expectTypeOf<EventFromLogic<CaseMachine>>().toEqualTypeOf<CaseEvent>();
    expectTypeOf<InputFrom<CaseMachine>>().toHaveProperty('caseId').toEqualTypeOf<string>();
    // A compiled pathway's machine is a concrete machine type, not the catch-all.
    expectTypeOf<AnyStateMachine>().not.toEqualTypeOf<CaseMachine>();
  });

  it('types the case record and its state: no Snapshot<unknown>', () => {
    expectTypeOf<CaseRecord['snapshot']>().toEqualTypeOf<CaseSnapshot>();
    expectTypeOf<CaseSnapshot['context']['tier']>().toEqualTypeOf<string | null>();
    expectTypeOf<CaseSnapshot['context']['workItems'][string]['status']>().toEqualTypeOf<'open' | 'inProgress'>();
  });

  it('returns a discriminated result from send, and effects narrow by type', () => {
    const engine = createEngine(template);
    const result = engine.send({} as CaseRecord, { type: 'contact.made', at: '2026-03-02T09:00:00+13:00', actor: 'kaimahi', idempotencyKey: 'k' });
    expectTypeOf(result).toEqualTypeOf<CommandResult>();
    if (result.kind === 'applied') {
      expectTypeOf(result.record).toEqualTypeOf<CaseRecord>();
      const effect = result.effects[0] as Effect;
      if (effect.type === 'workItem.created') expectTypeOf(effect.workItemId).toEqualTypeOf<string>();
      if (effect.type === 'tier.changed') expectTypeOf(effect.direction).toEqualTypeOf<'raised' | 'lowered'>();
    }
    if (result.kind === 'refused') expectTypeOf(result.refusal.code).toBeString();
  });

  it('compiles only parsed templates', () => {
    const parsed = parseTemplate('{}');
    if (parsed.ok) expectTypeOf(parsed.template).toEqualTypeOf<PathwayTemplate>();
    // @ts-expect-error: template data that was never parsed cannot be compiled.
    compile({} as PathwayTemplateData);
    // @ts-expect-error: nor can a hand-made object.
    createEngine({ id: 'x' });
  });

  it('guards answer true or a coded refusal', () => {
    expectTypeOf<Exclude<GuardVerdict, true>>().toHaveProperty('code').toBeString();
    expectTypeOf<Exclude<GuardVerdict, true>>().toHaveProperty('message').toEqualTypeOf<string>();
  });
});
