import type { SessionEvent, SessionEventType } from '../api-types.ts';
import type { EventBus } from '../events/index.ts';
import type { GenerationEvent } from '../generator/index.ts';
import type { Logger } from '../log/index.ts';
import type { StoredEvent, Store } from '../store/index.ts';

export function toSessionEvent(e: StoredEvent): SessionEvent {
  return { seq: e.seq, sessionId: e.sessionId, type: e.type, at: e.at.toISOString(), data: e.data };
}

/**
 * Records a session event (the database is the log users replay) and then fans it out live.
 * A failed publish only delays delivery until the next replay, so it is logged, not thrown.
 */
export class SessionEvents {
  readonly #store: Store;
  readonly #bus: EventBus;
  readonly #logger: Logger;

  constructor(store: Store, bus: EventBus, logger: Logger) {
    this.#store = store;
    this.#bus = bus;
    this.#logger = logger;
  }

  async emit(sessionId: string, type: SessionEventType, data: Record<string, unknown>): Promise<SessionEvent> {
    const stored = await this.#store.events.append(sessionId, type, data);
    const event = toSessionEvent(stored);
    // Not awaited: with Redis down a publish waits for its timeout, and that must not hold up
    // state transitions or API answers. Subscribers re-read the stored log, so nothing is lost.
    this.#bus.publish(event).catch((err: unknown) => {
      this.#logger.warn({ err, sessionId }, 'event publish failed; subscribers will see it on replay');
    });
    return event;
  }

  log(sessionId: string, message: string, level: 'info' | 'warn' | 'error' = 'info'): Promise<SessionEvent> {
    return this.emit(sessionId, 'log', { level, message });
  }

  /**
   * Records an event without waiting, for streams (app output, generation progress): with the
   * database down such events are dropped and logged — never an unhandled rejection that would
   * take the worker down.
   */
  fire(sessionId: string, type: SessionEventType, data: Record<string, unknown>): void {
    this.emit(sessionId, type, data).catch((err: unknown) => this.#logger.warn({ err, sessionId, type }, 'session event dropped'));
  }

  fireLog(sessionId: string, message: string, level: 'info' | 'warn' | 'error' = 'info'): void {
    this.fire(sessionId, 'log', { level, message });
  }

  /** Forwards a generator's file, log and progress events; progress maps the 0..1 fraction. */
  forwardGeneration(sessionId: string, step: string, toProgress: (fraction: number) => number): (event: GenerationEvent) => void {
    let last = 0;
    return (e) => {
      if (e.type === 'file' && e.status !== 'writing') this.fire(sessionId, 'file', { path: e.path, status: e.status, bytes: e.bytes });
      else if (e.type === 'log') this.fireLog(sessionId, e.message);
      else if (e.type === 'progress') {
        const progress = toProgress(e.fraction);
        if (progress > last + 4) {
          last = progress;
          this.fire(sessionId, 'progress', { progress, step });
        }
      }
    };
  }
}
