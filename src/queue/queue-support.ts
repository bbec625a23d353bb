import { SpawnError } from '../errors/index.ts';

/** Rejects with QUEUE_UNAVAILABLE when `promise` has not settled within `timeoutMs`. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SpawnError('QUEUE_UNAVAILABLE', `${what} did not answer within ${timeoutMs} ms: is Redis reachable?`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `base * 2^(attempt-1)` less up to `jitter` of it, the same formula BullMQ's exponential backoff uses. */
export function backoffDelayMs(baseMs: number, failedAttempts: number, jitter = 0.1, random = Math.random): number {
  const maxDelay = Math.round(baseMs * 2 ** (failedAttempts - 1));
  return Math.floor(maxDelay * (1 - jitter) + random() * maxDelay * jitter);
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1_000;
export const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;
export const BACKOFF_JITTER = 0.1; // spreads retries of jobs that failed together

export function checkPositiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer, got ${value}`);
  return value;
}
