import { describe, expect, it } from 'vitest';
import { homeVisits, loaded } from './fixtures/plugins.js';
import { aroha, policeReferral, toFirstContact } from './fixtures/story.js';
import { baselineWithHomeVisits } from './fixtures/templates.js';

// A fictional plugin's state in a case, read with expectPluginState: each home visit node it
// contributes counts the visits on entry, and books the visit through its server handler.

describe('plugin state', () => {
  it('follows the plugin node type entered twice: fields, a predicate, the typed state, and its requests', async () => {
    const plugins = loaded(homeVisits);
    const harness = policeReferral(baselineWithHomeVisits(plugins), { plugins });
    await toFirstContact(harness);
    harness.expectPluginState(homeVisits, { visits: 0, lastVisitor: null });

    harness.send('contact.made', { personId: aroha, method: 'in-person', supportAccepted: true }, { actor: 'advocate-hine', role: 'specialist-victim-advocate' });
    harness.expectAt('first-home-visit');
    harness.expectStep('entryIntoSupport');
    const state = harness.expectPluginState(homeVisits, { visits: 1, lastVisitor: 'advocate-hine' });
    expect(state.visits).toBe(1);
    harness.expectEffects([{ type: 'plugin.request', plugin: 'home-visits@2.1.0', request: 'home-visits.book', node: 'first-home-visit', payload: { visitor: 'advocate-hine', visit: 1 } }]);

    harness.send('home-visits.visited', { safe: true }, { actor: 'advocate-hine' });
    harness.expectAt('second-home-visit');
    harness.expectPluginState(homeVisits, (visits) => visits.visits === 2 && visits.lastVisitor === 'kaimahi-rawiri');
    harness.expectPluginState('home-visits', { visits: 2 });
    harness.expectEffects([{ type: 'plugin.request', request: 'home-visits.book', payload: { visit: 2 } }]);

    harness.send('home-visits.visited', { safe: true }, { actor: 'kaimahi-rawiri' });
    harness.expectAt('offer-whanau-support');
    harness.expectPluginState(homeVisits, { visits: 2 });
    harness.expectNoEffect({ type: 'plugin.request' });
    expect(harness.record.plugins).toEqual(['child-expertise@1.0.0', 'home-visits@2.1.0', 'risk-tools@1.0.0']);
  });
});
