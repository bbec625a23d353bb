import type {
  AppType,
  ConfigView,
  CreatedSession,
  CreateSessionRequest,
  SessionList,
  SessionView,
} from '../../src/api-types.ts';

const REQUEST_TIMEOUT_MS = 15_000;

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

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError('NETWORK', (err as Error).message, 0);
  }
  const text = await res.text();
  const json: unknown = text ? safeParse(text) : null;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ApiRequestError(
      error?.code ?? `HTTP_${res.status}`,
      error?.message ?? res.statusText,
      res.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

export const api = {
  config: (signal?: AbortSignal) => request<ConfigView>('GET', '/api/config', undefined, signal),
  listSessions: (signal?: AbortSignal) => request<SessionList>('GET', '/api/sessions', undefined, signal),
  getSession: (id: string, signal?: AbortSignal) => request<SessionView>('GET', sessionPath(id), undefined, signal),
  createSession: (prompt: string, appType: AppType | undefined, ttlSeconds: number | undefined) =>
    request<CreatedSession>('POST', '/api/sessions', { prompt, appType, ttlSeconds } satisfies CreateSessionRequest),
  destroySession: (id: string) => request<unknown>('DELETE', sessionPath(id)),
  extendSession: (id: string, ttlSeconds: number) => request<SessionView>('POST', `${sessionPath(id)}/extend`, { ttlSeconds }),
  eventsUrl: (id: string) => `${sessionPath(id)}/events`,
  /** True when an optional route (added by later API versions) exists; 404/405 mean "not yet". */
  async hasRoute(path: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await request<unknown>('GET', path, undefined, signal);
      return true;
    } catch (err) {
      return !(err instanceof ApiRequestError && (err.status === 404 || err.status === 405 || err.status === 0));
    }
  },
};
