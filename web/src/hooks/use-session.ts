import { useCallback, useEffect, useState } from 'react';
import { ACTIVE_STATES, type SessionView } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { errorOf } from '../format.ts';

const POLL_MS = 10_000;

export interface SessionSnapshot {
  session: SessionView | null;
  error: { code: string; message: string } | null;
  refresh(): Promise<void>;
  replace(view: SessionView): void;
}

/**
 * The session's REST view (URL, expiry, costs). Refetched when `trigger` changes (the SSE state)
 * and polled while active, since expiry and reaping happen server-side without an event to us.
 */
export function useSession(sessionId: string | null, trigger: unknown): SessionSnapshot {
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<SessionSnapshot['error']>(null);

  const refresh = useCallback(async () => {
    if (!sessionId) return;
    try {
      const view = await api.getSession(sessionId);
      setSession(view);
      setError(null);
    } catch (err) {
      setError(errorOf(err));
    }
  }, [sessionId]);

  useEffect(() => {
    setSession(null);
    setError(null);
  }, [sessionId]);

  useEffect(() => {
    void refresh();
  }, [refresh, trigger]);

  const active = session !== null && (ACTIVE_STATES as readonly string[]).includes(session.state);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [active, refresh]);

  return { session, error, refresh, replace: setSession };
}
