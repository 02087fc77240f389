import type { AnyPluginDefinition, PluginJson } from '../model/plugin-definition.js';
import type { Effect, PluginRequest } from '../model/effects.js';

// A plugin's server side: handlers for the requests its nodes emit (`plugin.request` effects).
// They run after the command that emitted the request is committed, so they can never refuse
// it: a failing handler is retried with backoff, then becomes an incident someone retries once
// the cause is fixed. Handlers must be idempotent by `effectId` (delivery is at least once).

/** What a handler is told besides the request. */
export interface EffectHandlerContext {
  readonly caseId: string;
  readonly effectId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** `name@version` of the plugin that emitted the request. */
  readonly plugin: string;
}

/** Events a handler sends back to the case (e.g. an answer from a service), for the runtime to send as commands. */
export interface HandlerReply {
  readonly events?: readonly { readonly type: string; readonly payload: Readonly<Record<string, PluginJson>> }[];
}

export type EffectHandler = (request: PluginRequest, context: EffectHandlerContext) => Promise<HandlerReply | undefined>;

/** A plugin's handlers, by request type. */
export interface PluginEffectHandlers {
  /** The plugin's name. */
  readonly plugin: string;
  readonly handlers: Readonly<Record<string, EffectHandler>>;
}

/** Declares a plugin's server-side handlers, by the request types its hooks emit. */
export function defineEffectHandlers(plugin: Pick<AnyPluginDefinition, 'name'>, handlers: Readonly<Record<string, EffectHandler>>): PluginEffectHandlers {
  return { plugin: plugin.name, handlers };
}

/** A request whose handler kept failing: the command stays committed; retry it once the cause is fixed. */
export interface HandlerIncident {
  readonly code: 'PWY_PLUGIN_HANDLER_FAILED';
  readonly incidentId: string;
  readonly caseId: string;
  readonly request: PluginRequest;
  readonly plugin: string;
  readonly attempts: number;
  readonly error: string;
}

/** What became of one request. */
export type DispatchOutcome =
  | { readonly effectId: string; readonly status: 'handled'; readonly attempts: number; readonly reply?: HandlerReply }
  | { readonly effectId: string; readonly status: 'unhandled'; readonly reason: string }
  | { readonly effectId: string; readonly status: 'incident'; readonly incident: HandlerIncident };

export interface EffectDispatcherOptions {
  readonly handlers: readonly PluginEffectHandlers[];
  /** Attempts before an incident (5), and the backoff: baseDelayMs × 2^(attempt−1), at most maxDelayMs. */
  readonly retry?: { readonly attempts?: number; readonly baseDelayMs?: number; readonly maxDelayMs?: number };
  /** How to wait between attempts (tests pass one that does not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface EffectDispatcher {
  /** Handles the `plugin.request` effects of one committed command, in order; other effects are not its business. */
  dispatch(caseId: string, effects: readonly Effect[]): Promise<DispatchOutcome[]>;
  /** Incidents still open. */
  readonly incidents: readonly HandlerIncident[];
  /** Tries an incident's request again (with the same retries); closes the incident when it succeeds. */
  retry(incidentId: string): Promise<DispatchOutcome>;
}

// Core is isomorphic and loads neither Node's nor the DOM's types; both runtimes have setTimeout.
const { setTimeout: schedule } = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };
const defaultSleep = (ms: number) => new Promise<void>((resolve) => void schedule(resolve, ms));

/** An in-memory dispatcher (the durable outbox of the server uses the same handlers and outcomes). */
export function createEffectDispatcher(options: EffectDispatcherOptions): EffectDispatcher {
  const attempts = options.retry?.attempts ?? 5;
  const base = options.retry?.baseDelayMs ?? 200;
  const max = options.retry?.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const byPlugin = new Map(options.handlers.map((set) => [set.plugin, set.handlers]));
  const incidents = new Map<string, HandlerIncident>();

  async function handle(caseId: string, request: PluginRequest): Promise<DispatchOutcome> {
    const name = request.plugin.split('@')[0]!;
    const handler = byPlugin.get(name)?.[request.request];
    if (!handler) return { effectId: request.effectId, status: 'unhandled', reason: `No handler for "${request.request}" of ${request.plugin} is installed.` };
    let error = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const reply = await handler(request, { caseId, effectId: request.effectId, attempt, plugin: request.plugin });
        incidents.delete(`${caseId}:handler:${request.effectId}`);
        return { effectId: request.effectId, status: 'handled', attempts: attempt, ...(reply ? { reply } : {}) };
      } catch (failure) {
        error = failure instanceof Error ? failure.message : String(failure);
        if (attempt < attempts) await sleep(Math.min(max, base * 2 ** (attempt - 1)));
      }
    }
    const incident: HandlerIncident = { code: 'PWY_PLUGIN_HANDLER_FAILED', incidentId: `${caseId}:handler:${request.effectId}`, caseId, request, plugin: request.plugin, attempts, error };
    incidents.set(incident.incidentId, incident);
    return { effectId: request.effectId, status: 'incident', incident };
  }

  return {
    async dispatch(caseId, effects) {
      const outcomes: DispatchOutcome[] = [];
      for (const effect of effects) if (effect.type === 'plugin.request') outcomes.push(await handle(caseId, effect));
      return outcomes;
    },
    get incidents() {
      return [...incidents.values()];
    },
    async retry(incidentId) {
      const incident = incidents.get(incidentId);
      if (!incident) return { effectId: incidentId, status: 'unhandled', reason: `No open incident "${incidentId}".` };
      return handle(incident.caseId, incident.request);
    },
  };
}
