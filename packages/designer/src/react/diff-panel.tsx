import type { DesignDiff } from '../core/diff-view.js';

/**
 * What changed against what the document builds on, listed as `pathways diff` lists it (added,
 * removed, changed with each field); a click focuses the element on the canvas, where it is marked.
 */
export function DiffPanel({ differences, onFocus }: { differences: DesignDiff; onFocus: (id: string) => void }) {
  return (
    <section className="pw-diff" aria-label="Differences" data-testid="diff-panel">
      <h2>
        What changed: {differences.from} → {differences.to} ({differences.entries.length} difference{differences.entries.length === 1 ? '' : 's'})
      </h2>
      <ul>
        {differences.entries.map((entry) => (
          <li key={`${entry.collection}:${entry.id}`} className={`pw-diff__${entry.kind}`} data-testid="diff-entry">
            <button type="button" onClick={() => onFocus(entry.kind === 'removed' ? `removed:${entry.id}` : entry.id)} disabled={entry.collection !== 'nodes'}>
              {entry.kind === 'added' ? '+ added' : entry.kind === 'removed' ? '− removed' : '~ changed'} {entry.collection} <code>{entry.id}</code>
              {entry.fields ? `: ${entry.fields.map((field) => field.field).join(', ')}` : ''}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
