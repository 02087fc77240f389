import { parseTemplate, type Problem } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { tinyTemplateJson } from './fixtures.js';

function codesAndPaths(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.path.join('.')}`);
}

describe('parseTemplate', () => {
  it('accepts the tiny pathway and applies defaults', () => {
    const result = parseTemplate(JSON.stringify(tinyTemplateJson()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.template.transitions[0]!.actions).toEqual([]);
  });

  it('returns every problem at once, each with a code, path, message and hint', () => {
    const json = tinyTemplateJson();
    json.version = '1.0';
    json.nodes.push({ id: 'triage', stage: 'response', type: 'humanTask', label: { en: 'Again' }, ownerRole: 'nobody' });
    json.nodes.push({ id: 'x', stage: 'response', type: 'teleport', label: { en: 'X' } });
    json.transitions.push({ id: 'dangling', from: 'triage', to: 'nowhere', on: 'no.such.event' });
    const result = parseTemplate(json);
    expect(result.ok).toBe(false);
    expect(codesAndPaths(result.problems)).toEqual(['PWY_SEMVER_INVALID version', 'PWY_NODE_TYPE_UNKNOWN nodes.10.type']);
    for (const item of result.problems) {
      expect(item.message.length).toBeGreaterThan(5);
      expect(item.hint.length).toBeGreaterThan(5);
    }
  });

  it('reports dangling references, duplicate ids and node-shape problems after the schema passes', () => {
    const json = tinyTemplateJson();
    json.nodes.push({ id: 'triage', stage: 'response', type: 'humanTask', label: { en: 'Again' }, ownerRole: 'nobody' });
    json.transitions.push({ id: 'dangling', from: 'triage', to: 'nowhere', on: 'no.such.event' });
    json.transitions.push({ id: 'notify-waits', from: 'notify-advocate', to: 'closed', on: 'contact.made' });
    const result = parseTemplate(json);
    expect(codesAndPaths(result.problems)).toEqual([
      'PWY_DUPLICATE_ID nodes.9',
      'PWY_REFERENCE_DANGLING nodes.9.ownerRole',
      'PWY_REFERENCE_DANGLING transitions.9.to',
      'PWY_REFERENCE_DANGLING transitions.9.on',
      'PWY_NODE_SHAPE transitions.10.on',
    ]);
  });

  it('rejects bad durations, unknown parameters and cycles of automatic transitions', () => {
    const json = tinyTemplateJson();
    (json.parameters as Record<string, { value: string }>).triageDue!.value = 'P1X';
    const broken = parseTemplate(json);
    expect(codesAndPaths(broken.problems)).toContain('PWY_DURATION_INVALID parameters.triageDue.value');

    const cyclic = tinyTemplateJson();
    cyclic.nodes.push({ id: 'choose', stage: 'response', type: 'decision', label: { en: 'Choose' } });
    cyclic.transitions.push({ id: 'loop-a', from: 'notify-advocate', to: 'choose' }, { id: 'loop-b', from: 'choose', to: 'notify-advocate' });
    const result = parseTemplate(cyclic);
    expect(result.problems.map((p) => p.code)).toContain('PWY_EVENTLESS_CYCLE');
    expect(result.problems.find((p) => p.code === 'PWY_EVENTLESS_CYCLE')?.message).toContain('notify-advocate → choose → notify-advocate');

    const unknownParam = tinyTemplateJson();
    (unknownParam.nodes[1] as { due: unknown }).due = { param: 'noSuchParameter' };
    expect(codesAndPaths(parseTemplate(unknownParam).problems)).toEqual(['PWY_PARAMETER_UNKNOWN nodes.1.due.param']);
  });

  it('requires the six stages in the order of the practice steps', () => {
    const json = tinyTemplateJson();
    const stages = json.stages as unknown[];
    [stages[1], stages[2]] = [stages[2], stages[1]];
    stages.pop();
    const codes = parseTemplate(json).problems.map((p) => p.code);
    expect(codes).toContain('PWY_STAGE_MISSING');
    expect(codes).toContain('PWY_STAGE_ORDER');
  });

  describe('hostile input ends in problems or a clean "unusable input", never a crash', () => {
    it('handles empty and truncated text', () => {
      for (const text of ['', '   ', '{"id": "tiny', '[1, 2', 'null']) {
        const result = parseTemplate(text);
        expect(result.ok).toBe(false);
        expect(result.problems.length).toBeGreaterThan(0);
      }
      const empty = parseTemplate('');
      expect(empty.ok === false && empty.unusable).toBe(true);
    });

    it('handles 10,000-deep nesting without overflowing the stack', () => {
      const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      const result = parseTemplate(`{"id": ${deep}}`);
      expect(result.ok === false && result.unusable).toBe(true);
      expect(result.problems[0]?.code).toBe('PWY_JSON_TOO_DEEP');
    });

    it('refuses prototype-polluting and $-prefixed keys without polluting anything', () => {
      const text = JSON.stringify(tinyTemplateJson()).replace('"id":"tiny-pathway"', '"id":"tiny-pathway","__proto__":{"polluted":true},"$where":"1"');
      const result = parseTemplate(text);
      expect(codesAndPaths(result.problems)).toEqual(['PWY_JSON_FORBIDDEN_KEY __proto__', 'PWY_JSON_FORBIDDEN_KEY $where']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses control characters in text', () => {
      const json = tinyTemplateJson();
      (json.title as Record<string, string>).en = 'Tiny\u0007pathway';
      expect(codesAndPaths(parseTemplate(json).problems)).toEqual(['PWY_JSON_CONTROL_CHARACTER title.en']);
    });

    it('handles 20,000 nodes', () => {
      const json = tinyTemplateJson();
      for (let i = 0; i < 20_000; i += 1) json.nodes.push({ id: `bulk-${i}`, stage: 'monitoring', type: 'end', label: { en: `Bulk ${i}` } });
      const result = parseTemplate(json);
      expect(result.ok).toBe(true);
    });
  });
});
