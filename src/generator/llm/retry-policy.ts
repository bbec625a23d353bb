import { APICallError } from 'ai';
import { isSpawnError } from '../../errors/index.ts';
import { ModelConfigError } from './provider-factory.ts';

/** No stream chunk arrived for `stallTimeoutMs`: the call was aborted and may be retried. */
export class StreamStallError extends Error {
  override readonly name = 'StreamStallError';
  constructor(readonly stallTimeoutMs: number) {
    super(`the model stream stalled: no data for ${stallTimeoutMs} ms`);
  }
}

/**
 * `retry`: transient (429, 5xx, overload, connection, stall) — try the same model again after a
 * backoff. `next`: this model will not answer (400, 401, missing key) — move down the chain.
 * `fatal`: our own verdict on the answer (unsafe path, too large, budget) — stop everything.
 */
export type ErrorVerdict = 'retry' | 'next' | 'fatal';

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529]);
const RETRYABLE_STREAM_ERROR_TYPES = new Set(['overloaded_error', 'api_error', 'rate_limit_error', 'server_error', 'timeout_error']);
const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EAI_AGAIN|socket hang up|fetch failed|terminated|other side closed|network/i;

export function classifyError(error: unknown): ErrorVerdict {
  if (isSpawnError(error)) return 'fatal';
  if (error instanceof StreamStallError) return 'retry';
  if (error instanceof ModelConfigError) return 'next';
  if (APICallError.isInstance(error)) {
    if (error.statusCode !== undefined) return RETRYABLE_STATUS.has(error.statusCode) ? 'retry' : 'next';
    return error.isRetryable ? 'retry' : 'next';
  }
  // Errors sent inside an already-open stream arrive as the provider's plain error object.
  const type = errorType(error);
  if (type !== undefined) return RETRYABLE_STREAM_ERROR_TYPES.has(type) ? 'retry' : 'next';
  return CONNECTION_ERROR.test(describeError(error)) ? 'retry' : 'next';
}

/** Exponential backoff with jitter: base·2^attempt scaled by 0.5–1.5, capped; honours Retry-After. */
export function backoffDelayMs(attempt: number, baseDelayMs: number, error: unknown, maxDelayMs = 30_000): number {
  const exponential = baseDelayMs * 2 ** attempt * (0.5 + Math.random());
  return Math.min(maxDelayMs, Math.max(exponential, retryAfterMs(error)));
}

function retryAfterMs(error: unknown): number {
  if (!APICallError.isInstance(error)) return 0;
  const header = error.responseHeaders?.['retry-after'];
  const seconds = header === undefined ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function errorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || error instanceof Error) return undefined;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

/** A short human description, used in log lines and in the final GENERATION_FAILED message. */
export function describeError(error: unknown): string {
  if (APICallError.isInstance(error)) {
    return error.statusCode === undefined ? error.message : `HTTP ${error.statusCode}: ${error.message}`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  if (typeof error === 'object' && error !== null) {
    const { type, message } = error as { type?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof type === 'string' ? `${type}: ${message}` : message;
  }
  return String(error);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
