import type { ErrorCode } from '../errors/catalogue.js';
import { describeCondition, type Condition } from '../model/conditions.js';
import { own } from '../model/own.js';
import type { CaseContext, CaseEvent } from './case-state.js';
import { assessedTier, conditionHolds, derivedTier, tierRank } from './case-rules.js';
import { compareInstants } from '../time/deadlines.js';
import { callHook, pluginCaseView, pluginState } from './plugin-runtime.js';
import { assessWithTool } from './risk-tools.js';
import type { ResolvedTemplate } from './resolved-template.js';

/** Why a guard does not let an event through, in the case's own words. */
export interface GuardRefusal {
  readonly code: ErrorCode;
  readonly message: string;
  /**
   * True when the guard only picks between routes (e.g. the payload says "low", this transition
   * is for "high"): another transition may take the event, so the refusal explains little.
   */
  readonly mismatch?: true;
  /** True when the command is taken at another step (a plan's approval step, a review point): any other refusal says more. */
  readonly elsewhere?: true;
}

/** A guard's verdict: the event may pass, or a coded refusal. */
export type GuardVerdict = true | GuardRefusal;

/** What a guard sees: the case before the event's actions, and the event. */
export interface GuardArgs {
  readonly context: CaseContext;
  readonly event: CaseEvent;
}

/**
 * A named guard. `reads` says what it depends on: `context` guards can be asked of a case at rest
 * (which commands does it offer now?); `event` guards read the command's payload, so a command
 * they guard is offered as "needs payload".
 */
export interface CaseGuard<P> {
  readonly reads: 'context' | 'event';
  check(args: GuardArgs, params: P): GuardVerdict;
}

/** A reference to a guard as compiled into the machine: its name and JSON params. */
export interface GuardRef {
  readonly type: string;
  readonly params?: unknown;
}

function refuse(code: ErrorCode, message: string): GuardRefusal {
  return { code, message };
}

function mismatch(message: string): GuardRefusal {
  return { code: 'PWY_COMMAND_NOT_ALLOWED', message, mismatch: true };
}

function guard<P>(reads: CaseGuard<P>['reads'], check: CaseGuard<P>['check']): CaseGuard<P> {
  return { reads, check };
}

/**
 * The guards of one compiled pathway. Each is a pure function of the case and the event that
 * returns `true` or a coded refusal, so the machine decides what is allowed and the engine can say
 * why not with the same rule. Named in compiled transitions, never written in templates.
 */
