import { describe, expect, it } from 'vitest';
import { checkDocument, copyFragment, pasteFragment } from '../src/core/index.js';
import { fictionalRegion, opened } from './library.js';

// Copy and paste of fragments within and between open documents: Canterbury's kaupapa Māori
// service pasted into another region's variant, renamed into that region's namespace.


describe('copy and paste', () => {
  it("pastes another region's local service at an adjustment point, renamed into this locality, with its event", () => {
    const canterbury = opened('canterbury-regional.json');
    const copied = copyFragment(checkDocument(canterbury).resolved!, ['chc/kaupapa-maori-service'], { 'chc/kaupapa-maori-service': { x: 900, y: 400 } })!;
    expect(copied.exitOn).toBe('chc.kaupapa-maori-service.offered');
    const pasted = pasteFragment(fictionalRegion(), copied, { point: 'local-services' });
    if (!pasted.ok) throw new Error(pasted.refusal.message);
    const change = (pasted.document.json.changes as Record<string, unknown>[])[0]!;
    expect(change).toMatchObject({ op: 'addFragment', point: 'local-services', entry: 'fr/kaupapa-maori-service', exit: { node: 'fr/kaupapa-maori-service', on: 'fr.kaupapa-maori-service.offered' }, events: [{ type: 'fr.kaupapa-maori-service.offered' }] });
    expect(pasted.document.layout.nodes['fr/kaupapa-maori-service']).toEqual({ x: 940, y: 440 });
    expect(checkDocument(pasted.document).problems).toEqual([]);
  });

  it('pastes the same steps twice under new ids, and only at an adjustment point', () => {
    const canterbury = opened('canterbury-regional.json');
    const copied = copyFragment(checkDocument(canterbury).resolved!, ['chc/kaupapa-maori-service'])!;
    const once = pasteFragment(fictionalRegion(), copied, { point: 'local-services' });
    if (!once.ok) throw new Error(once.refusal.message);
    expect(pasteFragment(once.document, copied, {})).toMatchObject({ ok: false, refusal: { code: 'PWY_VARIANT_FRAGMENT_OUTSIDE_POINT' } });
    const twice = pasteFragment(once.document, copied, { point: 'local-follow-up' });
    if (!twice.ok) throw new Error(twice.refusal.message);
    const ids = (twice.document.json.changes as { nodes: { id: string }[] }[]).flatMap((c) => c.nodes.map((n) => n.id));
    expect(ids).toEqual(['fr/kaupapa-maori-service', 'fr/kaupapa-maori-service-2']);
  });

  it('in a baseline, pastes beside the originals; what is left unconnected is a problem, not a refusal', () => {
    const baseline = opened('nz-national-baseline.json');
    const copied = copyFragment(checkDocument(baseline).resolved!, ['offer-whanau-support'])!;
    const pasted = pasteFragment(baseline, copied);
    if (!pasted.ok) throw new Error(pasted.refusal.message);
    expect((pasted.document.json.nodes as { id: string }[]).map((n) => n.id)).toContain('offer-whanau-support-copy');
    expect(checkDocument(pasted.document).problems.map((p) => p.code)).toContain('PWY_NODE_UNREACHABLE');
  });
});
