// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { dashHonourBasedItems, dashItems, dashStalkingItems } from '@pathways/plugin-risk-tools';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldConditions, isAsked } from '../src/react/field-conditions.js';
import type { FieldSchema } from '../src/react/field-schema.js';
import { RiskToolForm } from '../src/react/risk-tool-form.js';
import { library } from './library.js';

// A risk tool's questionnaire drawn from its answers schema (happy-dom, Testing Library): the
// Dash-style follow-up sets drawn topic by topic only while their item is yes, and left out of the
// answers otherwise; the other tools drawn as before. Fictional answers.

afterEach(cleanup);

/** The form with a tool chosen, and what it submitted. */
function questionnaire(tool: string) {
  const onSubmit = vi.fn();
  const { container } = render(<RiskToolForm plugins={library.plugins} onSubmit={onSubmit} />);
  fireEvent.change(screen.getByTestId('sim-risk-tool'), { target: { value: tool } });
  const field = (id: string) => container.querySelector<HTMLSelectElement | HTMLInputElement>(`#answers-${id}`);
  const answer = (id: string, value: string) => fireEvent.change(field(id)!, { target: { value } });
  const submit = () => fireEvent.submit(screen.getByTestId('answers-form'));
  return { container, field, answer, submit, onSubmit };
}

/** Every main item answered no, then `yes` for the items named. */
function answerDash(answer: (id: string, value: string) => void, yes: readonly string[]) {
  for (const code of Object.keys(dashItems)) answer(code, yes.includes(code) ? 'yes' : 'no');
}

