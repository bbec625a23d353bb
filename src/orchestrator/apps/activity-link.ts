import type { EventBus, NodeMessage } from '../../events/index.ts';
import type { Logger } from '../../log/index.ts';
import type { AppActivity } from './app-activity.ts';

/**
 * Worker side of scale-to-zero across nodes. The proxies of API nodes report the requests they
 * forward and ask for paused apps to be woken over the bus (BusActivityReporter); this applies
 * both to the worker's AppActivity, and announces its pauses and wakes back. Returns the unlink.
 */
export async function linkActivityToNodes(activity: AppActivity, bus: EventBus, logger: Logger): Promise<() => void> {
  const announce = (message: NodeMessage): void => {
    bus.publishToNodes(message).catch((err: unknown) => logger.warn({ err, message }, 'announcing an app pause or wake failed'));
  };
  activity.onPaused = (sessionId) => announce({ type: 'app.paused', sessionId });
  const unsubscribe = await bus.subscribeNodes((message) => {
    if (message.type === 'app.active') activity.touch(message.sessionIds);
    else if (message.type === 'app.wake' && activity.tracks(message.sessionId)) {
      // Announced even when resuming failed: the proxy stops waiting, the health monitor takes over.
      void activity
        .wake(message.sessionId)
        .catch((err: unknown) => logger.warn({ err, sessionId: message.sessionId }, 'resuming a paused app failed'))
        .finally(() => announce({ type: 'app.awake', sessionId: message.sessionId }));
    }
  });
  // Requests are seen from now on (whichever node proxies them), so idle apps may pause.
  activity.proxyAttached();
  return () => {
    unsubscribe();
    activity.onPaused = undefined;
  };
}
