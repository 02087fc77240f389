// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { SchemaForm, type FieldSchema } from '../src/react/schema-form.js';

// A command's form drawn from its payload schema: what a checkbox shows is what is sent.

afterEach(cleanup);

const payload = z.object({ selfReferral: z.boolean(), childrenPresent: z.boolean(), urgent: z.boolean().optional() });
const schema = z.toJSONSchema(payload) as FieldSchema;

describe('SchemaForm yes/no fields', () => {
  it('sends an unticked required box as no, and leaves an unticked optional one out', () => {
    const onSubmit = vi.fn();
    const { container } = render(<SchemaForm schema={schema} validator={payload} values={{}} onSubmit={onSubmit} idPrefix="t" />);
    fireEvent.click(container.querySelector('#t-childrenPresent')!);
    fireEvent.submit(screen.getByTestId('t-form'));
    expect(onSubmit).toHaveBeenCalledWith({ selfReferral: false, childrenPresent: true });
  });

  it('keeps a value it was given', () => {
    const onSubmit = vi.fn();
    render(<SchemaForm schema={schema} validator={payload} values={{ selfReferral: true }} onSubmit={onSubmit} idPrefix="t" />);
    fireEvent.submit(screen.getByTestId('t-form'));
    expect(onSubmit).toHaveBeenCalledWith({ selfReferral: true, childrenPresent: false });
  });
});
