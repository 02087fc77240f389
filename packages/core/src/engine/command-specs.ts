import type { z } from 'zod';
import { caseCommandPayloads, tierLoweringPayload, type CaseCommandType } from '../model/case-commands.js';
import { createRegistry, type PluginRegistry } from '../model/plugin-registry.js';
import type { PathwayTemplate } from '../model/template.js';
import { timerFiredEvent } from '../model/transitions.js';
import { oneOf, payloadSchema, timerFiredPayload, type PayloadVocabulary } from './payload-schemas.js';

/** A command the engine understands, with its payload schema, label and the roles allowed to send it. */
export interface CommandSpec {
  readonly type: string;
  readonly label: string;
  readonly payload: z.ZodType<Record<string, unknown>>;
  /** Roles allowed to send it; any role when undefined. */
  readonly roles?: readonly string[];
  /** System commands (timers) are sent by the runtime only, never by people or other systems. */
  readonly system?: boolean;
}

const builtInLabels: Record<CaseCommandType, string> = {
  'person.added': 'Add a person to the case',
  'risk.assessed': "Record a person's risk assessment",
  'tier.overridden': 'Record a professional-judgement override (raises the tier)',
  'episode.reported': 'Report a new episode',
  'workItem.progressed': 'Update a work item',
  'plan.actionAdded': 'Add an action to a plan',
  'plan.approved': 'Approve a plan',
  'plan.reviewed': 'Record a plan review',
  'fact.recorded': 'Record a dated case fact (e.g. an order expiry, a release date)',
  'riskTool.completed': 'Record a completed risk tool (scored to a level)',
  'workItem.assigned': 'Assign a work item to a named worker',
  'worker.assigned': "Name the case's worker for a role",
};

/**
 * Every command a case on this template accepts at its boundary: built-in case commands,
 * template events, the tier-lowering event and timers, each with the one payload schema that
 * validates it (narrowed to the template's tiers and plan types) and the roles that may send it.
 * Who may send a command is a property of the command, checked before the case is asked; what
 * the case allows now is asked of its machine.
 */
export function commandSpecs(template: PathwayTemplate, plugins: PluginRegistry = createRegistry([])): Map<string, CommandSpec> {
  const tierIds = template.tiers?.levels.map((level) => level.id) ?? [];
  const vocabulary: PayloadVocabulary = { tiers: tierIds };
  const tier = oneOf(tierIds);
  const planType = oneOf(template.planTypes.map((plan) => plan.id));
  const tools = plugins.plugins.flatMap((plugin) => Object.keys(plugin.definition.riskTools ?? {}).map((key) => `${plugin.name}/${key}`));
  const payloads: Record<CaseCommandType, z.ZodType<Record<string, unknown>>> = {
    ...caseCommandPayloads,
    // A level typed in may say which instrument informed it, but never claim to be an installed
    // tool's result: that comes from its answers, scored by the tool (riskTool.completed).
    'risk.assessed': caseCommandPayloads['risk.assessed'].extend({ level: tier }).superRefine((value, ctx) => {
      if (value.tool !== undefined && tools.includes(value.tool)) {
        ctx.addIssue({ code: 'custom', path: ['tool'], message: `names the installed risk tool "${value.tool}": record its answers with riskTool.completed, which scores them; risk.assessed records a level typed in` });
      }
    }),
    'tier.overridden': caseCommandPayloads['tier.overridden'].extend({ level: tier }),
    'plan.actionAdded': caseCommandPayloads['plan.actionAdded'].extend({ planType }),
    'plan.approved': caseCommandPayloads['plan.approved'].extend({ planType }),
    'plan.reviewed': caseCommandPayloads['plan.reviewed'].extend({ planType }),
    'fact.recorded': caseCommandPayloads['fact.recorded'].extend({ fact: oneOf(template.facts.map((fact) => fact.id)) }),
    'worker.assigned': caseCommandPayloads['worker.assigned'].extend({ role: oneOf(template.roles.map((role) => role.id)) }),
    // The answers are checked against the named tool's own questionnaire, at their path.
    'riskTool.completed': caseCommandPayloads['riskTool.completed'].extend({
      tool: oneOf(tools),
      judgement: caseCommandPayloads['riskTool.completed'].shape.judgement.unwrap().extend({ level: tier }).optional(),
    }).superRefine((value, ctx) => {
      const tool = plugins.riskTool(value.tool);
      const checked = tool?.definition.answers.safeParse(value.answers);
      if (checked && !checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: ['answers', ...issue.path], message: issue.message });
    }),
  };
  const specs = new Map<string, CommandSpec>();
  for (const [type, payload] of Object.entries(payloads)) specs.set(type, { type, label: builtInLabels[type as CaseCommandType], payload });
  // A plugin's events come with their own payload schemas (the template may redeclare one to narrow its roles).
  for (const { key, definition } of plugins.events) {
    if (!template.events.some((event) => event.type === key)) specs.set(key, { type: key, label: definition.label.en, payload: definition.payload, ...(definition.roles ? { roles: definition.roles } : {}) });
  }
  for (const event of template.events) {
    if (specs.has(event.type)) continue;
    specs.set(event.type, { type: event.type, label: event.label.en, payload: payloadSchema(event, vocabulary), ...(event.roles ? { roles: event.roles } : {}) });
  }
  if (template.tiers) {
    specs.set('tier.overridden', { ...specs.get('tier.overridden')!, roles: template.tiers.derivation.overrideRoles });
    const lowering = template.tiers.lowering;
    const declared = template.events.find((event) => event.type === lowering.event);
    specs.set(lowering.event, {
      type: lowering.event,
      label: declared?.label.en ?? 'Lower the tier after a review (reasoned)',
      // The tier to lower to is judged by the tier-lowering guard, which explains a refusal with
      // PWY_TIER_LOWERING_INVALID; narrowing it here would only say "invalid payload".
      payload: declared ? payloadSchema(declared, {}) : tierLoweringPayload,
      roles: lowering.roles,
    });
  }
  specs.set(timerFiredEvent, { type: timerFiredEvent, label: 'A timer fired', payload: timerFiredPayload, system: true });
  return specs;
}
