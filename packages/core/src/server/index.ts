// The server side of the plugin SDK (`@pathways/core/server`): handlers for the requests plugin
// nodes emit, and the dispatcher that runs them after a command is committed. Kept apart from the
// main entry so plugin definitions stay isomorphic (the designer imports them in a browser).
export { createEffectDispatcher, defineEffectHandlers } from './effect-handlers.js';
export type { DispatchOutcome, EffectDispatcher, EffectDispatcherOptions, EffectHandler, EffectHandlerContext, HandlerIncident, HandlerReply, PluginEffectHandlers } from './effect-handlers.js';
