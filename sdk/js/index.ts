/**
 * The TypeScript client of SpawnAI: `openapi-fetch` over the types generated from the server's
 * OpenAPI document (openapi.d.ts), plus what a generated client cannot do by itself — errors as
 * exceptions with the server's stable code, waiting for tasks/studies/runs, and the session event
 * stream (SSE). Runs in Node ≥ 20 and in browsers.
 *
 * @example
 * const spawn = createSpawnClient({ baseUrl: 'http://127.0.0.1:7070', token });
 * const fn = unwrap(await spawn.POST('/api/functions', { body: { name: 'area', runtime: 'python', code } }));
 * const task = await waitForTask(spawn, (await executeFunction(spawn, fn.id, { w: 3, h: 4 })).taskId);
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './openapi.d.ts';
import type { SpawnClient } from './types.ts';

export type { components, paths };
export type { Schemas, SpawnClient, StudyView, TaskView, WorkflowRunView } from './types.ts';

export interface SpawnClientOptions {
  /** The server, e.g. `http://127.0.0.1:7070`; `''` for the page's own origin in a browser. */
  baseUrl: string;
  /** Bearer token (none for a single-user server on loopback, or a browser with its session). */
  token?: string | undefined;
  fetch?: typeof fetch;
}

export function createSpawnClient(options: SpawnClientOptions): SpawnClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export { SpawnApiError, unwrap } from './errors.ts';
export { executeFunction, waitForRun, waitForStudy, waitForTask, type WaitOptions } from './wait.ts';
export { sessionEvents, parseEventStream, type SessionEventsOptions } from './events.ts';
