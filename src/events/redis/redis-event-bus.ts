import type { SessionEvent } from '../../api-types.ts';
import { connectRedis, type Redis } from '../../redis/index.ts';
import type { EventBus, EventListener, NodeListener, NodeMessage } from '../event-bus.ts';
import { DEFAULT_CHANNEL_PREFIX, guarded, warnListenerError, warnNodeListenerError, withTimeout, type EventBusImplOptions } from '../event-bus-support.ts';

type RawListener = (value: unknown) => void;

const OP_TIMEOUT_MS = 5_000;

// ioredis reconnects (and re-subscribes) by itself; commands issued meanwhile fail by timeout.
const ignoreError = (): void => {};

/**
 * Redis pub/sub: every node sees every other node's events. All subscriptions of a process share
 * one subscriber connection; a channel (`<prefix>:session:<id>`, or `<prefix>:nodes` for node
 * messages) is SUBSCRIBEd on its first listener and UNSUBSCRIBEd after its last one leaves.
 */
export class RedisEventBus implements EventBus {
  readonly kind = 'redis' as const;
  readonly #redisUrl: string;
  readonly #prefix: string;
  readonly #onListenerError: (err: unknown, event: SessionEvent) => void;
  readonly #channels = new Map<string, { listeners: Set<RawListener>; live: Promise<unknown> }>();
  #publisher: Redis | undefined;
  #subscriber: Redis | undefined;
  #closed = false;

  constructor(options: EventBusImplOptions & { redisUrl: string }) {
    this.#redisUrl = options.redisUrl;
    this.#prefix = options.channelPrefix ?? DEFAULT_CHANNEL_PREFIX;
    this.#onListenerError = options.onListenerError ?? warnListenerError;
  }

  publish(event: SessionEvent): Promise<void> {
    return this.#publish(this.#channel(event.sessionId), event);
  }

  subscribe(sessionId: string, listener: EventListener): Promise<() => void> {
    const own = guarded(listener, this.#onListenerError);
    return this.#listen(this.#channel(sessionId), (value) => own(value as SessionEvent));
  }

  publishToNodes(message: NodeMessage): Promise<void> {
    return this.#publish(`${this.#prefix}:nodes`, message);
  }

  subscribeNodes(listener: NodeListener): Promise<() => void> {
    const own = guarded(listener, warnNodeListenerError);
    return this.#listen(`${this.#prefix}:nodes`, (value) => own(value as NodeMessage));
  }

  async #publish(channel: string, value: unknown): Promise<void> {
    this.#assertOpen();
    this.#publisher ??= this.#connect();
    await withTimeout(this.#publisher.publish(channel, JSON.stringify(value)), OP_TIMEOUT_MS, 'publish');
  }

  /** `own` is this subscription's own function, so the same listener may subscribe twice. */
  async #listen(channel: string, own: RawListener): Promise<() => void> {
    this.#assertOpen();
    const subscriber = this.#subscriberConnection();
    let entry = this.#channels.get(channel);
    if (!entry) {
      entry = { listeners: new Set(), live: subscriber.subscribe(channel) };
      this.#channels.set(channel, entry);
    }
    const { listeners, live } = entry;
    listeners.add(own);
    const unsubscribe = (): void => {
      if (!listeners.delete(own) || listeners.size > 0 || this.#channels.get(channel)?.listeners !== listeners) return;
      this.#channels.delete(channel);
      // Commands on one connection run in order, so a later re-SUBSCRIBE still wins.
      if (!this.#closed) subscriber.unsubscribe(channel).catch(ignoreError);
    };
    try {
      await withTimeout(live, OP_TIMEOUT_MS, 'subscribe');
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#channels.clear();
    await Promise.all(
      [this.#publisher, this.#subscriber].map((connection) =>
        connection ? withTimeout(connection.quit(), OP_TIMEOUT_MS, 'quit').catch(() => connection.disconnect()) : undefined,
      ),
    );
  }

  #subscriberConnection(): Redis {
    if (!this.#subscriber) {
      const subscriber = this.#connect();
      subscriber.on('message', (channel: string, message: string) => this.#onMessage(channel, message));
      this.#subscriber = subscriber;
    }
    return this.#subscriber;
  }

  #onMessage(channel: string, message: string): void {
    const entry = this.#channels.get(channel);
    if (!entry) return;
    let value: unknown;
    try {
      value = JSON.parse(message);
    } catch {
      // Not one of ours (someone else published on the channel): nothing to deliver.
      process.emitWarning(`ignored a message on ${channel} that is not JSON`, { code: 'SPAWNAI_EVENT_INVALID' });
      return;
    }
    for (const listener of [...entry.listeners]) listener(value);
  }

  #connect(): Redis {
    return connectRedis(this.#redisUrl, { connectTimeoutMs: OP_TIMEOUT_MS });
  }

  #channel(sessionId: string): string {
    return `${this.#prefix}:session:${sessionId}`;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('the event bus is closed');
  }
}
