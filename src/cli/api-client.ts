import type { Command } from 'commander';
import type { ApiError, SessionEvent } from '../api-types.ts';
import { sessionEvents, SpawnApiError } from '../../sdk/js/index.ts';
import { loadCredential } from './credentials.ts';

export interface ClientFlags {
  url?: string;
  token?: string;
}

/** Adds the flags every client command takes. */
export function withClient(cmd: Command): Command {
  return cmd.option('--url <url>', 'server URL (env SPAWN_URL, default http://127.0.0.1:7070)').option('--token <token>', 'bearer token (env SPAWN_TOKEN)');
}

/** Where client commands find the server: SPAWN_URL (default http://127.0.0.1:7070) and SPAWN_TOKEN. */
export interface ClientOptions {
  url: string;
  token: string | undefined;
}

/** `--token`, then SPAWN_TOKEN, then what `spawnai login` stored for this server. */
export function clientOptions(flags: { url?: string; token?: string }): ClientOptions {
  const url = (flags.url ?? process.env.SPAWN_URL ?? `http://127.0.0.1:${process.env.SPAWN_PORT ?? 7070}`).replace(/\/$/, '');
  return { url, token: flags.token ?? process.env.SPAWN_TOKEN ?? loadCredential(url) };
}

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function apiCall<T>(client: ClientOptions, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(client.url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (err) {
    throw new ApiCallError(0, 'UNREACHABLE', `cannot reach SpawnAI at ${client.url} (${(err as Error).message}); start it with \`npm start\` or set SPAWN_URL`);
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (json as ApiError | undefined)?.error;
    throw new ApiCallError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText);
  }
  return json as T;
}

/** `GET /api/sessions/:id/events` as events: the TypeScript SDK's reader, its refusal as this CLI's error. */
export async function* streamEvents(client: ClientOptions, id: string, signal?: AbortSignal): AsyncGenerator<SessionEvent> {
  try {
    yield* sessionEvents(id, { baseUrl: client.url, token: client.token, ...(signal ? { signal } : {}) });
  } catch (err) {
    if (err instanceof SpawnApiError) throw new ApiCallError(err.status, err.code, err.message);
    throw err;
  }
}
