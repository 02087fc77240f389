import { describe, expect, it } from 'vitest';
import {
  addNode,
  canvasModel,
  checkDocument,
  connect,
  DesignHistory,
  documentToText,
  moveNodes,
  openDocument,
  putNote,
  removeElement,
  setParameter,
  setTransitionFields,
  type DesignDocument,
  type EditResult,
} from '../src/core/index.js';
import { fictionalRegion, library, opened } from './library.js';

// The regional hub's session of issue 12, on the editing core (the browser test drives the same
// through the UI): open the national baseline, start a Canterbury-style variant, be refused what
// the national floor forbids, add a local service at an adjustment point, break a safeguard and
// undo it, save and reopen. Every locality and name is fictional.

const applied = (result: EditResult): DesignDocument => {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message}`);
  return result.document;
};

const kaupapa = { name: 'kaupapa-maori-service', type: 'humanTask', label: { en: 'Offer the kaupapa Māori service', mi: 'Tuku ratonga kaupapa Māori' }, fields: { ownerRole: 'lead-agency-practitioner', due: 'P2D' } };

const regionalVariant = () => fictionalRegion();

describe('opening documents', () => {
  it('opens the national baseline in baseline mode against its published self (the publish rules apply once it changes), without problems', () => {
    const baseline = opened('nz-national-baseline.json');
    expect(baseline).toMatchObject({ kind: 'baseline', previous: { version: '3.0.0' } });
    const check = checkDocument(baseline);
    expect(check.problems).toEqual([]);
    expect(check.publishable).toBe(true);
  });

  it('opens a local variant over its region over the baseline (the chain resolved from the library)', () => {
    const local = opened('rangiora-local.json');
    expect(local.parent?.chain).toEqual(['nz-national-baseline@3.0.0', 'nz-canterbury@3.0.0']);
    expect(checkDocument(local).problems).toEqual([]);
  });

  it('refuses what it cannot open, saying why', () => {
    expect(openDocument({ name: 'broken.json', text: '{ "kind": ' }, library)).toMatchObject({ ok: false, problems: [{ code: 'PWY_JSON_MALFORMED' }] });
    expect(openDocument({ name: 'orphan.json', text: JSON.stringify({ kind: 'variant', id: 'x', extends: { id: 'nz-canterbury', version: '9.0.0' } }) }, library)).toMatchObject({
      ok: false,
      problems: [{ message: 'nz-canterbury@9.0.0, which it extends, is not open: open the baseline (and the regional variant) it builds on first.' }],
    });
  });
});

describe("a regional hub's variant", () => {
  it('starts empty over the baseline: every element national, locks shown with their reasons', () => {
    const variant = regionalVariant();
    const model = canvasModel(variant, checkDocument(variant));
    const triage = model.nodes.find((n) => n.id === 'triage-listing')!;
    expect(triage).toMatchObject({ governance: 'locked', provenance: 'national', editable: false });
    expect(triage.governanceReason).toContain('national safeguard');
    expect(model.slots.map((s) => s.id)).toEqual(['entry-point-slot', 'local-services', 'local-meeting-forms', 'local-follow-up']);
    expect(model.lanes.map((l) => l.step)).toEqual(['recognition', 'response', 'entryIntoSupport', 'allocation', 'integratedResponse', 'monitoring']);
  });

  it('refuses to delete a locked node, naming the national rule, and leaves the document as it was', () => {
    const variant = regionalVariant();
    const result = removeElement(variant, 'nodes', 'triage-listing');
    expect(result).toMatchObject({ ok: false, refusal: { code: 'PWY_VARIANT_LOCKED' } });
    if (!result.ok) expect(result.refusal.message).toContain('"triage-listing" is locked (Triage listing is a national safeguard');
    expect(variant.json.changes).toEqual([]);
  });

  it('refuses a duration outside its bounds, and takes one inside them', () => {
    const variant = regionalVariant();
    const refused = setParameter(variant, 'firstContactHigh', 'PT36H');
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'PWY_VARIANT_OUT_OF_BOUNDS', message: '"firstContactHigh" cannot be "PT36H": PT36H is above the maximum PT24H.' } });
    const tailored = applied(setParameter(variant, 'firstContactHigh', 'PT12H', 'Canterbury-style: advocates within 12 hours.'));
    expect(tailored.json.changes).toEqual([{ op: 'setParameter', name: 'firstContactHigh', value: 'PT12H', reason: 'Canterbury-style: advocates within 12 hours.' }]);
  });

  it('adds a local service only at an adjustment point; connected into the flow, the problems clear', () => {
    const variant = regionalVariant();
    expect(addNode(variant, kaupapa, {})).toMatchObject({ ok: false, refusal: { code: 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT' } });
    const added = applied(addNode(variant, kaupapa, { point: 'local-services', x: 960, y: 400 }));
    const check = checkDocument(added);
    expect(check.problems).toEqual([]);
    const node = canvasModel(added, check).nodes.find((n) => n.id === 'fr/kaupapa-maori-service')!;
    expect(node).toMatchObject({ provenance: 'regional', editable: true, x: 960, y: 400, placed: true });
    // The fragment sits on the point's transition: offer-cultural-service → the service → plan-owner-route.
    const edges = canvasModel(added, check).edges.filter((e) => e.from === 'fr/kaupapa-maori-service' || e.to === 'fr/kaupapa-maori-service');
    expect(edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(['fr/kaupapa-maori-service→plan-owner-route', 'offer-cultural-service→fr/kaupapa-maori-service']);
  });

  it('connecting the service straight to closure is a problem with its witness path; undo takes it back in one step', () => {
    const history = new DesignHistory(regionalVariant());
    history.push(applied(addNode(history.current, kaupapa, { point: 'local-services' })), 'add the kaupapa Māori service');
    history.push(applied(connect(history.current, 'fr/kaupapa-maori-service', 'closed', 'fr.kaupapa-maori-service.done')), 'connect to closure');
    const check = checkDocument(history.current);
    const broken = check.problems.find((p) => p.code === 'PWY_INVARIANT_VIOLATED')!;
    expect(broken.witness).toEqual(expect.arrayContaining(['fr/kaupapa-maori-service', 'closed']));
    expect(check.publishable).toBe(false);
    const model = canvasModel(history.current, check);
    expect(model.nodes.filter((n) => n.inWitness).map((n) => n.id)).toEqual(expect.arrayContaining(['intake', 'fr/kaupapa-maori-service', 'closed']));
    expect(model.edges.find((e) => e.from === 'fr/kaupapa-maori-service' && e.to === 'closed')?.inWitness).toBe(true);
    expect(history.undoLabel).toBe('connect to closure');
    expect(checkDocument(history.undo()).problems).toEqual([]);
    expect(history.redo()).not.toBe(history.undo());
  });

  it('saves the overlay with its layout and notes, and reopens to the same picture', () => {
    let variant = applied(addNode(regionalVariant(), kaupapa, { point: 'local-services', x: 960, y: 400 }));
    variant = moveNodes(variant, { 'triage-listing': { x: 310.4, y: 95.6 } });
    variant = putNote(variant, { id: 'note-1', x: 20, y: 20, text: 'Check the hui cadence with the hub (fictional).' });
    const text = documentToText(variant);
    const reopened = openDocument({ name: variant.name, text }, library);
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.problems));
    expect(reopened.document.json).toEqual(variant.json);
    expect(reopened.document.layout).toEqual({ nodes: { 'fr/kaupapa-maori-service': { x: 960, y: 400 }, 'triage-listing': { x: 310, y: 96 } }, notes: [{ id: 'note-1', x: 20, y: 20, text: 'Check the hui cadence with the hub (fictional).' }] });
    expect(checkDocument(reopened.document).problems).toEqual([]);
  });
});

describe('a national team editing the baseline', () => {
  it('shows the publish rules: a new lock is breaking and needs a major version', () => {
    const baseline = opened('nz-national-baseline.json');
    const parameters = baseline.json.parameters as Record<string, Record<string, unknown>>;
    const locked: DesignDocument = { ...baseline, json: { ...baseline.json, version: '3.1.0', parameters: { ...parameters, icmCadence: { ...parameters.icmCadence, governance: { mode: 'locked', reason: 'Weekly everywhere (fictional).' } } } } };
    const check = checkDocument(locked);
    expect(check.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ['error', 'PWY_VERSION_MAJOR_REQUIRED', 'These changes need version 4.0.0 or later: parameter "icmCadence" is now locked.'],
      ['warning', 'PWY_PUBLISH_BREAKING', 'Breaking for variants: parameter "icmCadence" is now locked.'],
    ]);
    expect(check.publishable).toBe(false);
    expect(checkDocument({ ...locked, json: { ...locked.json, version: '4.0.0' } }).publishable).toBe(true);
  });

  it('removes a node with its transitions in one action; the problems say what that broke', () => {
    const baseline = opened('nz-national-baseline.json');
    const without = applied(removeElement(baseline, 'nodes', 'agree-follow-up'));
    expect((without.json.transitions as { from: string; to: string }[]).some((t) => t.from === 'agree-follow-up' || t.to === 'agree-follow-up')).toBe(false);
    expect(checkDocument(without).problems.length).toBeGreaterThan(0);
  });
});

describe('transitions', () => {
  it("sets the event and guard of the variant's own transition in place, and refuses a locked national one", () => {
    let variant = applied(addNode(regionalVariant(), kaupapa, { point: 'local-services' }));
    variant = applied(connect(variant, 'fr/kaupapa-maori-service', 'plan-owner-route', 'fr.kaupapa-maori-service.done'));
    const id = 'fr/kaupapa-maori-service-to-plan-owner-route';
    const guarded = applied(setTransitionFields(variant, id, { guard: { name: 'payloadEquals', params: { field: 'outcome', value: 'accepted' } } }));
    const fragment = (guarded.json.changes as { op: string; transitions?: { id: string; guard?: unknown }[] }[]).find((c) => c.op === 'addFragment')!;
    expect(fragment.transitions!.find((t) => t.id === id)?.guard).toEqual({ name: 'payloadEquals', params: { field: 'outcome', value: 'accepted' } });
    const unguarded = applied(setTransitionFields(guarded, id, { guard: undefined }));
    expect((unguarded.json.changes as { op: string; transitions?: { id: string; guard?: unknown }[] }[]).find((c) => c.op === 'addFragment')!.transitions!.find((t) => t.id === id)).not.toHaveProperty('guard');
    expect(setTransitionFields(variant, 'triaged', { on: 'fr.kaupapa-maori-service.done' })).toMatchObject({ ok: false, refusal: { code: 'PWY_VARIANT_LOCKED' } });
  });
});
