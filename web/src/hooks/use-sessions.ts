import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../../src/api-types.ts';
import { api } from '../api.ts';

const POLL_MS = 15_000;
const CACHE_KEY = 'spawnai.sessions';

function cached(): SessionView[] {
  try {
    return JSON.parse(localStorage.getItem(CACHE_KEY) ?? '[]') as SessionView[];
  } catch {
    return [];
  }
}

/**
 * The session list, kept in localStorage so the page still shows it offline. `orgId` is the
 * organisation the list belongs to: a switch reloads it at once.
 */
export function useSessions(orgId: string | null): { sessions: SessionView[]; refresh(): Promise<void> } {
  const [sessions, setSessions] = useState<SessionView[]>(cached);
  const refresh = useCallback(async () => {
    try {
      const list = await api.listSessions();
      setSessions(list.sessions);
      localStorage.setItem(CACHE_KEY, JSON.stringify(list.sessions));
    } catch {
      // Keep showing the last list: the offline banner or the session panel explains the failure.
    }
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, orgId]);
  return { sessions, refresh };
}