export function caseGuards(resolved: Pick<ResolvedTemplate, 'template' | 'conditionRules' | 'plugins'>) {
  const { template, conditionRules: rules, plugins } = resolved;
  const { tiers } = template;
  /** "Version 2 of family-safety-plan", or the plan type alone before any version is started. */
  const draftName = (context: CaseContext, planType: string) => {
    const plan = own(context.plans, planType);
    const version = plan?.draft?.version ?? plan?.inForce?.version;
    return version === undefined ? `The ${planType}` : `Version ${version} of ${planType}`;
  };
  /** Milestones the approval reads per version are named, so "it was done before" is not mistaken for enough. */
  const perVersionNote = (planType: string) => {
    const ids = template.milestones.filter((m) => m.perPlanVersion === planType).map((m) => `"${m.id}"`);
    return ids.length === 0 ? '' : ` (${ids.join(', ')} counted for this version)`;
  };
  return {
    /** The payload field equals the value (strictly, for strings, numbers and booleans). */
    payloadEquals: guard<{ readonly field: string; readonly value: unknown }>('event', ({ event }, params) => {
      const actual = own(event.payload, params.field);
      return actual === params.value ? true : mismatch(`Its ${params.field} is ${JSON.stringify(actual ?? null)}; this route is for ${JSON.stringify(params.value)}.`);
    }),
    /** The firing timer is the wait timer of the given node. */
    timerOfNode: guard<{ readonly node: string }>('event', ({ context, event }, params) => {
      const timer = own(context.timers, String(event.payload.timerId));
      return timer?.purpose === 'wait' && timer.node === params.node ? true : mismatch(`The timer is not the wait of "${params.node}".`);
    }),
    /** The firing timer is scheduled and due by the event's time: timers never fire early. */
    timerDue: guard<undefined>('event', ({ context, event }) => {
      const timer = own(context.timers, String(event.payload.timerId));
      if (!timer) return refuse('PWY_COMMAND_NOT_ALLOWED', `No timer "${String(event.payload.timerId)}" is scheduled.`);
      if (timer.due === undefined) return refuse('PWY_COMMAND_NOT_ALLOWED', `Timer "${timer.id}" waits for a case fact to be recorded; it has no due time yet.`);
      return compareInstants(timer.due, event.at) <= 0 ? true : refuse('PWY_COMMAND_NOT_ALLOWED', `Timer "${timer.id}" is due at ${timer.due}, not yet at ${event.at}.`);
    }),
    /** A sentry holds over the case; `about` names it for the refusal (e.g. "the response stage's exit criterion"). */
    conditionHolds: guard<{ readonly condition: Condition; readonly about: string }>('context', ({ context }, params) =>
      conditionHolds(params.condition, context, rules) ? true : refuse('PWY_COMMAND_NOT_ALLOWED', `${params.about} does not hold yet.`),
    ),
    /** Assessments and override now put the case at exactly this tier, above its current one. */
    tierRisesTo: guard<{ readonly tier: string }>('context', ({ context }, params) => {
      const derived = derivedTier(context, tiers);
      return derived === params.tier && tierRank(tiers, derived) > tierRank(tiers, context.tier) ? true : mismatch(`The tier does not rise to ${params.tier}.`);
    }),
    /** The reasoned lowering goes to a tier below the current one, and not below what current assessments support. */
    tierLoweringAllowed: guard<undefined>('event', ({ context, event }) => {
      const to = String(event.payload.toTier);
      if (tierRank(tiers, to) < 0) return refuse('PWY_TIER_LOWERING_INVALID', `"${to}" is not a tier of this pathway.`);
      if (tierRank(tiers, to) >= tierRank(tiers, context.tier)) return refuse('PWY_TIER_LOWERING_INVALID', `The case is at ${context.tier ?? 'no tier'}; "${to}" is not lower.`);
      const floor = assessedTier(context, tiers);
      if (tierRank(tiers, to) < tierRank(tiers, floor)) {
        return refuse('PWY_TIER_LOWERING_INVALID', `A current assessment puts a victim-survivor at ${floor}; the tier cannot go below it. Record a new assessment first.`);
      }
      return true;
    }),
    /** The routed-to node is this one. */
    routesTo: guard<{ readonly node: string }>('event', ({ event }, params) => (event.payload.node === params.node ? true : mismatch(`The route is not to "${params.node}".`))),
    /** The plan's approval condition holds. */
    planApprovable: guard<undefined>('event', ({ context, event }) => {
      const planType = template.planTypes.find((p) => p.id === event.payload.planType);
      if (!planType) return refuse('PWY_COMMAND_PAYLOAD_INVALID', `No plan type "${String(event.payload.planType)}" is declared.`);
      return planType.approval.requires === undefined || conditionHolds(planType.approval.requires, context, rules)
        ? true
        : refuse(
            'PWY_PLAN_APPROVAL_BLOCKED',
            `${draftName(context, planType.id)} cannot be approved yet: its approval needs ${describeCondition(planType.approval.requires)}${perVersionNote(planType.id)}.`,
          );
    }),
    /** The plan the payload names is one this activity approves (each plan type is approved at its own activity). */
    planApprovedHere: guard<{ readonly planTypes: readonly string[]; readonly node: string }>('event', ({ event }, params) =>
      params.planTypes.includes(String(event.payload.planType))
        ? true
        : mismatch(`"${params.node}" approves ${params.planTypes.join(', ')}; "${String(event.payload.planType)}" is approved at its own approval step.`),
    ),
    /** A plugin's guard named by the template (`<plugin>/<guard>`): its own verdict, asked with a read-only view of the case. */
    pluginGuard: guard<{ readonly name: string; readonly params: Readonly<Record<string, unknown>>; readonly node?: string }>('event', ({ context, event }, params) => {
      const contribution = plugins.guard(params.name);
      if (!contribution) return refuse('PWY_COMMAND_NOT_ALLOWED', `The guard "${params.name}" is not installed.`);
      const { plugin, definition } = contribution;
      const verdict = callHook(plugin, `guard ${params.name}`, () =>
        definition.check({ case: pluginCaseView(context), state: pluginState(context, plugin), at: event.at, event: event.type, payload: event.payload, params: params.params, node: params.node }),
      );
      return verdict === true ? true : refuse(verdict.code, verdict.message);
    }),
    /** Professional judgement on a risk tool's result raises the level its score gives, never lowers it. */
    judgementRaises: guard<undefined>('event', ({ event }) => {
      const judgement = event.payload.judgement as { readonly level: string } | undefined;
      const contribution = plugins.riskTool(String(event.payload.tool));
      if (!judgement || !contribution) return true;
      const assessed = assessWithTool(contribution, (event.payload.answers ?? {}) as Readonly<Record<string, unknown>>, template);
      if (assessed.scoreLevel === null || tierRank(tiers, judgement.level) >= tierRank(tiers, assessed.scoreLevel)) return true;
      return refuse(
        'PWY_RISK_JUDGEMENT_LOWERS',
        `${assessed.tool} scored ${String(assessed.score)}, which gives "${assessed.scoreLevel}"; professional judgement may raise that level, never lower it to "${judgement.level}".`,
      );
    }),
    /** Never passes: says where a command is taken instead (a plan's approval step, the tier's review points). */
    onlyAt: guard<{ readonly code: ErrorCode; readonly message: string }>('context', (_args, params) => ({ code: params.code, message: params.message, elsewhere: true })),
    /** The episode the payload reports is not one the case already has. */
    episodeNew: guard<undefined>('event', ({ context, event }) =>
      context.episodes.some((episode) => episode.id === event.payload.episodeId) || context.pastEpisodeIds.includes(String(event.payload.episodeId))
        ? refuse('PWY_COMMAND_PAYLOAD_INVALID', `Episode "${String(event.payload.episodeId)}" is already recorded on this case.`)
        : true,
    ),
    /** The case has not reached an end node. */
    caseOpen: guard<undefined>('context', ({ context }) => (context.closed ? refuse('PWY_COMMAND_NOT_ALLOWED', 'The case is closed; it changes no more. A new episode starts a new case.') : true)),
    /** The person the payload names is in the case. */
    personInCase: guard<undefined>('event', ({ context, event }) =>
      own(context.persons, String(event.payload.personId)) ? true : refuse('PWY_COMMAND_PAYLOAD_INVALID', `No person "${String(event.payload.personId)}" is in the case; add them first (person.added).`),
    ),
    /** The case has an outstanding work item. */
    hasOpenWorkItems: guard<undefined>('context', ({ context }) => (Object.keys(context.workItems).length > 0 ? true : refuse('PWY_COMMAND_NOT_ALLOWED', 'The case has no open work item.'))),
    /** The work item the payload names is outstanding. */
    workItemOpen: guard<undefined>('event', ({ context, event }) =>
      own(context.workItems, String(event.payload.workItemId)) ? true : refuse('PWY_COMMAND_NOT_ALLOWED', `Work item "${String(event.payload.workItemId)}" is not open.`),
    ),
  };
}

