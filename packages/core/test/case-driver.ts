import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseHistory, parseTemplate, type CaseEngine, type CaseRecord, type CommandInput, type Effect, type PathwayTemplate } from '@pathways/core';
import { expect } from 'vitest';

/**
 * The NZ national baseline 2.0.0 as raw JSON (a fresh copy each call, safe to mutate): the last
 * version that runs on the core alone. From 3.0.0 it runs on the built-in plugins, which depend on
 * this package, so its own tests keep to 2.0.0; the baseline in force is tested in @pathways/templates.
 */
export const baselineJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'baselines', 'nz-national-baseline-2.0.0.json'), 'utf8')) as Record<string, unknown>;

/** Parses a template, failing the test with its first problems when it is invalid. */
export function parsed(json: unknown): PathwayTemplate {
  const result = parseTemplate(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.template;
}

/**
 * A case driven by commands, its history kept beside it the way a runtime keeps it. Each command
 * is sent a minute after the case's clock unless `at` is given.
 */
export class Driver {
  record: CaseRecord;
  readonly history = new CaseHistory();
  last: readonly Effect[] = [];

  constructor(
    readonly engine: CaseEngine,
    referral: Parameters<CaseEngine['startCase']>[0],
  ) {
    const opened = engine.startCase(referral);
    this.record = opened.record;
    this.history.apply({ at: opened.record.clock, actor: 'system', effects: opened.effects });
  }

  command(type: string, payload: Record<string, unknown> = {}, actorRole?: string, at?: string): CommandInput {
    return {
      type,
      payload,
      at: at ?? new Date(Date.parse(this.record.clock) + 60_000).toISOString(),
      actor: 'kaimahi-test',
      idempotencyKey: `${type}-${this.record.version}`,
      expectedVersion: this.record.version,
      ...(actorRole ? { actorRole } : {}),
    };
  }

  send(type: string, payload: Record<string, unknown> = {}, actorRole?: string, at?: string) {
    const command = this.command(type, payload, actorRole, at);
    const result = this.engine.send(this.record, command);
    if (result.kind === 'applied') {
      this.record = result.record;
      this.last = result.effects;
      this.history.apply({ at: result.record.clock, actor: command.actor, effects: result.effects });
    }
    return result;
  }

  apply(type: string, payload: Record<string, unknown> = {}, actorRole?: string, at?: string): readonly Effect[] {
    const result = this.send(type, payload, actorRole, at);
    if (result.kind !== 'applied') throw new Error(`${type}: ${JSON.stringify(result)}`);
    return result.effects;
  }

  refusedCode(type: string, payload: Record<string, unknown> = {}, actorRole?: string): string {
    const before = this.record;
    const result = this.send(type, payload, actorRole);
    expect(this.record).toBe(before);
    return result.kind === 'refused' ? result.refusal.code : result.kind;
  }

  /** Fires every timer due by `until`, earliest first, the way a runtime does. */
  advance(until: string): readonly Effect[] {
    const effects: Effect[] = [];
    for (;;) {
      const [next] = this.engine.dueTimers(this.record, until);
      if (!next) return effects;
      const result = this.engine.fireTimer(this.record, next.timerId);
      if (result.kind !== 'applied') throw new Error(`timer ${next.timerId}: ${JSON.stringify(result)}`);
      this.record = result.record;
      effects.push(...result.effects);
      this.history.apply({ at: result.record.clock, actor: 'system', effects: result.effects });
    }
  }

  /** The active flow nodes. */
  get at(): readonly string[] {
    return this.engine.view(this.record).active.map((node) => node.node);
  }
}
