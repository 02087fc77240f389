import { checkVariant, rebase, type PathwayVariantInput } from '@pathways/core';
import { describe, expect, it } from 'vitest';
import { communityIntake, governanceProblems, hubTemplate, hubVariant, ownerChoice, whanauHui, type HubJson } from './variant-rebase-fixtures.js';

// When a new national version locks an element, tightens its bounds or moves an adjustment point,
// every regional change that touches it is reported by `rebase` as a conflict, whatever its kind
// (relabels included) — the same changes `pathways check` would refuse against the new version,
// found with the same rules, plus the upstream moves the check cannot see.

type Changes = PathwayVariantInput['changes'];

interface Case {
  readonly name: string;
  readonly changes: Changes;
  /** What the national team changed in 2.0.0. */
  readonly upstream: (json: HubJson) => void;
  /** The change that conflicts, what its reason must mention, and optionally its suggestion; every other change applies. */
  readonly conflict: { readonly change: number; readonly mentions: readonly string[]; readonly suggestion?: string } | null;
  /** Whether checking the rebased variant against 2.0.0 refuses that change on governance grounds (false: rebase sees an upstream move the check cannot). */
  readonly refusedByCheck: boolean;
  /** False for the few changes no clean variant makes (kept to show rebase still names them). */
  readonly cleanAgainstFrom?: boolean;
}

const node = (json: HubJson, id: string) => json.nodes.find((n) => n.id === id)!;
const transition = (json: HubJson, id: string) => json.transitions.find((t) => t.id === id)!;
const role = (json: HubJson, id: string) => json.roles.find((r) => r.id === id)!;
const point = (json: HubJson, id: string) => json.adjustmentPoints.find((p) => p.id === id)!;
const lock = (element: Record<string, unknown>, reason?: string) => {
  element.governance = { mode: 'locked', ...(reason ? { reason } : {}) };
};

