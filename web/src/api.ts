import type { AppType, CreateSessionRequest } from '../../src/api-types.ts';
import { ApiRequestError, read, REQUEST_TIMEOUT_MS, typedClient } from './api-client.ts';
import { orgOverride } from './request-headers.ts';

export { ApiRequestError } from './api-client.ts';

/** Every call of the UI goes through sdk/js's typed client: paths, bodies and answers follow the OpenAPI types. */
const spawn = typedClient();
const id = (sessionId: string) => ({ path: { id: sessionId } });

export const api = {
  /** Who is calling: the user, their organisations, the current one (and a cookie session's CSRF token). */
  me: (signal?: AbortSignal) => read(spawn.GET('/api/me', { signal })),
  usage: (orgId: string, groupBy: 'day' | 'user' | 'model' | 'appType', signal?: AbortSignal) =>
    read(spawn.GET('/api/orgs/{id}/usage', { params: { path: { id: orgId }, query: { groupBy } }, signal })),
  config: (signal?: AbortSignal) => read(spawn.GET('/api/config', { signal })),
  listSessions: (signal?: AbortSignal) => read(spawn.GET('/api/sessions', { signal })),
  getSession: (sessionId: string, signal?: AbortSignal) => read(spawn.GET('/api/sessions/{id}', { params: id(sessionId), signal })),
  createSession: (prompt: string, appType: AppType | undefined, ttlSeconds: number | undefined, image?: CreateSessionRequest['image']) =>
    read(spawn.POST('/api/sessions', { body: { prompt, appType, ttlSeconds, ...(image ? { image } : {}) } })),
  destroySession: (sessionId: string) => read(spawn.DELETE('/api/sessions/{id}', { params: id(sessionId) })),
  extendSession: (sessionId: string, ttlSeconds: number) => read(spawn.POST('/api/sessions/{id}/extend', { params: id(sessionId), body: { ttlSeconds } })),
  postMessage: (sessionId: string, prompt: string) => read(spawn.POST('/api/sessions/{id}/messages', { params: id(sessionId), body: { prompt } })),
  messages: (sessionId: string, signal?: AbortSignal) => read(spawn.GET('/api/sessions/{id}/messages', { params: id(sessionId), signal })),
  versions: (sessionId: string, signal?: AbortSignal) => read(spawn.GET('/api/sessions/{id}/versions', { params: id(sessionId), signal })),
  restoreVersion: (sessionId: string, n: number) =>
    read(spawn.POST('/api/sessions/{id}/versions/{n}/restore', { params: { path: { id: sessionId, n: String(n) } } })),
  listFunctions: (signal?: AbortSignal) => read(spawn.GET('/api/functions', { signal })),
  /** Answers the finished task when it ends within `waitSeconds`, else the queued task's id. */
  executeFunction: (fnId: string, inputs: Record<string, unknown>, waitSeconds: number) =>
    // The server holds the answer for up to `waitSeconds`: the usual timeout would cut it off.
    read(typedClient(waitSeconds * 1000 + REQUEST_TIMEOUT_MS).POST('/api/functions/{id}/execute', { params: id(fnId), body: { inputs, wait: waitSeconds } })),
  getTask: (taskId: string) => read(spawn.GET('/api/tasks/{id}', { params: id(taskId) })),
  // EventSource sends no custom header: the chosen organisation goes in the query instead.
  eventsUrl: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/events${orgOverride() ? `?org=${encodeURIComponent(orgOverride() ?? '')}` : ''}`,
  getStudy: (studyId: string, signal?: AbortSignal) => read(spawn.GET('/api/studies/{id}', { params: id(studyId), signal })),
  studyCsvUrl: (studyId: string) => `/api/studies/${encodeURIComponent(studyId)}/results.csv`,
  taskFiles: (taskId: string, signal?: AbortSignal) => read(spawn.GET('/api/tasks/{id}/files', { params: id(taskId), signal })),
  taskFileUrl: (taskId: string, name: string) => `/api/tasks/${encodeURIComponent(taskId)}/files/${encodeURIComponent(name)}`,
  /** True when the server keeps a session's versions (an older one answers 404/405: no export then). */
  async hasVersions(sessionId: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await api.versions(sessionId, signal);
      return true;
    } catch (err) {
      return !(err instanceof ApiRequestError && (err.status === 404 || err.status === 405 || err.status === 0));
    }
  },
};
