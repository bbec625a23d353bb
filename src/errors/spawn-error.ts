import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

/** Base of every domain error: a stable code, its HTTP status, and structured details. */
export class SpawnError extends Error {
  override readonly name = 'SpawnError';
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: Record<string, unknown> | undefined;
  /** Seconds after which a retry may succeed (sent as `Retry-After` on 429/503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { cause?: unknown; details?: Record<string, unknown>; retryAfterSeconds?: number } = {},
  ) {
    super(message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.code = code;
    this.statusCode = ERROR_CODES[code].status;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isSpawnError(err: unknown): err is SpawnError {
  return err instanceof SpawnError;
}

/** Maps anything thrown to a SpawnError, keeping the original as `cause`. */
export function toSpawnError(err: unknown, fallback: ErrorCode = 'INTERNAL_ERROR'): SpawnError {
  if (err instanceof SpawnError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SpawnError(fallback, message, { cause: err });
}
