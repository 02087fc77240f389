import { useSyncExternalStore } from 'react';
import type { DesignerSession, SessionSnapshot } from '../core/session.js';

/** The session's current snapshot; re-renders on every change (a thin hook over the plain-TypeScript session). */
export function useSession(session: DesignerSession): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
