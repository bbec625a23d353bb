import http from 'node:http';
import type { FleetView, SessionView } from '../../../src/api-types.ts';

/** Polls `fn` every `everyMs` until it holds; fails with `what` (and `debug()`) after `timeoutMs`. */
export async function until(what: string, fn: () => boolean | Promise<boolean>, timeoutMs: number, options: { everyMs?: number; debug?: () => string } = {}): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, options.everyMs ?? 100));
  }
  throw new Error(`timed out waiting for ${what}${options.debug ? `\n${options.debug()}` : ''}`);
}

/** The API node's routes the fleet tests read, and an app's status through its proxy (`<id>.localhost`). */
export function fleetApi(port: () => number) {
  const call = async <T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`http://127.0.0.1:${port()}${route}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: (await res.json()) as T };
  };
  const appStatus = (id: string): Promise<number> =>
    new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: port(), path: '/', headers: { host: `${id}.localhost:${port()}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  return {
    call,
    appStatus,
    session: async (id: string): Promise<SessionView> => (await call<SessionView>('GET', `/api/sessions/${id}`)).body,
    fleet: async (): Promise<FleetView> => (await call<FleetView>('GET', '/api/fleet')).body,
  };
}
