import type { RebaseOutcome } from '@pathways/core';

/**
 * The rebase report on the canvas's side: every change of the variant, applied or in conflict with
 * the reason and a suggestion (the CLI's `rebase`). A conflict is resolved by editing — for one
 * that cannot stand (a value the new baseline locks), by dropping the change.
 */
export function RebasePanel({ report, onDrop }: { report: { readonly from: string; readonly to: string; readonly outcomes: readonly RebaseOutcome[] }; onDrop: (change: number) => void }) {
  const conflicts = report.outcomes.filter((outcome) => outcome.status === 'conflict').length;
  return (
    <section className="pw-diff" aria-label="Rebase report" data-testid="rebase-panel">
      <h2>
        Rebased {report.from} → {report.to}: {conflicts} conflict{conflicts === 1 ? '' : 's'}
      </h2>
      <ul>
        {report.outcomes.map((outcome) => (
          <li key={outcome.change} className={outcome.status === 'conflict' ? 'pw-diff__removed' : 'pw-diff__added'} data-testid="rebase-outcome">
            change #{outcome.change + 1} ({outcome.op}): {outcome.status}
            {outcome.reason ? ` — ${outcome.reason}` : ''}
            {outcome.suggestion ? <div className="pw-problem__hint">{outcome.suggestion}</div> : null}
            {outcome.status === 'conflict' ? (
              <button type="button" onClick={() => onDrop(outcome.change)} data-testid={`drop-change-${outcome.change}`}>
                Drop this change
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
