import type { z } from 'zod';
import { caseCommandPayloads, tierLoweringPayload } from '../model/case-commands.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent } from '../model/transitions.js';
import { payloadSchema, timerFiredPayload } from './payload-schemas.js';

/** A command the engine understands, with its payload schema, label and the roles allowed to send it. */
export interface CommandSpec {
  readonly type: string;
  readonly label: string;
  readonly payload: z.ZodType<Record<string, unknown>>;
  /** Roles allowed to send it; any role when undefined. */
  readonly roles?: readonly string[];
  /** System commands (timers) are never offered to people. */
  readonly system?: boolean;
}

const builtInLabels: Record<keyof typeof caseCommandPayloads, string> = {
  'person.added': 'Add a person to the case',
  'risk.assessed': "Record a person's risk assessment",
  'tier.overridden': 'Record a professional-judgement override (raises the tier)',
  'episode.reported': 'Report a new episode',
  'workItem.progressed': 'Update a work item',
  'plan.actionAdded': 'Add an action to a plan',
  'plan.approved': 'Approve a plan',
  'plan.reviewed': 'Record a plan review',
};

/** Every command a case on this template accepts: template events, built-in case commands, tier lowering and timers. */
export function commandSpecs(template: PathwayTemplate): Map<string, CommandSpec> {
  const specs = new Map<string, CommandSpec>();
  for (const [type, payload] of Object.entries(caseCommandPayloads)) {
    specs.set(type, { type, label: builtInLabels[type as keyof typeof caseCommandPayloads], payload: payload as z.ZodType<Record<string, unknown>> });
  }
  for (const event of template.events) {
    if (specs.has(event.type)) continue;
    specs.set(event.type, { type: event.type, label: event.label.en, payload: payloadSchema(event), ...(event.roles ? { roles: event.roles } : {}) });
  }
  if (template.tiers) {
    const overridden = specs.get('tier.overridden')!;
    specs.set('tier.overridden', { ...overridden, roles: template.tiers.derivation.overrideRoles });
    const lowering = template.tiers.lowering;
    const declared = template.events.find((event) => event.type === lowering.event);
    specs.set(lowering.event, {
      type: lowering.event,
      label: declared?.label.en ?? 'Lower the tier after a review (reasoned)',
      payload: declared ? payloadSchema(declared) : tierLoweringPayload,
      roles: lowering.roles,
    });
  }
  specs.set(timerFiredEvent, { type: timerFiredEvent, label: 'A timer fired', payload: timerFiredPayload, system: true });
  return specs;
}
