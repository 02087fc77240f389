import type { DesignCheck, DesignProblem } from '../core/check-document.js';
import { t } from './i18n.js';
import { Icon } from './icons.js';
import type { InterfaceLanguage } from './pathway-designer-props.js';

/**
 * Every problem of the check (the same function as the CLI), errors apart from warnings. A click
 * focuses the element; a broken invariant's witness path is highlighted on the canvas.
 */
export function ProblemsPanel({ check, language, markers, onMarkers, onFocus }: { check: DesignCheck; language: InterfaceLanguage; markers: boolean; onMarkers: (on: boolean) => void; onFocus: (problem: DesignProblem) => void }) {
  const errors = check.problems.filter((p) => p.severity === 'error');
  const warnings = check.problems.filter((p) => p.severity === 'warning');
  const row = (problem: DesignProblem, index: number) => (
    <li key={`${problem.code}-${index}`} className={`pw-problem pw-problem--${problem.severity}`} data-testid="problem">
      <button type="button" onClick={() => onFocus(problem)} disabled={!problem.element && !problem.witness}>
        <Icon name={problem.severity === 'error' ? 'error' : 'warning'} /> <strong>{problem.code}</strong>
        {problem.change !== null ? ` (change #${problem.change + 1})` : ''}: {problem.message}
      </button>
      <div className="pw-problem__hint">{problem.hint}</div>
    </li>
  );
  return (
    <section className="pw-problems" aria-label={t('problems', language)} data-testid="problems-panel">
      <header>
        <h2>
          {t('problems', language)}: {errors.length} error{errors.length === 1 ? '' : 's'}, {warnings.length} warning{warnings.length === 1 ? '' : 's'}
        </h2>
        <span className={check.publishable ? 'pw-status pw-status--ok' : 'pw-status pw-status--draft'} data-testid="publish-status">
          <Icon name={check.publishable ? 'ok' : 'warning'} /> {check.publishable ? t('publishable', language) : t('notPublishable', language)}
        </span>
        {check.publish ? (
          <span className="pw-status" data-testid="publish-rules">
            Publish rules: this change needs a {check.publish.requiredBump} version{check.publish.breaking.length > 0 ? ` (${check.publish.breaking.length} breaking for variants)` : ''}.
          </span>
        ) : null}
        <label>
          <input type="checkbox" checked={markers} onChange={(event) => onMarkers(event.currentTarget.checked)} /> {t('markers', language)}
        </label>
      </header>
      {check.problems.length === 0 ? (
        <p data-testid="no-problems">
          <Icon name="ok" /> {t('noProblems', language)}
        </p>
      ) : null}
      {errors.length > 0 ? <ul aria-label="Errors">{errors.map(row)}</ul> : null}
      {warnings.length > 0 ? <ul aria-label="Warnings">{warnings.map(row)}</ul> : null}
    </section>
  );
}
