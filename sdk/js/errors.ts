/** A failed call: `code` is the server's stable error code (`HTTP_<status>` when it sent none). */
export class SpawnApiError extends Error {
  override readonly name = 'SpawnApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From `Retry-After` (429/503), in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** The answer's data, or a SpawnApiError with the server's code and message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { response } = result;
  if (response.ok) return result.data as T;
  const error = (result.error as { error?: { code?: string; message?: string } } | undefined)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new SpawnApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, retryAfter > 0 ? retryAfter : null);
}
