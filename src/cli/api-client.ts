import type { Command } from 'commander';
import { createSpawnClient, sessionEvents, SpawnApiError, unwrap, type SpawnClient } from '../../sdk/js/index.ts';
import type { ApiError, SessionEvent } from '../api-types.ts';

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

export function clientOptions(flags: { url?: string; token?: string }): ClientOptions {
  return { url: (flags.url ?? process.env.SPAWN_URL ?? `http://127.0.0.1:${process.env.SPAWN_PORT ?? 7070}`).replace(/\/$/, ''), token: flags.token ?? process.env.SPAWN_TOKEN };
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
    throw unreachable(client, err);
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (json as ApiError | undefined)?.error;
    throw new ApiCallError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText);
  }
  return json as T;
}

/**
 * The typed client of sdk/js for these options. Its calls answer `{data, error, response}`: pass
 * them through `call()` for the CLI's errors. An unreachable server is ApiCallError UNREACHABLE.
 */
export function spawnClient(client: ClientOptions): SpawnClient {
  const reach: typeof fetch = async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (err) {
      throw unreachable(client, err);
    }
  };
  return createSpawnClient({ baseUrl: client.url, token: client.token, fetch: reach });
}

/** The answer's data, or the server's error as an ApiCallError. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return unwrap(await pending);
  } catch (err) {
    throw toCallError(err);
  }
}

/** Runs sdk/js helpers (waiting, executing) with their errors as ApiCallErrors. */
export async function cliErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw toCallError(err);
  }
}

function toCallError(err: unknown): unknown {
  return err instanceof SpawnApiError ? new ApiCallError(err.status, err.code, err.message) : err;
}

function unreachable(client: ClientOptions, err: unknown): ApiCallError {
  return new ApiCallError(0, 'UNREACHABLE', `cannot reach SpawnAI at ${client.url} (${(err as Error).message}); start it with \`npm start\` or set SPAWN_URL`);
}

/** `GET /api/sessions/:id/events`, each event as it comes (the SSE parsing is sdk/js's). */
export async function* streamEvents(client: ClientOptions, id: string, signal?: AbortSignal): AsyncGenerator<SessionEvent> {
  try {
    yield* sessionEvents(id, { baseUrl: client.url, token: client.token, signal });
  } catch (err) {
    throw toCallError(err);
  }
}
