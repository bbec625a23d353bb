import type { SessionEvent, SessionEventType } from '../../api-types.ts';
import type { EventBus } from '../../events/index.ts';
import type { GenerationEvent } from '../../generator/index.ts';
import type { Logger } from '../../log/index.ts';
import type { StoredEvent, Store } from '../../store/index.ts';

/** Stored events are read this many at a time, so a long log never lands in memory at once. */
const REPLAY_BATCH = 500;
/** Safety net for a missed live message (bus blip): re-read the log this often. */
const CATCH_UP_MS = 5_000; // 5 s

export function toSessionEvent(e: StoredEvent): SessionEvent {
  return { seq: e.seq, sessionId: e.sessionId, type: e.type, at: e.at.toISOString(), data: e.data };
}

function isTerminal(e: SessionEvent): boolean {
  return e.type === 'state' && (e.data.state === 'destroyed' || e.data.state === 'failed');
}

/**
 * Records a session event (the database is the log users replay) and then fans it out live.
 * A failed publish only delays delivery until the next replay, so it is logged, not thrown.
 */
export class SessionEvents {
  readonly #store: Store;
  readonly #bus: EventBus;
  readonly #logger: Logger;
  readonly #observers: ((sessionId: string, type: SessionEventType, data: Record<string, unknown>) => void)[] = [];

  constructor(store: Store, bus: EventBus, logger: Logger) {
    this.#store = store;
    this.#bus = bus;
    this.#logger = logger;
  }

  async emit(sessionId: string, type: SessionEventType, data: Record<string, unknown>): Promise<SessionEvent> {
    const stored = await this.#store.events.append(sessionId, type, data);
    const event = toSessionEvent(stored);
    for (const observe of this.#observers) observe(sessionId, type, data);
    // Not awaited: with Redis down a publish waits for its timeout, and that must not hold up
    // state transitions or API answers. Subscribers re-read the stored log, so nothing is lost.
    this.#bus.publish(event).catch((err: unknown) => {
      this.#logger.warn({ err, sessionId }, 'event publish failed; subscribers will see it on replay');
    });
    return event;
  }

  /** Called with every event recorded by this node, after it is stored (webhooks and alerts). */
  observe(observer: (sessionId: string, type: SessionEventType, data: Record<string, unknown>) => void): void {
    this.#observers.push(observer);
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

  /**
   * A session's events after `afterSeq`: the stored log, then live. The store is the order of
   * record: a live message (or the periodic catch-up) only wakes a read of what follows the last
   * seq yielded, so nothing is skipped or yielded twice. Ends after a terminal state or when
   * `signal` aborts, and always unsubscribes and clears its timer.
   *
   * @example
   * for await (const e of events.follow(id, lastEventId, request.signal)) sse.send(e);
   */
  async *follow(sessionId: string, afterSeq: number, signal: AbortSignal): AsyncGenerator<SessionEvent> {
    let last = afterSeq;
    // Set by a live message or the timer while a read or the consumer is busy: no wake-up is lost.
    let pending: boolean;
    let wake: (() => void) | null = null;
    const nudge = (): void => {
      pending = true;
      wake?.();
    };
    const onAbort = (): void => wake?.();
    signal.addEventListener('abort', onAbort);
    const catchUp = setInterval(nudge, CATCH_UP_MS);
    let unsubscribe: (() => void) | null = null;
    try {
      // Subscribed before the first read: an event appended in between is then read or announced.
      const off = await this.#bus.subscribe(sessionId, (e) => {
        if (e.seq > last) nudge();
      });
      unsubscribe = off;
      while (!signal.aborted) {
        pending = false;
        for (let full = true; full && !signal.aborted; ) {
          const batch = await this.#store.events.list(sessionId, last, REPLAY_BATCH);
          full = batch.length === REPLAY_BATCH;
          for (const stored of batch) {
            const event = toSessionEvent(stored);
            last = event.seq;
            yield event;
            if (isTerminal(event) || signal.aborted) return;
          }
        }
        if (pending || signal.aborted) continue;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    } finally {
      clearInterval(catchUp);
      signal.removeEventListener('abort', onAbort);
      unsubscribe?.();
    }
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
