import type { SessionEvent } from '../api-types.ts';
import type { EventBusOptions } from './event-bus.ts';

export const DEFAULT_CHANNEL_PREFIX = 'spawnai';

/** Implementation options beyond the contract's. */
export interface EventBusImplOptions extends EventBusOptions {
  /** Called when a listener throws; defaults to a process warning. Other listeners still run. */
  onListenerError?: (err: unknown, event: SessionEvent) => void;
}

export function warnListenerError(err: unknown, event: SessionEvent): void {
  const reason = err instanceof Error ? err.message : String(err);
  process.emitWarning(`a listener of session ${event.sessionId} threw: ${reason}`, { code: 'SPAWNAI_EVENT_LISTENER' });
}

export function warnNodeListenerError(err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  process.emitWarning(`a node message listener threw: ${reason}`, { code: 'SPAWNAI_EVENT_LISTENER' });
}

/** Wraps a listener so that one that throws neither stops the others nor fails the publisher. */
export function guarded<T>(listener: (value: T) => void, onError: (err: unknown, value: T) => void): (value: T) => void {
  return (value) => {
    try {
      listener(value);
    } catch (err) {
      onError(err, value);
    }
  };
}

/** Rejects when `promise` has not settled within `timeoutMs` (Redis unreachable or stuck). */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`event bus: ${what} got no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
