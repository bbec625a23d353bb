import { useCallback, useEffect, useState } from 'react';
import type { MessageView, VersionList } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import type { LiveSession } from './use-session-events.ts';

export interface Revisions {
  messages: MessageView[];
  versions: VersionList | null;
  refresh(): Promise<void>;
}

/**
 * The conversation and versions of a running session. Both are re-read whenever the event stream
 * moves a step (an edit streams `editing` → `redeploying` → `edited`), so the preview can remount
 * as soon as the current version changes. An older server without these routes just yields nothing.
 */
export function useRevisions(sessionId: string | null, live: LiveSession, enabled: boolean): Revisions {
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [versions, setVersions] = useState<VersionList | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (!sessionId || !enabled) return;
      const [m, v] = await Promise.allSettled([api.messages(sessionId, signal), api.versions(sessionId, signal)]);
      if (signal?.aborted) return;
      if (m.status === 'fulfilled') setMessages(m.value.messages);
      if (v.status === 'fulfilled') setVersions(v.value);
    },
    [sessionId, enabled],
  );

  useEffect(() => {
    setMessages([]);
    setVersions(null);
  }, [sessionId]);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, live.state, live.step, live.progress]);

  const refresh = useCallback(() => load(), [load]);
  return { messages, versions, refresh };
}
