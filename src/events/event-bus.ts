import type { SessionEvent } from '../api-types.ts';

/**
 * Fans session events out to listeners (SSE connections) in any process. Events are persisted by
 * the orchestrator first; the bus only carries them live, so a subscriber replays from the store
 * and then dedupes by `seq`.
 */
export type EventListener = (event: SessionEvent) => void;

/**
 * Messages between the nodes of one installation, never sent to browsers: API nodes report which
 * api apps their proxy served and ask for paused ones to be woken; workers say when they paused
 * or woke one (scale-to-zero across nodes).
 */
export type NodeMessage =
  | { type: 'app.active'; sessionIds: string[] }
  | { type: 'app.wake'; sessionId: string }
  | { type: 'app.paused'; sessionId: string }
  | { type: 'app.awake'; sessionId: string };
export type NodeListener = (message: NodeMessage) => void;

export interface EventBus {
  readonly kind: 'memory' | 'redis';
  publish(event: SessionEvent): Promise<void>;
  /** Resolves once the subscription is live; call the returned function to unsubscribe. */
  subscribe(sessionId: string, listener: EventListener): Promise<() => void>;
  /** Sends to every node subscribed with subscribeNodes (this one included). */
  publishToNodes(message: NodeMessage): Promise<void>;
  subscribeNodes(listener: NodeListener): Promise<() => void>;
  close(): Promise<void>;
}

export interface EventBusOptions {
  /** `redis://…` selects Redis pub/sub; otherwise the in-process emitter. */
  redisUrl?: string;
  /** Channel prefix; tests use unique ones. */
  channelPrefix?: string;
}
