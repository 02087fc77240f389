// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addNode, checkDocument, setNodeFields, type DesignDocument } from '../src/core/index.js';
import { NodeForm } from '../src/react/node-form.js';
import { fictionalRegion, library } from './library.js';

// Forms generated from a node type's JSON Schema, checked with its zod schema (errors inline), and
// the edit they make, judged by the national rules.

afterEach(cleanup);

const regional = (): DesignDocument => fictionalRegion('nz-fictional');

describe('the node form', () => {
  it("draws a plugin node's configuration from its schema and shows its errors inline", () => {
    const template = checkDocument(regional()).resolved!;
    const node = template.nodes.find((n) => n.id === 'child-expertise-check')!;
    const onFields = vi.fn();
    render(<NodeForm node={node} template={template} plugins={library.plugins} onFields={onFields} onLabel={() => {}} />);
    const planType = screen.getByLabelText(/planType/) as HTMLInputElement;
    expect(planType.value).toBe('family-safety-plan');
    fireEvent.change(planType, { target: { value: 'Family Plan!' } });
    fireEvent.submit(screen.getByTestId('config-form'));
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(onFields).not.toHaveBeenCalled();
    fireEvent.change(planType, { target: { value: 'family-safety-plan' } });
    fireEvent.submit(screen.getByTestId('config-form'));
    expect(onFields).toHaveBeenCalledWith({ config: { planType: 'family-safety-plan' } });
  });

  it("checks a human task's time limit before anything is changed", () => {
    const template = checkDocument(regional()).resolved!;
    const node = template.nodes.find((n) => n.id === 'offer-whanau-support')!;
    const onFields = vi.fn();
    render(<NodeForm node={node} template={template} plugins={library.plugins} onFields={onFields} onLabel={() => {}} />);
    fireEvent.change(screen.getByLabelText(/Time limit/), { target: { value: 'two days' } });
    fireEvent.submit(screen.getByTestId('task-form'));
    expect(screen.getByRole('alert').textContent).toBe('The text "two days" must be an ISO 8601 duration such as P2D or PT24H.');
    expect(onFields).not.toHaveBeenCalled();
  });
});

describe('setting node fields', () => {
  it("refuses a field of a locked national node, and edits the variant's own node in place", () => {
    const variant = regional();
    expect(setNodeFields(variant, 'triage-listing', { ownerRole: 'administrator' })).toMatchObject({ ok: false, refusal: { code: 'PWY_VARIANT_LOCKED' } });
    const added = addNode(variant, { name: 'service', type: 'humanTask', label: { en: 'Local service' }, fields: { ownerRole: 'coordinator', due: 'P2D' } }, { point: 'local-services' });
    if (!added.ok) throw new Error('add');
    const edited = setNodeFields(added.document, 'fr/service', { due: 'P1D' });
    if (!edited.ok) throw new Error(edited.refusal.message);
    const fragment = (edited.document.json.changes as { op: string; nodes?: { due?: string }[] }[]).find((c) => c.op === 'addFragment')!;
    expect(fragment.nodes![0]!.due).toBe('P1D');
    expect(checkDocument(edited.document).problems).toEqual([]);
  });
});
