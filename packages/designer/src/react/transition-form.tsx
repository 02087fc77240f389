import { useState } from 'react';
import type { PathwayTemplateData } from '@pathways/core';

type Transition = PathwayTemplateData['transitions'][number];

/**
 * The selected transition: the event it is taken on (from the pathway's and the plugins' events,
 * or none for an automatic move) and its guard (a core guard or a plugin's `<plugin>/<guard>`),
 * applied as one edit judged by the national rules.
 */
export function TransitionForm({ transition, events, onApply }: { transition: Transition; events: readonly string[]; onApply: (fields: { on?: string; guard?: { name: string; params?: Record<string, unknown> } }) => void }) {
  const [on, setOn] = useState(transition.on ?? '');
  const [guard, setGuard] = useState(transition.guard?.name ?? '');
  const [params, setParams] = useState(transition.guard?.params ? JSON.stringify(transition.guard.params) : '');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="pw-transition-form"
      data-testid="transition-form"
      onSubmit={(event) => {
        event.preventDefault();
        let parsed: Record<string, unknown> | undefined;
        if (params.trim() !== '') {
          try {
            parsed = JSON.parse(params) as Record<string, unknown>;
          } catch {
            setError('The guard params must be a JSON object, e.g. {"field": "outcome", "value": "accepted"}.');
            return;
          }
        }
        setError(undefined);
        onApply({ ...(on ? { on } : { on: undefined }), ...(guard ? { guard: { name: guard, ...(parsed ? { params: parsed } : {}) } } : { guard: undefined }) } as never);
      }}
    >
      <h3>
        Transition <code>{transition.id}</code>
      </h3>
      <p>
        {transition.from} → {transition.to}
      </p>
      <label>
        Event{' '}
        <select value={on} onChange={(e) => setOn(e.currentTarget.value)} data-testid="transition-event">
          <option value="">(automatic)</option>
          {events.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label>
        Guard <input value={guard} onChange={(e) => setGuard(e.currentTarget.value)} placeholder="payloadEquals, or plugin/guard" data-testid="transition-guard" />
      </label>
      <label>
        Guard params (JSON) <input value={params} onChange={(e) => setParams(e.currentTarget.value)} data-testid="transition-guard-params" />
      </label>
      {error ? (
        <span className="pw-field__error" role="alert">
          {error}
        </span>
      ) : null}
      <button type="submit">Apply</button>
    </form>
  );
}
