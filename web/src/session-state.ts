import type { SessionState, SessionView } from '../../src/api-types.ts';
import type { LiveSession } from './hooks/use-session-events.ts';

/**
 * The state to show: the event stream is fresher than the last REST snapshot, except once the
 * snapshot has moved on to destruction (a destroy answered by the API before its event arrives).
 */
export function effectiveState(session: SessionView, live: LiveSession): SessionState {
  if (session.state === 'destroyed' || session.state === 'destroying') return session.state;
  return live.state ?? session.state;
}
