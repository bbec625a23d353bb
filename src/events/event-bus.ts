import type { SessionEvent } from '../api-types.ts';

/**
 * Fans session events out to listeners (SSE connections) in any process. Events are persisted by
 * the orchestrator first; the bus only carries them live, so a subscriber replays from the store
 * and then dedupes by `seq`.
 */
export type EventListener = (event: SessionEvent) => void;

export interface EventBus {
  readonly kind: 'memory' | 'redis';
  publish(event: SessionEvent): Promise<void>;
  /** Resolves once the subscription is live; call the returned function to unsubscribe. */
  subscribe(sessionId: string, listener: EventListener): Promise<() => void>;
  close(): Promise<void>;
}

export interface EventBusOptions {
  /** `redis://…` selects Redis pub/sub; otherwise the in-process emitter. */
  redisUrl?: string;
  /** Channel prefix; tests use unique ones. */
  channelPrefix?: string;
}
