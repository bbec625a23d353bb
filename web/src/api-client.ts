import { createSpawnClient, SpawnApiError, unwrap, type SpawnClient } from '../../sdk/js/index.ts';
import { extraHeaders } from './request-headers.ts';

/** How long the UI waits for an answer before it shows the call as failed (`NETWORK`). */
export const REQUEST_TIMEOUT_MS = 15_000;

/** A failed API call: `code` is the server's stable error code, or `NETWORK` when nothing answered. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** From the `Retry-After` header of a 429, in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/**
 * sdk/js's typed client on the page's origin (the browser sends the session's cookie), with a
 * timeout and the headers of request-headers.ts (CSRF token, chosen organisation) on every call.
 */
export function typedClient(timeoutMs = REQUEST_TIMEOUT_MS): SpawnClient {
  return createSpawnClient({
    baseUrl: '',
    fetch: async (input, init) => {
      const req = input instanceof Request ? input : new Request(input, init);
      const timeout = AbortSignal.timeout(timeoutMs);
      const headers = new Headers(req.headers);
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      for (const [name, value] of Object.entries(extraHeaders(req.method))) headers.set(name, value);
      try {
        return await fetch(new Request(req, { signal: AbortSignal.any([req.signal, timeout]), headers }));
      } catch (err) {
        // The caller gave up (navigation, unmount): not a failure to show.
        if (req.signal.aborted) throw err;
        throw new ApiRequestError('NETWORK', (err as Error).message, 0);
      }
    },
  });
}

/** The answer's data, or an ApiRequestError with the server's code, message and `Retry-After`. */
export async function read<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return unwrap(await pending);
  } catch (err) {
    if (err instanceof SpawnApiError) throw new ApiRequestError(err.code, err.message, err.status, err.retryAfterSeconds);
    throw err;
  }
}
