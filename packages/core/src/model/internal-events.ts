import { timerFiredEvent } from './transitions.js';

/**
 * Events the engine raises inside one command to carry a change from one region of the case's
 * statechart to another (records → tier → escalations, flow → milestones, escalations → flow).
 * They are never commands: no template may declare, trigger on or send them, so no command can
 * forge a milestone, a tier change or a route.
 */
export const internalEventTypes = {
  /** records → tier: re-derive the tier after an assessment or override. */
  tierRecompute: 'tier.recompute',
  /** tier → escalations: the tier rose. */
  tierRaised: 'tier.raised',
  /** flow → milestones: an action recorded a milestone. */
  milestoneReached: 'milestone.reached',
  /** escalations → flow: an escalation routes the case to a node. */
  escalationRoute: 'escalation.route',
  /** after a change: re-evaluate condition-triggered escalations. */
  conditionsCheck: 'conditions.check',
  /** records or flow → escalations: a dated case fact changed. */
  factChanged: 'fact.changed',
  /** flow (at a review point) → tier: lower the tier, as the reasoned lowering event asked. */
  tierLower: 'tier.lower',
} as const;

export type InternalEventType = (typeof internalEventTypes)[keyof typeof internalEventTypes];

const internal: ReadonlySet<string> = new Set(Object.values(internalEventTypes));

/** True for the engine's internal events. */
export function isInternalEvent(type: string): boolean {
  return internal.has(type);
}

/**
 * True for event types no template may declare: the internal events, `timer.fired` (sent by the
 * runtime when a timer is due) and XState's own `xstate.*` events.
 */
export function isReservedEventType(type: string): boolean {
  return internal.has(type) || type === timerFiredEvent || type === 'xstate' || type.startsWith('xstate.');
}
