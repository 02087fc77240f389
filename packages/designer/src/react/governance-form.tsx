import { useState } from 'react';
import { localEffects, type Governance, type LocalEffect } from '@pathways/core';

type Mode = Governance['mode'];

const modeText: Readonly<Record<Mode, string>> = {
  free: 'free — a variant may change or remove it',
  tailorable: 'tailorable — only the fields below, within their bounds',
  locked: 'locked — a national safeguard no variant may change',
};

/** The bounds as the national team types them: JSON, e.g. `{ "due": { "max": "P2D" } }`. */
const boundsText = (governance: Governance | undefined) => (governance?.mode === 'tailorable' ? JSON.stringify(governance.bounds, null, 1) : '{}');

/**
 * Who may change an element in a variant (baseline mode): the mode, the reason a regional hub reads
 * when a change is refused, the bounds of each tailorable field, and the effects a variant's own
 * elements may have on it. The form only shapes the value: the template's governance schema and
 * the publish rules judge it when it is applied.
 */
export function GovernanceForm({ idPrefix, governance, example, onApply }: { idPrefix: string; governance: Governance | undefined; example: string; onApply: (governance: Governance | undefined) => void }) {
  const [mode, setMode] = useState<Mode>(governance?.mode ?? 'free');
  const [reason, setReason] = useState(governance && governance.mode !== 'free' ? (governance.reason ?? '') : '');
  const [bounds, setBounds] = useState(boundsText(governance));
  const [effects, setEffects] = useState<ReadonlySet<LocalEffect>>(new Set(governance?.localEffects ?? []));
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="pw-governance-form"
      data-testid={`${idPrefix}-governance`}
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = localEffects.filter((effect) => effects.has(effect));
        const shared = chosen.length > 0 ? { localEffects: chosen } : {};
        const why = reason.trim() === '' ? {} : { reason: reason.trim() };
        if (mode === 'free') {
          setError(undefined);
          onApply(chosen.length > 0 ? { mode, ...shared } : undefined);
          return;
        }
        if (mode === 'locked') {
          setError(undefined);
          onApply({ mode, ...why, ...shared });
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(bounds);
        } catch {
          setError(`The bounds are not JSON: give each tailorable field with its bounds, e.g. ${example}.`);
          return;
        }
        setError(undefined);
        onApply({ mode, bounds: parsed as Extract<Governance, { mode: 'tailorable' }>['bounds'], ...why, ...shared });
      }}
    >
      <fieldset>
        <legend>Governance in variants</legend>
        <label>
          Mode{' '}
          <select value={mode} onChange={(event) => setMode(event.currentTarget.value as Mode)} data-testid={`${idPrefix}-governance-mode`}>
            {(Object.keys(modeText) as Mode[]).map((value) => (
              <option key={value} value={value}>
                {modeText[value]}
              </option>
            ))}
          </select>
        </label>
        {mode !== 'free' ? (
          <label>
            Reason (shown to a regional hub when a change is refused){' '}
            <input value={reason} onChange={(event) => setReason(event.currentTarget.value)} data-testid={`${idPrefix}-governance-reason`} />
          </label>
        ) : null}
        {mode === 'tailorable' ? (
          <label>
            Bounds of each tailorable field (JSON, e.g. <code>{example}</code>){' '}
            <textarea value={bounds} onChange={(event) => setBounds(event.currentTarget.value)} rows={3} aria-invalid={error !== undefined} data-testid={`${idPrefix}-governance-bounds`} />
          </label>
        ) : null}
        <p>What a variant's own elements may do to it:</p>
        {localEffects.map((effect) => (
          <label key={effect}>
            <input
              type="checkbox"
              checked={effects.has(effect)}
              onChange={(event) => {
                const next = new Set(effects);
                if (event.currentTarget.checked) next.add(effect);
                else next.delete(effect);
                setEffects(next);
              }}
            />{' '}
            {effect}
          </label>
        ))}
        {error ? (
          <p className="pw-field__error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" data-testid={`${idPrefix}-governance-apply`}>
          Apply governance
        </button>
      </fieldset>
    </form>
  );
}
