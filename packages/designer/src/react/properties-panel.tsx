import { useState } from 'react';
import type { Governance, LoadedPlugin, PathwayTemplateData } from '@pathways/core';
import { GovernanceForm } from './governance-form.js';
import { NodeForm } from './node-form.js';
import { TransitionForm } from './transition-form.js';
import type { CanvasNode } from '../core/canvas-model.js';
import { Icon } from './icons.js';
import { labelOf, t } from './i18n.js';
import type { InterfaceLanguage } from './pathway-designer-props.js';

type Parameter = PathwayTemplateData['parameters'][string];

function boundsText(parameter: Parameter): string {
  const governance = parameter.governance;
  if (governance?.mode === 'locked') return `locked${governance.reason ? `: ${governance.reason}` : ''}`;
  const bounds = (governance as { bounds?: { value?: Record<string, unknown> } } | undefined)?.bounds?.value;
  if (!bounds) return governance?.mode === 'tailorable' ? 'tailorable' : 'free';
  return Object.entries(bounds)
    .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

/** A parameter's value as typed: durations and names as they are, structured values (e.g. `{ "workingDays": 10 }`) as JSON. */
const shown = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** What was typed, read as the kind of value the parameter holds; the check refuses what does not fit, with its message. */
function valueFrom(raw: string, current: unknown): unknown {
  if (typeof current === 'number') return raw.trim() === '' ? raw : Number(raw);
  if (typeof current === 'object' && current !== null) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

/** The selected activity (governance, provenance, connect, delete) and the pathway's parameters with their bounds. */
export function PropertiesPanel(props: {
  readonly node?: CanvasNode;
  readonly nodes: readonly CanvasNode[];
  readonly parameters: PathwayTemplateData['parameters'];
  readonly language: InterfaceLanguage;
  readonly onDelete: (id: string) => void;
  readonly onConnect: (from: string, to: string) => void;
  readonly onParameter: (name: string, value: unknown) => void;
  /** The resolved pathway and the installed plugins, for the node's form. */
  readonly template?: PathwayTemplateData;
  readonly plugins?: readonly LoadedPlugin[];
  readonly onFields?: (id: string, fields: Record<string, unknown>) => void;
  readonly onLabel?: (id: string, label: Record<string, string>) => void;
  /** The selected transition, and how to change it. */
  readonly transition?: string;
  readonly events?: readonly string[];
  readonly onTransition?: (id: string, fields: Record<string, unknown>) => void;
  /** Baseline mode: sets who may change an activity or a parameter in a variant. */
  readonly onGovernance?: (collection: 'nodes' | 'parameters', id: string, governance: Governance | undefined) => void;
}) {
  const { node, nodes, parameters, language } = props;
  const [target, setTarget] = useState('');
  return (
    <aside className="pw-properties" aria-label={t('properties', language)} data-testid="properties-panel">
      <h2>{t('properties', language)}</h2>
      {node ? (
        <section data-testid="selected-node">
          <h3>{labelOf(node.label, language, node.id)}</h3>
          <dl>
            <dt>Id</dt>
            <dd>{node.id}</dd>
            <dt>Type</dt>
            <dd>{node.type}</dd>
            <dt>Practice step</dt>
            <dd>{node.stage}</dd>
            <dt>Provenance</dt>
            <dd>{t(node.provenance, language)}</dd>
            <dt>Governance</dt>
            <dd>
              {node.governance === 'locked' ? <Icon name="lock" /> : null} 
              {node.governance}
              {node.governanceReason ? `: ${node.governanceReason}` : ''}
            </dd>
          </dl>
          {props.template && props.onFields && props.onLabel ? (
            <NodeForm
              node={props.template.nodes.find((n) => n.id === node.id)!}
              template={props.template}
              plugins={props.plugins ?? []}
              onFields={(fields) => props.onFields!(node.id, fields)}
              onLabel={(label) => props.onLabel!(node.id, label)}
            />
          ) : null}
          {props.onGovernance && props.template ? (
            <GovernanceForm
              key={`${node.id}:${JSON.stringify(props.template.nodes.find((n) => n.id === node.id)?.governance ?? null)}`}
              idPrefix="node"
              governance={props.template.nodes.find((n) => n.id === node.id)?.governance}
              example={'{ "due": { "max": "P2D" } }'}
              onApply={(governance) => props.onGovernance!('nodes', node.id, governance)}
            />
          ) : null}
          <button type="button" onClick={() => props.onDelete(node.id)} data-testid="delete-node">
            {t('delete', language)}
          </button>
          <form
            className="pw-connect"
            onSubmit={(event) => {
              event.preventDefault();
              if (target) props.onConnect(node.id, target);
            }}
          >
            <label>
              {t('connect', language)} →{' '}
              <select value={target} onChange={(event) => setTarget(event.currentTarget.value)} data-testid="connect-target">
                <option value="">…</option>
                {nodes
                  .filter((other) => other.id !== node.id)
                  .map((other) => (
                    <option key={other.id} value={other.id}>
                      {labelOf(other.label, language, other.id)} ({other.id})
                    </option>
                  ))}
              </select>
            </label>
            <button type="submit" data-testid="connect-button">
              {t('connect', language)}
            </button>
          </form>
        </section>
      ) : props.transition && props.template?.transitions.some((t) => t.id === props.transition) && props.onTransition ? (
        <TransitionForm key={props.transition} transition={props.template.transitions.find((t) => t.id === props.transition)!} events={props.events ?? []} onApply={(fields) => props.onTransition!(props.transition!, fields)} />
      ) : (
        <p>Select an activity to see its governance and connect it, or a transition to set its event and guard.</p>
      )}
      <section>
        <h3>{t('parameters', language)}</h3>
        <ul className="pw-parameters">
          {Object.entries(parameters).map(([name, parameter]) => (
            <li key={name} data-testid={`parameter-${name}`}>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  const raw = String(new FormData(event.currentTarget).get('value') ?? '');
                  props.onParameter(name, valueFrom(raw, parameter.value));
                }}
              >
                <label>
                  <code>{name}</code> <input name="value" defaultValue={shown(parameter.value)} key={shown(parameter.value)} aria-describedby={`bounds-${name}`} disabled={parameter.governance?.mode === 'locked'} />
                </label>
                <button type="submit" disabled={parameter.governance?.mode === 'locked'}>
                  Set
                </button>
                <small id={`bounds-${name}`}>{boundsText(parameter)}</small>
              </form>
              {props.onGovernance ? (
                <details>
                  <summary>Governance</summary>
                  <GovernanceForm key={JSON.stringify(parameter.governance ?? null)} idPrefix={`parameter-${name}`} governance={parameter.governance} example={'{ "value": { "max": "PT24H" } }'} onApply={(governance) => props.onGovernance!('parameters', name, governance)} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
