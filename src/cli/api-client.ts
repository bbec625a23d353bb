import type { Command } from 'commander';
import type { SessionEvent } from '../api-types.ts';
import { createSpawnClient, sessionEvents, SpawnApiError, unwrap, type SpawnClient } from '../../sdk/js/index.ts';
import { loadCredential } from './credentials.ts';

export { SpawnApiError, unwrap };

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

/** fetch, with a server that does not answer as `UNREACHABLE` and how to fix it. */
function fetchFor(client: ClientOptions): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (err) {
      if (init?.signal?.aborted || (input instanceof Request && input.signal.aborted)) throw err;
      throw new SpawnApiError(0, 'UNREACHABLE', `cannot reach SpawnAI at ${client.url} (${(err as Error).message}); start it with \`npm start\` or set SPAWN_URL`);
    }
  };
}

/** The TypeScript SDK's typed client for one command: paths, bodies and answers are checked against the server's OpenAPI types. */
export function spawnClient(client: ClientOptions): SpawnClient {
  return createSpawnClient({ baseUrl: client.url, token: client.token, fetch: fetchFor(client) });
}

/** `GET /api/sessions/:id/events` as events, through the TypeScript SDK's reader. */
export function streamEvents(client: ClientOptions, id: string, signal?: AbortSignal): AsyncGenerator<SessionEvent> {
  return sessionEvents(id, { baseUrl: client.url, token: client.token, fetch: fetchFor(client), ...(signal ? { signal } : {}) });
}