const cases: readonly Case[] = [
  // relabel: a lock fixes the English name only (of the element, and of a locked node's outgoing transitions).
  {
    name: 'relabel setting the English name of a node the new version locks',
    changes: [{ op: 'relabel', collection: 'nodes', id: 'triage', label: { en: 'Daily triage', mi: 'Aromatawai ia rā' } }],
    upstream: (json) => lock(node(json, 'triage'), 'Triage is the same everywhere.'),
    conflict: { change: 0, mentions: ['In 2.0.0', '"triage" is locked', 'Triage is the same everywhere', 'English name'], suggestion: 'Keep the other languages and take "en" out of this relabel: the English name of a locked element stays.' },
    refusedByCheck: true,
  },
  {
    name: 'relabel adding only te reo Māori to a node the new version locks',
    changes: [{ op: 'relabel', collection: 'nodes', id: 'triage', label: { mi: 'Aromatawai' } }],
    upstream: (json) => lock(node(json, 'triage')),
    conflict: null,
    refusedByCheck: false,
  },
  {
    name: 'relabel setting the English name of a transition whose source node the new version locks',
    changes: [{ op: 'relabel', collection: 'transitions', id: 'triaged-high', label: { en: 'High risk found' } }],
    upstream: (json) => lock(node(json, 'triage'), 'Triage is the same everywhere.'),
    conflict: { change: 0, mentions: ['"triaged-high"', 'leaves the locked node "triage"', 'a lock covers a node\'s outgoing transitions'], suggestion: 'Remove this change: the English name of a locked element stays; add labels in other languages instead.' },
    refusedByCheck: true,
    // Transitions carry no label today, so the resolved pathway is refused anyway; the lock is still named.
    cleanAgainstFrom: false,
  },
  {
    name: 'relabel setting the English name of a role the new version locks',
    changes: [{ op: 'relabel', collection: 'roles', id: 'coordinator', label: { en: 'Regional coordinator' } }],
    upstream: (json) => lock(role(json, 'coordinator')),
    conflict: { change: 0, mentions: ['"coordinator" is locked', 'English name'] },
    refusedByCheck: true,
  },
  // setField: locks, fields no longer tailorable, values outside the new bounds, flow no longer open.
  {
    name: 'setField on a node the new version locks (the national reason is given)',
    changes: [{ op: 'setField', collection: 'nodes', id: 'first-contact', field: 'ownerRole', value: 'coordinator' }],
    upstream: (json) => lock(node(json, 'first-contact'), 'Advocates make first contact'),
    conflict: { change: 0, mentions: ['2.0.0 locks nodes "first-contact" (Advocates make first contact)'], suggestion: 'Remove this change: the level above now fixes this element.' },
    refusedByCheck: true,
  },
  {
    name: 'setField on a transition whose source node the new version locks',
    changes: [{ op: 'setField', collection: 'transitions', id: 'plan-approved', field: 'actions', value: [] }],
    upstream: (json) => lock(node(json, 'safety-plan'), 'The plan is approved the national way.'),
    conflict: { change: 0, mentions: ['"plan-approved" leaves the locked node "safety-plan"', 'The plan is approved the national way', 'cannot be changed'] },
    refusedByCheck: true,
  },
  {
    name: 'setField of a value the new bounds no longer allow (allowed values)',
    changes: [{ op: 'setField', collection: 'nodes', id: 'first-contact', field: 'ownerRole', value: 'coordinator' }],
    upstream: (json) => {
      node(json, 'first-contact').governance = { mode: 'tailorable', bounds: { ownerRole: { values: ['victim-advocate'] } } };
    },
    conflict: { change: 0, mentions: ['"ownerRole" of "first-contact" cannot be "coordinator"', 'allowed values are "victim-advocate"'], suggestion: 'Set "ownerRole" of "first-contact" to "victim-advocate" or another value within the new bounds, or remove this change.' },
    refusedByCheck: true,
  },
  {
    name: 'setField of a duration above the new, tighter maximum',
    changes: [{ op: 'setField', collection: 'nodes', id: 'safety-plan', field: 'due', value: 'P10D' }],
    upstream: (json) => {
      node(json, 'safety-plan').governance = { mode: 'tailorable', bounds: { due: { max: 'P7D' }, ownerRole: { values: ownerChoice } } };
    },
    conflict: { change: 0, mentions: ['"due" of "safety-plan" cannot be "P10D"', 'above the maximum'], suggestion: 'Set "due" of "safety-plan" to "P7D" or another value within the new bounds, or remove this change.' },
    refusedByCheck: true,
  },
  {
    name: 'setField of a field the new version no longer lists as tailorable',
    changes: [{ op: 'setField', collection: 'nodes', id: 'safety-plan', field: 'due', value: 'P10D' }],
    upstream: (json) => {
      node(json, 'safety-plan').governance = { mode: 'tailorable', bounds: { ownerRole: { values: ownerChoice } } };
    },
    conflict: { change: 0, mentions: ['"due" of "safety-plan" is not tailorable (tailorable: ownerRole)'] },
    refusedByCheck: true,
  },
  {
    name: 'setField of a transition the new version no longer declares free',
    changes: [{ op: 'setField', collection: 'transitions', id: 'plan-approved', field: 'actions', value: [] }],
    upstream: (json) => {
      delete transition(json, 'plan-approved').governance;
    },
    conflict: { change: 0, mentions: ['"plan-approved"', 'is not open to variants'] },
    refusedByCheck: true,
  },
  // replace, remove: allowed on free elements only.
  {
    name: 'replace of a role the new version makes tailorable',
    changes: [{ op: 'replace', collection: 'roles', id: 'coordinator', element: { id: 'coordinator', label: { en: 'Regional coordinator' } } }],
    upstream: (json) => {
      role(json, 'coordinator').governance = { mode: 'tailorable', bounds: { label: {} } };
    },
    conflict: { change: 0, mentions: ['"coordinator" is tailorable only in label', 'cannot be replaced'] },
    refusedByCheck: true,
  },
  {
    name: 'remove of an agency the new version makes tailorable',
    changes: [{ op: 'remove', collection: 'agencies', id: 'womens-refuge' }],
    upstream: (json) => {
      (json.agencies as Record<string, unknown>[]).find((a) => a.id === 'womens-refuge')!.governance = { mode: 'tailorable', bounds: { label: {} } };
    },
    conflict: { change: 0, mentions: ['"womens-refuge" is tailorable only in label', 'cannot be removed'] },
    refusedByCheck: true,
  },
  {
    name: 'remove of an agency the new version locks',
    changes: [{ op: 'remove', collection: 'agencies', id: 'womens-refuge' }],
    upstream: (json) => lock((json.agencies as Record<string, unknown>[]).find((a) => a.id === 'womens-refuge')!, 'A national partner'),
    conflict: { change: 0, mentions: ['2.0.0 locks agencies "womens-refuge" (A national partner)'] },
    refusedByCheck: true,
  },
  // setGovernance, setParameterGovernance: a level may lock more, never less than the new version.
  {
    name: 'setGovernance that is looser than the new version’s tighter bounds',
    changes: [{ op: 'setGovernance', collection: 'nodes', id: 'safety-plan', governance: { mode: 'tailorable', bounds: { due: { max: 'P10D' }, ownerRole: { values: ownerChoice } } } }],
    upstream: (json) => {
      node(json, 'safety-plan').governance = { mode: 'tailorable', bounds: { due: { max: 'P7D' }, ownerRole: { values: ownerChoice } } };
    },
    conflict: { change: 0, mentions: ['"safety-plan"', 'the bounds of "due" may only get tighter'], suggestion: "A level may lock more, never less: make this governance at least as strict as the new version's (see pathways diff), or remove this change." },
    refusedByCheck: true,
  },
  {
    name: 'setGovernance keeping free what the new version makes tailorable',
    changes: [{ op: 'setGovernance', collection: 'roles', id: 'coordinator', governance: { mode: 'free' } }],
    upstream: (json) => {
      role(json, 'coordinator').governance = { mode: 'tailorable', bounds: { label: {} } };
    },
    conflict: { change: 0, mentions: ['"coordinator"', 'it is tailorable at the level above and cannot become free'] },
    refusedByCheck: true,
  },
  {
    name: 'setGovernance locking what the new version now locks itself (redundant, not refused)',
    changes: [{ op: 'setGovernance', collection: 'nodes', id: 'safety-plan', governance: { mode: 'locked', reason: 'Regional plans are approved alike.' } }],
    upstream: (json) => lock(node(json, 'safety-plan')),
    conflict: { change: 0, mentions: ['2.0.0 locks nodes "safety-plan"'] },
    refusedByCheck: false,
  },
  {
    name: 'setParameterGovernance with bounds looser than the new version’s',
    changes: [
      { op: 'setParameter', name: 'firstContactHigh', value: 'PT12H' },
      { op: 'setParameterGovernance', name: 'firstContactHigh', governance: { mode: 'tailorable', bounds: { value: { max: 'PT20H' } } } },
    ],
    upstream: (json) => {
      json.parameters.firstContactHigh!.value = 'PT12H';
      json.parameters.firstContactHigh!.governance = { mode: 'tailorable', bounds: { value: { max: 'PT12H' } } };
    },
    conflict: { change: 1, mentions: ['the parameter "firstContactHigh"', 'the bounds of "value" may only get tighter'] },
    refusedByCheck: true,
  },
  {
    name: 'setParameterGovernance whose bounds exclude the new national value',
    changes: [{ op: 'setParameterGovernance', name: 'triageDue', governance: { mode: 'tailorable', bounds: { value: { max: 'P2D' } } } }],
    upstream: (json) => {
      json.parameters.triageDue!.value = 'P3D';
    },
    conflict: { change: 0, mentions: ['"triageDue" exclude its value "P3D"'] },
    refusedByCheck: true,
  },
  {
    name: 'setParameter of a value the new version no longer lets variants set',
    changes: [{ op: 'setParameter', name: 'triageDue', value: 'PT8H' }],
    upstream: (json) => {
      json.parameters.triageDue!.governance = { mode: 'tailorable', bounds: {} };
    },
    conflict: { change: 0, mentions: ['the value of "triageDue" is not tailorable'] },
    refusedByCheck: true,
  },
  // add: never a transition out of a locked node (no clean variant adds transitions at all, but rebase still names it).
  {
    name: 'add of a transition out of a node the new version locks',
    changes: [{ op: 'add', collection: 'transitions', element: { id: 'rgn/fast-close', from: 'triage', to: 'closed', on: 'triage.completed' } }],
    upstream: (json) => lock(node(json, 'triage'), 'Triage is the same everywhere.'),
    conflict: { change: 0, mentions: ['"triage" is locked', 'a lock covers its outgoing transitions'] },
    refusedByCheck: true,
    cleanAgainstFrom: false,
  },
  // addFragment, addIntakeSource: at the adjustment point as the new version has it.
  {
    name: 'addFragment at a point the new version withdrew',
    changes: [whanauHui('local-support')],
    upstream: (json) => {
      json.adjustmentPoints = json.adjustmentPoints.filter((p) => p.id !== 'local-support');
    },
    conflict: { change: 0, mentions: ['2.0.0 no longer has the adjustment point "local-support"'], suggestion: 'Move the local content to another adjustment point of the new version.' },
    refusedByCheck: false,
  },
  {
    name: 'addFragment at a point the new version moved onto a transition leaving a locked node',
    changes: [whanauHui('local-support')],
    upstream: (json) => {
      point(json, 'local-support').transition = 'plan-approved';
      lock(node(json, 'safety-plan'), 'The plan is approved the national way.');
    },
    conflict: { change: 0, mentions: ['2.0.0 moved the adjustment point "local-support"', 'from the transition "lead-assigned" to "plan-approved"', 'leaves the locked node "safety-plan"'] },
    refusedByCheck: false,
  },
  {
    name: 'addFragment at a point whose stage the new version changed',
    changes: [whanauHui('local-support')],
    upstream: (json) => {
      point(json, 'local-support').stage = 'allocation';
    },
    conflict: { change: 0, mentions: ['"rgn/whanau-hui" is in integratedResponse', 'the adjustment point "local-support" is in allocation'], suggestion: "Put the fragment's nodes in the adjustment point's stage in the new version, or move the local content to another adjustment point." },
    refusedByCheck: true,
  },
  {
    name: 'addFragment at a point the new version turned into an entry-point slot',
    changes: [whanauHui('local-support')],
    upstream: (json) => {
      json.adjustmentPoints = json.adjustmentPoints.map((p) => (p.id === 'local-support' ? { kind: 'entryPoint', id: 'local-support', label: { en: 'Local intake' }, target: 'triage' } : p));
    },
    conflict: { change: 0, mentions: ['"local-support" is an entry-point slot, not a fragment point'] },
    refusedByCheck: false,
  },
  {
    name: 'addIntakeSource at a slot the new version withdrew',
    changes: [communityIntake()],
    upstream: (json) => {
      json.adjustmentPoints = json.adjustmentPoints.filter((p) => p.id !== 'intake-slot');
    },
    conflict: { change: 0, mentions: ['2.0.0 no longer has the adjustment point "intake-slot"'] },
    refusedByCheck: false,
  },
  {
    name: 'addIntakeSource at a slot the new version leads elsewhere',
    changes: [communityIntake()],
    upstream: (json) => {
      point(json, 'intake-slot').target = 'first-contact';
    },
    conflict: { change: 0, mentions: ['2.0.0 moved the entry-point slot "intake-slot" from "triage" to "first-contact"'] },
    refusedByCheck: false,
  },
  // addAdjustmentPoint: never on a locked transition or one leaving a locked node.
  {
    name: 'addAdjustmentPoint on a transition the new version locks',
    changes: [{ op: 'addAdjustmentPoint', point: { kind: 'fragment', id: 'rgn/after-contact', label: { en: 'After first contact' }, stage: 'allocation', transition: 'contact-made' } }],
    upstream: (json) => lock(transition(json, 'contact-made'), 'First contact is recorded nationally.'),
    conflict: { change: 0, mentions: ['"contact-made" is locked', 'no adjustment point can be placed on it'], suggestion: 'Place the adjustment point on a transition between unlocked nodes of the new version, or remove this change.' },
    refusedByCheck: true,
  },
  {
    name: 'addAdjustmentPoint on a transition leaving a node the new version locks',
    changes: [{ op: 'addAdjustmentPoint', point: { kind: 'fragment', id: 'rgn/after-contact', label: { en: 'After first contact' }, stage: 'allocation', transition: 'contact-made' } }],
    upstream: (json) => lock(node(json, 'first-contact')),
    conflict: { change: 0, mentions: ['"contact-made" leaves the locked node "first-contact"'] },
    refusedByCheck: true,
  },
  {
    name: 'addAdjustmentPoint of an entry-point slot where the new version has none',
    changes: [{ op: 'addAdjustmentPoint', point: { kind: 'entryPoint', id: 'rgn/hub-intake', label: { en: 'Hub intake' }, target: 'triage' } }],
    upstream: (json) => {
      json.adjustmentPoints = json.adjustmentPoints.filter((p) => p.id !== 'intake-slot');
    },
    conflict: { change: 0, mentions: ['In 2.0.0, an entry-point slot may only lead where an existing one does (none), not into "triage"'] },
    refusedByCheck: true,
  },
];

