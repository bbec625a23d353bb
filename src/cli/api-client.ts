import type { Command } from 'commander';
import type { ApiError, SessionEvent } from '../api-types.ts';
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

/**
 * Reads `GET /api/sessions/:id/events` and yields each event. Node has no EventSource; the SSE
 * framing (id/event/data lines, blank line per event) is simple enough to parse here.
 */
export async function* streamEvents(client: ClientOptions, id: string, signal?: AbortSignal): AsyncGenerator<SessionEvent> {
  const res = await fetch(`${client.url}/api/sessions/${id}/events`, { headers: client.token ? { authorization: `Bearer ${client.token}` } : {}, signal });
  if (!res.ok || !res.body) throw new ApiCallError(res.status, `HTTP_${res.status}`, `event stream refused (${res.status})`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) yield JSON.parse(data) as SessionEvent;
    }
  }
}
