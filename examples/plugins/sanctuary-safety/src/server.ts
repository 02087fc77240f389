// sanctuary-safety/server: handlers for the requests the scheme's hooks return, run on the server
// after the command that emitted them is committed. A failing handler is retried with backoff,
// then becomes an incident someone retries once the provider is back; delivery is at least once,
// so every call passes the request's effectId as the provider's reference. Fictional provider.
import { defineEffectHandlers } from '@pathways/core/server';
import { plugin } from './index.js';

/** What the scheme asks of a provider's booking system; passed in, so tests use an in-memory one. */
export interface SanctuaryProvider {
  /** Books the assessment visit. `reference` is the same on every retry of one request. */
  bookVisit(reference: string, visit: { readonly provider: string; readonly urgent: boolean }): Promise<void>;
  /** Orders the security works the assessment found. */
  orderWorks(reference: string, works: { readonly provider: string; readonly urgent: boolean }): Promise<void>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : String(value));

/** The scheme's handlers, by request type, for the server's effect dispatcher. */
export function createSanctuaryHandlers(provider: SanctuaryProvider) {
  return defineEffectHandlers(plugin, {
    'sanctuary-safety.book-visit': async (request, { effectId }) => {
      await provider.bookVisit(effectId, { provider: text(request.payload.provider), urgent: request.payload.urgent === true });
      return undefined;
    },
    'sanctuary-safety.order-works': async (request, { effectId }) => {
      await provider.orderWorks(effectId, { provider: text(request.payload.provider), urgent: request.payload.urgent === true });
      return undefined;
    },
  });
}
