// sanctuary-safety: a fictional home-security ("sanctuary") scheme as a Pathways plugin, made with
// `pathways plugin new` and grown from there. For a victim-survivor who chooses to stay in their
// home, a provider assesses the home and, with their consent, security works are arranged (locks,
// lighting, a monitored alarm). Every scheme, provider and person here is fictional.
//
// This file is the whole definition. It is isomorphic (the designer imports it in a browser), so
// it imports nothing from Node and does no I/O: hooks return what should happen, as data. Work
// with the provider's systems is in ./server.ts.
import { definePlugin, type PluginGuardResult } from '@pathways/core';
import { z } from 'zod';

const refuse = (message: string): PluginGuardResult => ({ code: 'PWY_PLUGIN_REFUSED', message });

export const plugin = definePlugin({
  name: 'sanctuary-safety',
  version: '1.0.0',
  engine: '^0.1.0',
  label: { en: 'Sanctuary safety scheme (fictional)', mi: 'Kaupapa haumaru kāinga' },
  description: 'For victim-survivors who choose to stay in their home: a provider assesses the home, and security works are arranged with their consent.',

  // Counts and the provider's name only: never who lives there or what was found.
  state: {
    schema: z.strictObject({
      assessments: z.number().int().min(0),
      worksOrdered: z.number().int().min(0),
      worksCompleted: z.number().int().min(0),
      provider: z.string().nullable(),
    }),
    initial: { assessments: 0, worksOrdered: 0, worksCompleted: 0, provider: null },
    maxBytes: 1024,
  },

  events: {
    'sanctuary-safety.assessed': {
      label: { en: 'Record the home security assessment' },
      payload: z.strictObject({
        outcome: z.enum(['eligible', 'not-eligible']),
        consentToWorks: z.boolean().describe('The victim-survivor agrees to the security works'),
        urgentWorks: z.boolean().describe('The home needs works before the usual ten days'),
      }),
      roles: ['lead-agency-practitioner', 'coordinator'],
    },
    'sanctuary-safety.works-completed': {
      label: { en: 'Record that the security works are completed' },
      payload: z.strictObject({ completedAt: z.iso.datetime({ offset: true }), alarmFitted: z.boolean() }),
      roles: ['coordinator'],
    },
  },

  workItemTypes: [
    { id: 'sanctuary-safety/home-assessment', label: { en: 'Assess the home for security works' }, kind: 'assessment', ownerRole: 'lead-agency-practitioner', due: 'P5D' },
    { id: 'sanctuary-safety/security-works', label: { en: 'Arrange the security works and confirm them done' }, kind: 'task', ownerRole: 'coordinator', due: 'P10D' },
  ],

  // A dated case fact the scheme records; deadlines elsewhere may count from it.
  facts: [{ id: 'sanctuary-safety/worksCompletedAt', label: { en: 'Security works completed' }, type: 'instant' }],

  nodeTypes: {
    assessment: {
      label: { en: 'Home security assessment', mi: 'Aromatawai haumaru kāinga' },
      category: 'assessment',
      icon: 'home-shield',
      colour: '#2f6f5e',
      help: { en: 'A provider visits and assesses the home; the practitioner records the outcome and the consent to works.' },
      // Version 1 named only the provider; version 2 adds `urgent`. Templates written for version 1
      // keep working: loading migrates their config (and `pathways validate` says so).
      typeVersion: 2,
      config: z.strictObject({
        provider: z.string().min(1).describe('The organisation that assesses the home'),
        urgent: z.boolean().describe('Book the visit as urgent, and put interim measures in the safety plan now'),
      }),
      earlier: { 1: { config: z.strictObject({ provider: z.string().min(1) }), migrate: (previous) => ({ ...previous, urgent: false }) } },
      accepts: ['sanctuary-safety.assessed'],
      workItemType: 'sanctuary-safety/home-assessment',
      enter: ({ state, config }) => ({
        state: { ...state, assessments: state.assessments + 1, provider: config.provider },
        requests: [{ type: 'sanctuary-safety.book-visit', payload: { provider: config.provider, urgent: config.urgent } }],
        // An urgent assessment puts interim measures (a monitored alarm) in the plan straight away.
        ...(config.urgent ? { workItems: [{ workItemType: 'plan-action', ownerRole: 'lead-agency-practitioner' }] } : {}),
      }),
      // plan-action is a national work-item type: declared, so the engine allows it and
      // `pathways check` judges it against the baseline's localEffects wherever a variant places the node.
      effects: { openWorkItem: ['plan-action'] },
    },
  },

  guards: {
    // The works go ahead only for an eligible home and with the victim-survivor's consent.
    eligible: {
      check: ({ payload }) => {
        if (payload.outcome !== 'eligible') return refuse('The home is not eligible for the scheme.');
        if (payload.consentToWorks !== true) return refuse("The security works need the victim-survivor's consent: record it first, or record the home as not eligible.");
        return true;
      },
    },
  },

  actions: {
    // Orders the works from the provider that assessed the home (its own work item opens on the next node).
    arrangeWorks: {
      run: ({ state, payload }) => ({
        state: { ...state, worksOrdered: state.worksOrdered + 1 },
        requests: [{ type: 'sanctuary-safety.order-works', payload: { provider: state.provider ?? 'unknown', urgent: payload.urgentWorks === true } }],
      }),
    },
    // Records when the works were completed: the plugin's own fact, so nothing to declare.
    recordWorksCompleted: {
      run: ({ state, payload }) => ({
        state: { ...state, worksCompleted: state.worksCompleted + 1 },
        facts: { 'sanctuary-safety/worksCompletedAt': String(payload.completedAt) },
      }),
    },
  },

  triggers: {
    // A template's escalation: { "kind": "plugin", "type": "sanctuary-safety/alarmNotFitted" }.
    // Asked after every works-completed event the case takes, wherever the case is, so it fires
    // only in a case whose works the scheme ordered.
    alarmNotFitted: {
      label: { en: 'The security works were completed without a monitored alarm' },
      on: ['sanctuary-safety.works-completed'],
      params: z.strictObject({}),
      fires: ({ payload, state }) => payload.alarmFitted === false && state.worksOrdered > 0,
    },
  },
});

export default plugin;
