// An independent, hand-written XState machine of the same shape as the compiled NZ baseline, used
// as the raw baseline of `pnpm bench`: a parallel root (flow with six stages and 38 activities,
// records, tier, milestones, escalations), 64 flow transitions, work items opened on entering a
// task and closed on leaving it, an overdue timer per work item, effects collected in context.
// Written the way an XState developer would write one by hand, without our compiler; deadlines
// are plain millisecond arithmetic. Nothing here imports @pathways/core.
import { assign, setup, type Snapshot } from 'xstate';

interface WorkItem {
  readonly id: string;
  readonly type: string;
  readonly due: string;
}

interface RawContext {
  readonly caseId: string;
  readonly seq: number;
  readonly count: number;
  readonly workItems: Readonly<Record<string, WorkItem>>;
  readonly timers: Readonly<Record<string, { readonly id: string; readonly due: string; readonly workItem: string }>>;
  readonly milestones: Readonly<Record<string, string>>;
  readonly tier: string | null;
  readonly pending: readonly unknown[];
}

export interface RawEvent {
  readonly type: string;
  readonly at: string;
  readonly seq: number;
  readonly role?: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** The activities of each stage: `task` opens a work item, `decide` moves on by itself, `wait` waits, `end` closes. */
const stages: Record<string, [string, 'start' | 'task' | 'decide' | 'wait' | 'end'][]> = {
  recognition: [['intake', 'start'], ['record', 'task']],
  response: [['safety', 'task'], ['screen', 'task'], ['childRoute', 'decide'], ['childCheck', 'task'], ['triage', 'task'], ['lead', 'task']],
  support: [['stream', 'decide'], ['contactHigh', 'task'], ['contactMid', 'task'], ['contactLow', 'task'], ['whanau', 'task'], ['outreach', 'task'], ['consent', 'task']],
  allocation: [['allocate', 'task'], ['specialistRoute', 'decide'], ['specialist', 'task'], ['cultural', 'task']],
  integrated: [['ownerRoute', 'decide'], ['planHigh', 'task'], ['plan', 'task'], ['planChildRoute', 'decide'], ['childExpertise', 'task'], ['confirm', 'task'], ['approval', 'task'], ['intensiveRoute', 'decide'], ['icm', 'task'], ['nextIcm', 'wait']],
  monitoring: [['schedule', 'decide'], ['waitHigh', 'wait'], ['waitStd', 'wait'], ['review', 'task'], ['decision', 'task'], ['followUp', 'task'], ['closureRoute', 'decide'], ['closure', 'task'], ['closed', 'end']],
};

/** The 64 flow transitions: from, event (`''` for automatic), to, and an optional guard on the payload. */
const flow: [string, string, string, string?][] = [
  ['intake', 'referral.received', 'record'], ['record', 'referral.recorded', 'safety'], ['safety', 'safety-actions.recorded', 'screen'],
  ['screen', 'screening.completed', 'childRoute'], ['childRoute', '', 'childCheck', 'children'], ['childRoute', '', 'triage'], ['childCheck', 'child-safety.checked', 'triage'],
  ['triage', 'triage.completed', 'lead'], ['lead', 'lead-agency.assigned', 'stream'], ['stream', '', 'contactHigh', 'high'], ['stream', '', 'contactMid', 'mid'], ['stream', '', 'contactLow'],
  ['contactHigh', 'contact.attempted', 'contactHigh'], ['contactMid', 'contact.attempted', 'contactMid'], ['contactLow', 'contact.attempted', 'contactLow'],
  ['contactHigh', 'contact.made', 'whanau'], ['contactMid', 'contact.made', 'whanau'], ['contactLow', 'contact.made', 'whanau'],
  ['whanau', 'whanau-support.offered', 'outreach'], ['outreach', 'outreach.offered', 'consent'], ['consent', 'consent.recorded', 'allocate'], ['allocate', 'workers.allocated', 'specialistRoute'],
  ['specialistRoute', '', 'specialist', 'children'], ['specialistRoute', '', 'cultural'], ['specialist', 'child-specialist.allocated', 'cultural'], ['cultural', 'cultural-service.chosen', 'ownerRoute'],
  ['ownerRoute', '', 'planHigh', 'high'], ['ownerRoute', '', 'plan'], ['planHigh', 'safety-plan.drafted', 'planChildRoute'], ['plan', 'safety-plan.drafted', 'planChildRoute'],
  ['planChildRoute', '', 'childExpertise', 'children'], ['planChildRoute', '', 'confirm'], ['childExpertise', 'child-expertise.check-completed', 'ownerRoute', 'changes'], ['childExpertise', 'child-expertise.check-completed', 'confirm'],
  ['confirm', 'safety-plan.submitted', 'approval'], ['approval', 'safety-plan.returned', 'ownerRoute'], ['approval', 'plan.approved', 'intensiveRoute'],
  ['intensiveRoute', '', 'icm', 'high'], ['intensiveRoute', '', 'schedule'], ['icm', 'intensive-review.completed', 'nextIcm', 'continue'], ['icm', 'intensive-review.completed', 'ownerRoute', 'revise'],
  ['icm', 'intensive-review.completed', 'schedule', 'stepDown'], ['icm', 'intensive-review.completed', 'closure'], ['nextIcm', 'timer.fired', 'icm'], ['nextIcm', 'episode.reported', 'safety'],
  ['schedule', '', 'waitHigh', 'high'], ['schedule', '', 'waitStd'], ['waitHigh', 'timer.fired', 'review'], ['waitStd', 'timer.fired', 'review'],
  ['waitHigh', 'episode.reported', 'safety'], ['waitStd', 'episode.reported', 'safety'], ['review', 'plan.reviewed', 'decision'], ['review', 'episode.reported', 'safety'],
  ['decision', 'review.decided', 'followUp', 'continue'], ['decision', 'review.decided', 'ownerRoute', 'revise'], ['decision', 'review.decided', 'icm', 'intensive'], ['decision', 'review.decided', 'closureRoute'],
  ['decision', 'episode.reported', 'safety'], ['followUp', 'follow-up.agreed', 'schedule'], ['closureRoute', '', 'icm', 'high'], ['closureRoute', '', 'closure'],
  ['closure', 'closure.confirmed', 'closed'], ['closure', 'closure.withdrawn', 'schedule'], ['closure', 'episode.reported', 'safety'],
];

const dayMs = 24 * 3_600_000;
const plusDay = (at: string) => new Date(Date.parse(at) + dayMs).toISOString();

function nextId(context: RawContext, seq: number): [string, number] {
  const count = context.seq === seq ? context.count + 1 : 1;
  return [`${context.caseId}:${seq}:${count}`, count];
}

/** Opens a work item for a task and a timer watching it; both are effects too. */
function openTask({ context, event }: { context: RawContext; event: RawEvent }, params: { node: string }): Partial<RawContext> {
  const at = event.at ?? new Date(0).toISOString();
  const seq = event.seq ?? 0;
  const [itemId, n1] = nextId(context, seq);
  const [timerId, n2] = nextId({ ...context, seq, count: n1 }, seq);
  const due = plusDay(at);
  return {
    seq,
    count: n2,
    workItems: { ...context.workItems, [itemId]: { id: itemId, type: params.node, due } },
    timers: { ...context.timers, [timerId]: { id: timerId, due, workItem: itemId } },
    pending: [...context.pending, { type: 'workItem.created', id: itemId, due }, { type: 'timer.scheduled', id: timerId, due }],
  };
}

/** Closes a task's work items and cancels their timers. */
function closeTask({ context }: { context: RawContext }, params: { node: string }): Partial<RawContext> {
  const closing = Object.values(context.workItems).filter((item) => item.type === params.node);
  if (closing.length === 0) return {};
  const ids = new Set(closing.map((item) => item.id));
  return {
    workItems: Object.fromEntries(Object.entries(context.workItems).filter(([id]) => !ids.has(id))),
    timers: Object.fromEntries(Object.entries(context.timers).filter(([, timer]) => !ids.has(timer.workItem))),
    pending: [...context.pending, ...closing.map((item) => ({ type: 'workItem.updated', id: item.id, status: 'done' }))],
  };
}

function flowStates() {
  const states: Record<string, unknown> = {};
  for (const [stage, nodes] of Object.entries(stages)) {
    const inner: Record<string, unknown> = {};
    for (const [node, kind] of nodes) {
      const on: Record<string, unknown[]> = {};
      const always: unknown[] = [];
      for (const [from, event, to, guard] of flow) {
        if (from !== node) continue;
        const transition = { target: `#raw-${to}`, ...(guard ? { guard: { type: 'payloadIs', params: { value: guard } } } : {}) };
        if (event === '') always.push(transition);
        else (on[event] ??= []).push(transition);
      }
      inner[node] = {
        id: `raw-${node}`,
        ...(kind === 'task' ? { entry: [{ type: 'openTask', params: { node } }], exit: [{ type: 'closeTask', params: { node } }] } : {}),
        ...(Object.keys(on).length > 0 ? { on } : {}),
        ...(always.length > 0 ? { always } : {}),
      };
    }
    states[stage] = { initial: nodes[0]![0], states: inner };
  }
  return states;
}

/** Counts the flow transitions of the hand-written table (for the bench's description). */
export const rawTransitionCount = flow.length;
/** Counts its activities. */
export const rawNodeCount = Object.values(stages).reduce((sum, nodes) => sum + nodes.length, 0);

const tiers = ['emerging', 'escalating', 'high', 'intensive'];
const milestones = ['referral-received', 'triaged', 'first-contact-made', 'lead-agency-assigned', 'plan-approved', 'child-check-done', 'plan-reviewed', 'closed'];

export const rawCaseMachine = setup({
  types: {} as { context: RawContext; events: RawEvent; input: { caseId: string } },
  actions: {
    openTask: assign((args, params: { node: string }) => openTask(args, params)),
    closeTask: assign((args, params: { node: string }) => closeTask(args, params)),
    closeWorkItem: assign(({ context, event }) => {
      const id = String(event.payload?.workItemId);
      const { [id]: _closed, ...rest } = context.workItems;
      return {
        workItems: rest,
        timers: Object.fromEntries(Object.entries(context.timers).filter(([, timer]) => timer.workItem !== id)),
        pending: [...context.pending, { type: 'workItem.updated', id, status: 'done' }],
      };
    }),
    recordRisk: assign({ tier: ({ event }) => String(event.payload?.level) }),
    raiseBarrier: assign({ pending: ({ context, event }) => [...context.pending, { type: 'escalation.raised', rule: 'barrier', respondBy: plusDay(event.at) }] }),
  },
  guards: {
    payloadIs: ({ event }, params: { value: string }) => event.payload?.value === params.value,
    workItemOpen: ({ context, event }) => Object.hasOwn(context.workItems, String(event.payload?.workItemId)),
    coordinator: ({ event }) => event.role === 'coordinator',
  },
}).createMachine({
  id: 'raw',
  type: 'parallel',
  context: ({ input }) => ({ caseId: input.caseId, seq: 0, count: 0, workItems: {}, timers: {}, milestones: {}, tier: null, pending: [] }),
  states: {
    // Built from the tables above; XState checks every target when the machine is created.
    flow: { initial: 'recognition', states: flowStates() as never },
    records: {
      on: {
        'information.requested': { actions: { type: 'openTask', params: { node: 'consider-sharing' } } },
        'workItem.progressed': { guard: 'workItemOpen', actions: 'closeWorkItem' },
        'risk.assessed': { actions: 'recordRisk' },
      },
    },
    tier: {
      initial: 'unassessed',
      states: Object.fromEntries(['unassessed', ...tiers].map((tier) => [tier, { on: { 'tier.raise': tiers.map((to) => ({ target: to, guard: { type: 'payloadIs' as const, params: { value: to } } })) } }])),
    },
    milestones: {
      type: 'parallel',
      states: Object.fromEntries(milestones.map((m) => [m, { initial: 'pending', states: { pending: { on: { 'milestone.reached': { target: 'reached', guard: { type: 'payloadIs' as const, params: { value: m } } } } }, reached: {} } }])),
    },
    escalations: {
      on: { 'barrier.raised': { guard: 'coordinator', actions: 'raiseBarrier' } },
    },
  },
});

/** A persisted raw snapshot with its effects taken out, as a runtime would store it. */
export function withoutPending(persisted: Snapshot<unknown>): Snapshot<unknown> {
  const snapshot = persisted as Snapshot<unknown> & { context: RawContext };
  return Object.assign({}, snapshot, { context: { ...snapshot.context, pending: [] } });
}