/** The guards of a compiled pathway, by name. */
export type CaseGuards = ReturnType<typeof caseGuards>;
/** A guard's name. */
export type CaseGuardName = keyof CaseGuards;

/** Name of the machine guard that combines several named guards (all must pass, in order). */
export const allGuards = 'all';

/** The named guards a compiled transition's guard stands for, in the order they are checked. */
export function guardRefsOf(guardConfig: unknown): GuardRef[] {
  if (guardConfig === undefined || guardConfig === null || typeof guardConfig !== 'object') return [];
  const ref = guardConfig as GuardRef;
  if (ref.type === allGuards) return [...((ref.params as { guards?: readonly GuardRef[] } | undefined)?.guards ?? [])];
  return [ref];
}

/** Evaluates named guards in order: `true`, or the first refusal. Unknown names are refused plainly. */
export function checkGuards(registry: Readonly<Record<string, CaseGuard<never>>>, refs: readonly GuardRef[], args: GuardArgs): GuardVerdict {
  for (const ref of refs) {
    const named = own(registry, ref.type);
    if (!named) return refuse('PWY_COMMAND_NOT_ALLOWED', `No guard "${ref.type}" is installed.`);
    const verdict = named.check(args, ref.params as never);
    if (verdict !== true) return verdict;
  }
  return true;
}