describe('the Dash-style follow-up sets in the questionnaire', () => {
  it('are not drawn, nor given, while their items are no', () => {
    const form = questionnaire('risk-tools/dash');
    answerDash(form.answer, ['currentInjury']);
    expect(screen.queryByTestId('answers-stalkingFollowUp')).toBeNull();
    expect(screen.queryByTestId('answers-honourBasedFollowUp')).toBeNull();
    expect(form.container.querySelectorAll('select')).toHaveLength(Object.keys(dashItems).length + 1);
    form.submit();
    expect(form.onSubmit).toHaveBeenCalledTimes(1);
    expect(Object.keys(form.onSubmit.mock.calls[0]![0].answers)).toEqual(Object.keys(dashItems));
  });

  it('draws the stalking set when stalking is yes, one choice per topic labelled with its topic, and gives it', () => {
    const form = questionnaire('risk-tools/dash');
    answerDash(form.answer, ['stalking']);
    const set = screen.getByTestId('answers-stalkingFollowUp');
    expect(set.querySelector('legend')!.textContent).toBe('Stalking follow-up set *');
    expect(screen.queryByTestId('answers-honourBasedFollowUp')).toBeNull();
    const topics = [...set.querySelectorAll('label')].map((label) => label.textContent);
    expect(topics).toEqual(Object.values(dashStalkingItems).map((topic) => `${topic} *`));
    for (const code of Object.keys(dashStalkingItems)) {
      const choice = form.field(`stalkingFollowUp-${code}`) as HTMLSelectElement;
      expect([...choice.options].map((option) => option.value)).toEqual(['', 'yes', 'no', 'not-known']);
    }
    // Unanswered, the set is not given: the tool's message says what it needs, at the set.
    form.submit();
    expect(form.onSubmit).not.toHaveBeenCalled();
    expect(set.querySelector('[role="alert"]')!.textContent).toContain('required when stalking is yes: answer its 11 topics');
    expect(set.querySelector('[role="alert"]')!.textContent).toMatch(/^Nothing is given for the stalking follow-up set/);
    // Its trigger answered no and then yes again: the set comes back without the old message.
    form.answer('stalking', 'no');
    expect(screen.queryByTestId('answers-stalkingFollowUp')).toBeNull();
    form.answer('stalking', 'yes');
    expect(screen.getByTestId('answers-stalkingFollowUp').querySelector('[role="alert"]')).toBeNull();
    form.submit();
    expect(screen.getByTestId('answers-stalkingFollowUp').querySelector('[role="alert"]')!.textContent).toMatch(/^Nothing is given/);
    // Answering a topic clears the message; one topic left out, the error is at that topic.
    const codes = Object.keys(dashStalkingItems);
    form.answer(`stalkingFollowUp-${codes[0]!}`, 'yes');
    expect(screen.queryAllByRole('alert')).toEqual([]);
    for (const code of codes.slice(1, -1)) form.answer(`stalkingFollowUp-${code}`, 'yes');
    form.submit();
    expect(form.onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').map((alert) => alert.id)).toEqual([`answers-stalkingFollowUp-${codes.at(-1)}-error`]);
    form.answer(`stalkingFollowUp-${codes.at(-1)!}`, 'not-known');
    form.submit();
    const { answers } = form.onSubmit.mock.calls[0]![0] as { answers: Record<string, unknown> };
    expect(answers.stalking).toBe('yes');
    expect(answers.stalkingFollowUp).toEqual({ ...Object.fromEntries(codes.map((code) => [code, 'yes'])), [codes.at(-1)!]: 'not-known' });
    expect(answers).not.toHaveProperty('honourBasedFollowUp');
  });

  it("draws the 'honour'-based set when othersThreatening is yes, and leaves a set out again when its item goes back to no", () => {
    const form = questionnaire('risk-tools/dash');
    answerDash(form.answer, ['stalking', 'othersThreatening']);
    const honour = screen.getByTestId('answers-honourBasedFollowUp');
    expect([...honour.querySelectorAll('label')].map((label) => label.textContent)).toEqual(Object.values(dashHonourBasedItems).map((topic) => `${topic} *`));
    for (const code of Object.keys(dashStalkingItems)) form.answer(`stalkingFollowUp-${code}`, 'no');
    for (const code of Object.keys(dashHonourBasedItems)) form.answer(`honourBasedFollowUp-${code}`, 'no');
    form.answer('stalking', 'not-known');
    expect(screen.queryByTestId('answers-stalkingFollowUp')).toBeNull();
    form.submit();
    const { answers } = form.onSubmit.mock.calls[0]![0] as { answers: Record<string, unknown> };
    expect(answers).not.toHaveProperty('stalkingFollowUp');
    expect(answers.honourBasedFollowUp).toEqual(Object.fromEntries(Object.keys(dashHonourBasedItems).map((code) => [code, 'no'])));
  });
});

describe('the other tools, which ask everything always', () => {
  it('draws the MARAM-style judgement as before: choices, and the evidence list as JSON', () => {
    const form = questionnaire('risk-tools/maram');
    expect(form.container.querySelectorAll('fieldset')).toHaveLength(0);
    form.answer('riskLevel', 'serious-risk');
    fireEvent.change(form.field('evidenceConsidered')!, { target: { value: '["victim-survivor-self-assessment"]' } });
    form.submit();
    expect(form.onSubmit).toHaveBeenCalledWith({ tool: 'risk-tools/maram', personId: 'person-aroha', answers: { riskLevel: 'serious-risk', evidenceConsidered: ['victim-survivor-self-assessment'] } });
  });

  it.each(['risk-tools/dangerAssessment', 'risk-tools/odara'])('draws %s item by item, with no follow-up set', (tool) => {
    const form = questionnaire(tool);
    expect(form.container.querySelectorAll('fieldset')).toHaveLength(0);
    expect(form.container.querySelectorAll('select').length).toBeGreaterThan(10);
  });
});

describe('reading when a property is asked from a JSON Schema', () => {
  const schema: FieldSchema = {
    type: 'object',
    properties: { a: { enum: ['yes', 'no'] }, b: { enum: ['yes', 'no'] }, set: { type: 'object', properties: { x: { enum: ['yes', 'no'] } } }, always: { type: 'string' } },
    required: ['a', 'b', 'always'],
    allOf: [
      { if: { properties: { a: { const: 'yes' } }, required: ['a'] }, then: { required: ['set'] }, else: { not: { required: ['set'] } } },
      { if: { properties: { b: { const: 'yes' } } }, then: { required: ['set', 'always'] } },
      // Not a shape the form reads (no const): nothing becomes conditional on it.
      { if: { properties: { a: { enum: ['no'] } } }, then: { required: ['b'] } },
    ],
  };

  it('asks a property when any rule requiring it holds, and a property the object always requires always', () => {
    const conditions = fieldConditions(schema);
    expect([...conditions.keys()]).toEqual(['set']);
    expect(isAsked(conditions, 'set', { a: 'no', b: 'no' })).toBe(false);
    expect(isAsked(conditions, 'set', { a: 'yes', b: 'no' })).toBe(true);
    expect(isAsked(conditions, 'set', { b: 'yes' })).toBe(true);
    expect(isAsked(conditions, 'always', {})).toBe(true);
  });
});
