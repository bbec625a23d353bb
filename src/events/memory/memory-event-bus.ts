import { EventEmitter } from 'node:events';
import type { SessionEvent } from '../../api-types.ts';
import type { EventBus, EventListener, NodeListener, NodeMessage } from '../event-bus.ts';
import { guarded, warnListenerError, warnNodeListenerError, type EventBusImplOptions } from '../event-bus-support.ts';

/** Session ids never contain a NUL: this event name cannot collide with one. */
const NODES = '\0nodes';

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
    const own = guarded(listener, this.#onListenerError);
    return this.#on(sessionId, (value) => own(value as SessionEvent));
  }

  async publishToNodes(message: NodeMessage): Promise<void> {
    if (this.#closed) throw new Error('the event bus is closed');
    this.#emitter.emit(NODES, message);
  }

  async subscribeNodes(listener: NodeListener): Promise<() => void> {
    const own = guarded(listener, warnNodeListenerError);
    return this.#on(NODES, (value) => own(value as NodeMessage));
  }

  #on(name: string, listener: (value: unknown) => void): () => void {
    if (this.#closed) throw new Error('the event bus is closed');
    this.#emitter.on(name, listener);
    return () => {
      this.#emitter.off(name, listener);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#emitter.removeAllListeners();
  }
}
