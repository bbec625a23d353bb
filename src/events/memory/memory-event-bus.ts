import { EventEmitter } from 'node:events';
import type { SessionEvent } from '../../api-types.ts';
import type { EventBus, EventListener } from '../event-bus.ts';
import { warnListenerError, type EventBusImplOptions } from '../event-bus-support.ts';

/** The embedded bus: events reach listeners in this process only, synchronously on publish. */
export class MemoryEventBus implements EventBus {
  readonly kind = 'memory' as const;
  readonly #emitter = new EventEmitter();
  readonly #onListenerError: (err: unknown, event: SessionEvent) => void;
  #closed = false;

  constructor(options: EventBusImplOptions = {}) {
    // One listener per open SSE connection: many per session is normal, not a leak.
    this.#emitter.setMaxListeners(0);
    this.#onListenerError = options.onListenerError ?? warnListenerError;
  }

  async publish(event: SessionEvent): Promise<void> {
    if (this.#closed) throw new Error('the event bus is closed');
    this.#emitter.emit(event.sessionId, event);
  }

  async subscribe(sessionId: string, listener: EventListener): Promise<() => void> {
    if (this.#closed) throw new Error('the event bus is closed');
    const guarded = (event: SessionEvent): void => {
      try {
        listener(event);
      } catch (err) {
        this.#onListenerError(err, event);
      }
    };
    this.#emitter.on(sessionId, guarded);
    return () => {
      this.#emitter.off(sessionId, guarded);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#emitter.removeAllListeners();
  }
}
