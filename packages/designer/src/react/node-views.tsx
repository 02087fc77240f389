import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { CanvasNode, CanvasSlot } from '../core/canvas-model.js';
import type { LayoutNote } from '@pathways/core';
import { Icon } from './icons.js';
import { labelOf, t } from './i18n.js';
import type { InterfaceLanguage } from './pathway-designer-props.js';

export type PathwayNodeData = { readonly node: CanvasNode; readonly language: InterfaceLanguage; readonly markers: boolean };
export type SlotNodeData = { readonly slot: CanvasSlot; readonly language: InterfaceLanguage; readonly armed: boolean; readonly onAdd: (point: string) => void };
export type LaneNodeData = { readonly label: string; readonly height: number };
export type NoteNodeData = { readonly note: LayoutNote; readonly onChange: (note: LayoutNote) => void };
export type EscalationNodeData = { readonly rule: string };

const provenanceWord = { national: 'national', regional: 'regional', local: 'local' } as const;

/** An activity: its label, a lock badge with text (colour is never the only signal), provenance, problem markers. */
export function PathwayNodeView({ data, selected }: NodeProps<Node<PathwayNodeData, 'pathway'>>) {
  const { node, language, markers } = data;
  const label = labelOf(node.label, language, node.id);
  const classes = ['pw-node', `pw-node--${node.provenance}`, node.governance === 'locked' ? 'pw-node--locked' : '', node.inWitness ? 'pw-node--witness' : '', node.active ? 'pw-node--active' : '', node.change ? `pw-node--${node.change}` : '', selected ? 'pw-node--selected' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`node-${node.id}`} data-node-id={node.id} title={node.governanceReason ?? label}>
      <Handle type="target" position={Position.Left} />
      <div className="pw-node__label">{label}</div>
      <div className="pw-node__badges">
        {node.governance === 'locked' ? (
          <span className="pw-badge pw-badge--lock" data-testid="lock-badge" aria-label={`${t('locked', language)}: ${node.governanceReason ?? ''}`}>
            <Icon name="lock" /> {t('locked', language)}
          </span>
        ) : null}
        <span className={`pw-badge pw-badge--${node.provenance}`}>{t(provenanceWord[node.provenance], language)}</span>
        {node.change ? (
          <span className={`pw-badge pw-badge--${node.change}`} data-testid="change-marker">
            {node.change === 'added' ? 'Added' : node.change === 'changed' ? 'Changed' : 'Removed'}
          </span>
        ) : null}
        {node.active ? (
          <span className="pw-badge pw-badge--active" data-testid="active-marker">
            <Icon name="bolt" /> Case here
          </span>
        ) : null}
        {markers && node.problems > 0 ? (
          <span className="pw-badge pw-badge--problem" data-testid="problem-marker" aria-label={`${node.problems} problem(s)`}>
            <Icon name="warning" /> {node.problems}
          </span>
        ) : null}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** An adjustment point: the only place a local step can be added (drop a palette item, or press Add here). */
export function SlotNodeView({ data }: NodeProps<Node<SlotNodeData, 'slot'>>) {
  const { slot, language, armed, onAdd } = data;
  return (
    <div className={`pw-slot${armed ? ' pw-slot--armed' : ''}`} data-testid={`slot-${slot.id}`} data-slot-id={slot.id}>
      <Icon name="plus" /> {labelOf(slot.label, language, slot.id)}
      {slot.kind === 'fragment' ? (
        <button type="button" className="pw-slot__add nodrag" disabled={!armed} onClick={() => onAdd(slot.id)} aria-label={`${t('addHere', language)}: ${labelOf(slot.label, language, slot.id)}`}>
          {t('addHere', language)}
        </button>
      ) : null}
    </div>
  );
}

export function LaneNodeView({ data }: NodeProps<Node<LaneNodeData, 'lane'>>) {
  return (
    <div className="pw-lane" style={{ height: data.height }}>
      <div className="pw-lane__title">{data.label}</div>
    </div>
  );
}

/** A sticky note, readable on the canvas without opening anything. */
export function NoteNodeView({ data }: NodeProps<Node<NoteNodeData, 'note'>>) {
  const { note, onChange } = data;
  return (
    <div className="pw-note" data-testid={`note-${note.id}`}>
      <textarea
        className="nodrag"
        aria-label="Note"
        defaultValue={note.text}
        onBlur={(event) => {
          if (event.currentTarget.value !== note.text) onChange({ ...note, text: event.currentTarget.value });
        }}
      />
    </div>
  );
}

/** The rule an escalation edge comes from. */
export function EscalationNodeView({ data }: NodeProps<Node<EscalationNodeData, 'escalation'>>) {
  return (
    <div className="pw-escalation" title={`Escalation rule ${data.rule}`}>
      <Icon name="bolt" /> {data.rule}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

export const nodeTypes = { pathway: PathwayNodeView, slot: SlotNodeView, lane: LaneNodeView, note: NoteNodeView, escalation: EscalationNodeView };
