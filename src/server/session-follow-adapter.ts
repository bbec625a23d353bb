/**
 * TEMPORARY (issue 11): the SSE replay that used to live in the events route, shaped as the
 * session-events service's `follow()`. At merge it is deleted and `platform.sessionEvents` is
 * passed to the events plugin instead; nothing else imports this file.
 */
import type { SessionEvent } from '../api-types.ts';
import type { EventBus } from '../events/index.ts';
import { toSessionEvent } from '../orchestrator/index.ts';
import type { Store } from '../store/index.ts';
import type { SessionEventFollower } from './routes/event-routes.ts';

const BATCH = 500;
/** Safety net for a missed live message (bus blip): re-read the log this often. */
const CATCH_UP_MS = 5_000;

function isTerminal(e: SessionEvent): boolean {
  return e.type === 'state' && (e.data.state === 'destroyed' || e.data.state === 'failed');
}

/**
 * The store is the order of record: a live message only triggers a read of what follows the last
 * event yielded, so nothing is skipped or yielded twice.
 */
export function sessionFollowAdapter(deps: { events: Pick<Store['events'], 'list'>; bus: Pick<EventBus, 'subscribe'> }): SessionEventFollower {
  return {
    async *follow(sessionId, afterSeq, signal) {
      let sent = afterSeq;
      let dirty = true;
      let wake: (() => void) | null = null;
      const nudge = (): void => {
        dirty = true;
        wake?.();
      };
      const unsubscribe = await deps.bus.subscribe(sessionId, (e) => {
        if (e.seq > sent) nudge();
      });
      const catchUp = setInterval(nudge, CATCH_UP_MS);
      signal.addEventListener('abort', nudge);
      try {
        while (!signal.aborted) {
          if (!dirty) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          dirty = false;
          for (;;) {
            const batch = await deps.events.list(sessionId, sent, BATCH);
            for (const stored of batch) {
              if (signal.aborted) return;
              const e = toSessionEvent(stored);
              sent = e.seq;
              yield e;
              if (isTerminal(e)) return;
            }
            if (batch.length < BATCH) break;
          }
        }
      } finally {
        clearInterval(catchUp);
        signal.removeEventListener('abort', nudge);
        unsubscribe();
      }
    },
  };
}
