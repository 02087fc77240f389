// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDocument, addNode, connect, type DesignDocument } from '../src/core/index.js';
import { ProblemsPanel } from '../src/react/problems-panel.js';
import { PropertiesPanel } from '../src/react/properties-panel.js';
import { canvasModel } from '../src/core/index.js';
import { fictionalRegion } from './library.js';

// The panels as a regional hub uses them, in a DOM (happy-dom) with Testing Library.

afterEach(cleanup);

const variant = (): DesignDocument => fictionalRegion('nz-fictional');

describe('the problems panel', () => {
  it('says so when every safeguard holds, and the draft is publishable', () => {
    render(<ProblemsPanel check={checkDocument(variant())} language="en" markers onMarkers={() => {}} onFocus={() => {}} />);
    expect(screen.getByTestId('no-problems').textContent).toContain('every national safeguard holds');
    expect(screen.getByTestId('publish-status').textContent).toContain('Publishable');
  });

  it('lists a broken invariant as an error with its change, and a click focuses it', () => {
    const added = addNode(variant(), { name: 'service', type: 'humanTask', label: { en: 'Local service' }, fields: { ownerRole: 'coordinator' } }, { point: 'local-services' });
    if (!added.ok) throw new Error('add');
    const broken = connect(added.document, 'fr/service', 'closed', 'fr.service.done');
    if (!broken.ok) throw new Error('connect');
    const onFocus = vi.fn();
    render(<ProblemsPanel check={checkDocument(broken.document)} language="en" markers onMarkers={() => {}} onFocus={onFocus} />);
    const rows = screen.getAllByTestId('problem');
    expect(rows.map((row) => row.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('PWY_INVARIANT_VIOLATED (change #1)')]));
    expect(screen.getByTestId('publish-status').textContent).toContain('Not publishable yet');
    fireEvent.click(rows.find((row) => row.textContent?.includes('PWY_INVARIANT_VIOLATED'))!.querySelector('button')!);
    expect(onFocus).toHaveBeenCalledWith(expect.objectContaining({ code: 'PWY_INVARIANT_VIOLATED', witness: expect.arrayContaining(['closed']) }));
  });
});

describe('the properties panel', () => {
  it('shows a locked node with its lock and the national reason, and parameters with their bounds', () => {
    const document = variant();
    const check = checkDocument(document);
    const model = canvasModel(document, check);
    const onParameter = vi.fn();
    render(<PropertiesPanel node={model.nodes.find((n) => n.id === 'triage-listing')!} nodes={model.nodes} parameters={check.resolved!.parameters} language="en" onDelete={() => {}} onConnect={() => {}} onParameter={onParameter} />);
    expect(screen.getByTestId('selected-node').textContent).toContain('locked: Triage listing is a national safeguard');
    expect(screen.getByTestId('selected-node').querySelector('.pw-icon--lock')).not.toBeNull();
    const row = screen.getByTestId('parameter-firstContactHigh');
    expect(row.textContent).toContain('max PT24H');
    fireEvent.change(row.querySelector('input')!, { target: { value: 'PT36H' } });
    fireEvent.submit(row.querySelector('form')!);
    expect(onParameter).toHaveBeenCalledWith('firstContactHigh', 'PT36H');
    expect((screen.getByTestId('parameter-repeatWindow').querySelector('input') as HTMLInputElement).disabled).toBe(true);
  });
});