describe('rebase reports every change the new version locks or bounds out, whatever its kind', () => {
  const from = hubTemplate();

  it.each(cases)('$name', ({ changes, upstream, conflict, refusedByCheck, cleanAgainstFrom = true }) => {
    const variant = hubVariant(changes);
    // The starting point: the variant is valid against the version it extends.
    if (cleanAgainstFrom) expect(checkVariant(from, variant).problems).toEqual([]);
    const to = hubTemplate('2.0.0', upstream);
    const result = rebase(variant, from, to);
    const expected = variant.changes.map((_, index) => (conflict && index === conflict.change ? 'conflict' : 'applied'));
    expect(result.outcomes.map((o) => o.status)).toEqual(expected);
    expect(result.conflicts).toBe(conflict ? 1 : 0);
    expect(result.variant.changes).toEqual(variant.changes);
    if (conflict) {
      const outcome = result.outcomes[conflict.change]!;
      for (const words of conflict.mentions) expect(outcome.reason).toContain(words);
      expect(outcome.suggestion).toBeTruthy();
      if (conflict.suggestion !== undefined) expect(outcome.suggestion).toBe(conflict.suggestion);
    }
    // The check agrees: it refuses exactly the change rebase names on governance grounds (or none).
    const refused = governanceProblems(checkVariant(to, result.variant)).map(([, change]) => change);
    expect([...new Set(refused)]).toEqual(refusedByCheck && conflict ? [conflict.change] : []);
  });

  it('applies every change when the new version changes none of their governance', () => {
    const variant = hubVariant(cases.filter((c) => c.cleanAgainstFrom !== false && c.changes.length === 1).map((c) => c.changes[0]!).filter((c, i, all) => all.findIndex((o) => JSON.stringify(o) === JSON.stringify(c)) === i && c.op !== 'remove'));
    const to = hubTemplate('1.1.0', (json) => {
      json.title = { en: 'Tiny pathway (walking skeleton)', mi: 'Ara iti ā-motu' };
    });
    const result = rebase(variant, from, to);
    expect(result.outcomes.filter((o) => o.status === 'conflict')).toEqual([]);
    expect(governanceProblems(checkVariant(to, result.variant))).toEqual([]);
  });
});
