import { isLoopbackHost } from '../../config/index.ts';

const ATTEMPTS = 30;
const RETRY_MS = 2_000;

/**
 * On a fleet host: when `SPAWN_JOIN_TOKEN` and `SPAWN_JOIN_URL` are set, exchanges the token once
 * for the worker's configuration and fills `env` with it (what the host sets itself wins), then
 * forgets the token. HTTPS only, except to a loopback address (tests). Network errors and 5xx
 * are retried (the API may be restarting); a refused token ends the worker.
 */
export async function joinFleet(env: Record<string, string | undefined>, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  const token = env.SPAWN_JOIN_TOKEN;
  const base = env.SPAWN_JOIN_URL;
  if (!token || !base) return false;
  const url = new URL('/api/fleet/join', base);
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) throw new Error(`SPAWN_JOIN_URL must be https:// (got ${url.origin}): the join exchange returns the worker's secrets`);
  let last = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }), signal: AbortSignal.timeout(15_000) }).catch((err: unknown) => err as Error);
    if (!(res instanceof Error) && res.ok) {
      const body = (await res.json()) as { env: Record<string, string> };
      for (const [k, v] of Object.entries(body.env)) if (env[k] === undefined) env[k] = v;
      delete env.SPAWN_JOIN_TOKEN;
      return true;
    }
    if (!(res instanceof Error) && res.status < 500) throw new Error(`the fleet refused this host's join token (${res.status} ${await res.text()})`);
    last = res instanceof Error ? res.message : `HTTP ${res.status}`;
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
  throw new Error(`could not join the fleet at ${url.origin}: ${last}`);
}
