import type {
  AppType,
  ConfigView,
  CreatedSession,
  CreateSessionRequest,
  ExecuteFunctionRequest,
  FunctionList,
  MessageList,
  PostedMessage,
  PostMessageRequest,
  QueuedTask,
  RestoredVersion,
  SessionList,
  SessionView,
  StudyView,
  TaskView,
  FileList,
  VersionList,
  UsageView,
  MeView,
} from '../../src/api-types.ts';

import { createSpawnClient, SpawnApiError, unwrap } from '../../sdk/js/index.ts';
import { extraHeaders, orgOverride } from './request-headers.ts';

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

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { ...extraHeaders(method), ...(body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' }) },
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

/**
 * sdk/js's typed client on the page's origin (the browser sends the session's credentials), with
 * the same timeout and error shape as `request()`. Function, task, study and file reads go through it.
 */
const typed = createSpawnClient({
  baseUrl: '',
  fetch: async (input, init) => {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const req = input instanceof Request ? input : new Request(input, init);
    const headers = new Headers(req.headers);
    for (const [name, value] of Object.entries(extraHeaders(req.method))) headers.set(name, value);
    try {
      return await fetch(new Request(req, { signal, headers }));
    } catch (err) {
      if (init?.signal?.aborted || req.signal.aborted) throw err;
      throw new ApiRequestError('NETWORK', (err as Error).message, 0);
    }
  },
});

async function read<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return unwrap(await pending);
  } catch (err) {
    if (err instanceof SpawnApiError) throw new ApiRequestError(err.code, err.message, err.status, err.retryAfterSeconds);
    throw err;
  }
}

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

export const api = {
  /** Who is calling: the user, their organisations, the current one (and a cookie session's CSRF token). */
  me: (signal?: AbortSignal) => request<MeView>('GET', '/api/me', undefined, signal),
  usage: (orgId: string, groupBy: 'day' | 'user' | 'model' | 'appType', signal?: AbortSignal) =>
    request<UsageView>('GET', `/api/orgs/${encodeURIComponent(orgId)}/usage?groupBy=${groupBy}`, undefined, signal),
  config: (signal?: AbortSignal) => request<ConfigView>('GET', '/api/config', undefined, signal),
  listSessions: (signal?: AbortSignal) => request<SessionList>('GET', '/api/sessions', undefined, signal),
  getSession: (id: string, signal?: AbortSignal) => request<SessionView>('GET', sessionPath(id), undefined, signal),
  createSession: (prompt: string, appType: AppType | undefined, ttlSeconds: number | undefined, image?: CreateSessionRequest['image']) =>
    request<CreatedSession>('POST', '/api/sessions', { prompt, appType, ttlSeconds, ...(image ? { image } : {}) } satisfies CreateSessionRequest),
  destroySession: (id: string) => request<unknown>('DELETE', sessionPath(id)),
  extendSession: (id: string, ttlSeconds: number) => request<SessionView>('POST', `${sessionPath(id)}/extend`, { ttlSeconds }),
  postMessage: (id: string, prompt: string) => request<PostedMessage>('POST', `${sessionPath(id)}/messages`, { prompt } satisfies PostMessageRequest),
  messages: (id: string, signal?: AbortSignal) => request<MessageList>('GET', `${sessionPath(id)}/messages`, undefined, signal),
  versions: (id: string, signal?: AbortSignal) => request<VersionList>('GET', `${sessionPath(id)}/versions`, undefined, signal),
  restoreVersion: (id: string, version: number) => request<RestoredVersion>('POST', `${sessionPath(id)}/versions/${version}/restore`),
  listFunctions: (signal?: AbortSignal): Promise<FunctionList> => read(typed.GET('/api/functions', { signal })),
  /** Answers the finished task when it ends within `waitSeconds`, else the queued task's id. */
  executeFunction: (id: string, inputs: Record<string, unknown>, waitSeconds: number) =>
    request<TaskView | QueuedTask>(
      'POST',
      `/api/functions/${encodeURIComponent(id)}/execute`,
      { inputs, wait: waitSeconds } satisfies ExecuteFunctionRequest,
      undefined,
      (waitSeconds + 10) * 1000,
    ),
  getTask: (id: string): Promise<TaskView> => read(typed.GET('/api/tasks/{id}', { params: { path: { id } } })),
  // EventSource sends no custom header: the chosen organisation goes in the query instead.
  eventsUrl: (id: string) => `${sessionPath(id)}/events${orgOverride() ? `?org=${encodeURIComponent(orgOverride() ?? '')}` : ''}`,
  getStudy: (id: string, signal?: AbortSignal): Promise<StudyView> => read(typed.GET('/api/studies/{id}', { params: { path: { id } }, signal })),
  studyCsvUrl: (id: string) => `/api/studies/${encodeURIComponent(id)}/results.csv`,
  taskFiles: (id: string, signal?: AbortSignal): Promise<FileList> => read(typed.GET('/api/tasks/{id}/files', { params: { path: { id } }, signal })),
  taskFileUrl: (id: string, name: string) => `/api/tasks/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}`,
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
