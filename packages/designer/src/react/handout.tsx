import type { PathwayTemplateData } from '@pathways/core';
import type { DesignCheck } from '../core/check-document.js';
import type { DesignDocument } from '../core/design-document.js';
import type { DesignDiff } from '../core/diff-view.js';
import { Icon } from './icons.js';
import { labelOf, t } from './i18n.js';
import type { InterfaceLanguage } from './pathway-designer-props.js';

type Node = PathwayTemplateData['nodes'][number] & { readonly ownerRole?: string; readonly workItemType?: string; readonly due?: unknown };

/** A time limit in plain words: a duration, working days, a parameter with its value here, or the next sitting of a meeting. */
function describeDue(due: unknown, template: PathwayTemplateData | undefined): string {
  if (due === undefined) return '—';
  if (typeof due === 'string') return due;
  const value = due as { param?: string; workingDays?: number; meetingCadence?: string; relativeTo?: string; offset?: string };
  if (value.param !== undefined) return `${describeDue(template?.parameters[value.param]?.value, template)} (${value.param})`;
  if (value.workingDays !== undefined) return `${value.workingDays} working day${value.workingDays === 1 ? '' : 's'}`;
  if (value.meetingCadence !== undefined) return `by the next ${value.meetingCadence} meeting`;
  if (value.relativeTo !== undefined) return `${value.offset ?? ''} from ${value.relativeTo}`;
  return JSON.stringify(due);
}

/**
 * The printable handout for partner agencies (the print stylesheet shows only this): a title
 * block, the pathway as drawn, the six steps with their activities, owners and time limits, and
 * the legend. The browser's print to PDF makes the PDF.
 */
export function Handout({ document, check, image, language, differences }: { document: DesignDocument; check: DesignCheck; image?: string; language: InterfaceLanguage; differences?: DesignDiff }) {
  const template = check.resolved;
  const title = labelOf((document.json.title as Record<string, string> | undefined) ?? (template?.title as Record<string, string> | undefined), language, document.name);
  const locality = (document.json.locality as { name?: string; id?: string } | undefined)?.name ?? (template?.jurisdiction ?? '');
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  const types = new Map((template?.workItemTypes ?? []).map((type) => [type.id, type]));
  return (
    <section className="pw-handout" data-testid="handout" aria-label="Printable handout">
      <header className="pw-handout__title">
        <h1>{title}</h1>
        <dl>
          <dt>Pathway</dt>
          <dd>
            {String(document.json.id)} ({document.kind === 'variant' ? `variant of ${document.parent?.chain.join(' → ') ?? ''}` : 'national baseline'})
          </dd>
          <dt>Locality</dt>
          <dd>{locality}</dd>
          <dt>Version</dt>
          <dd>{String(document.json.version)}</dd>
          <dt>Effective from</dt>
          <dd>{String(document.json.effectiveFrom ?? template?.effectiveFrom ?? '')}</dd>
          <dt>Check</dt>
          <dd data-testid="handout-status">{errors === 0 ? 'passes: every national safeguard holds' : `${errors} error(s): not publishable`}</dd>
        </dl>
      </header>
      {image ? <img className="pw-handout__picture" src={image} alt={`The pathway ${title}, as drawn in the designer`} data-testid="handout-picture" /> : null}
      {(template?.stages ?? []).map((stage) => (
        <section key={stage.step} className="pw-handout__step">
          <h2>{labelOf(stage.label as Record<string, string> | undefined, language, stage.step)}</h2>
          <table>
            <thead>
              <tr>
                <th>Activity</th>
                <th>Owner</th>
                <th>Time limit</th>
                <th>Governance</th>
              </tr>
            </thead>
            <tbody>
              {(template?.nodes ?? [])
                .filter((node) => node.stage === stage.step && node.type !== 'decision')
                .map((raw) => {
                  const node = raw as Node;
                  // A plugin node opens its node type's own work (the NZ baseline's child-expertise check).
                  const type = types.get(node.workItemType ?? node.type);
                  const locked = (node as { governance?: { mode?: string } }).governance?.mode === 'locked';
                  return (
                    <tr key={node.id}>
                      <td>{labelOf(node.label as Record<string, string>, language, node.id)}</td>
                      <td>{node.ownerRole ?? type?.ownerRole ?? '—'}</td>
                      <td>{describeDue(node.due ?? type?.due, template)}</td>
                      <td>{locked ? <><Icon name="lock" /> {t('locked', language)}</> : 'tailorable or local'}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}
      {differences ? (
        <section className="pw-handout__diff" data-testid="handout-diff">
          <h2>
            What changed ({differences.from} → {differences.to})
          </h2>
          <pre>{differences.text}</pre>
        </section>
      ) : null}
      <section className="pw-handout__legend">
        <h2>Legend</h2>
        <ul>
          <li>
            <Icon name="lock" /> {t('locked', language)}: a national (or regional) safeguard; it cannot be changed or removed.
          </li>
          <li>Solid border: national; dashed: regional; dotted: local.</li>
          <li>
            <Icon name="plus" /> Adjustment point: where local steps may be added.
          </li>
          <li>
            <Icon name="bolt" /> Escalation rule (dashed red edge): where a rule sends the case.
          </li>
          <li>
            <Icon name="warning" /> Problem marker: the check found something to fix here.
          </li>
          {differences ? <li>Added (green), Changed (amber), Removed (red, dashed): against {differences.from}.</li> : null}
        </ul>
      </section>
    </section>
  );
}
