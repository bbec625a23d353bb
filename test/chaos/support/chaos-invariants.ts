import http from 'node:http';
import { expect } from 'vitest';
import { ACTIVE_STATES } from '../../../src/api-types.ts';
import type { ChaosCluster } from './chaos-cluster.ts';
import { query, sessionRows, stateHistory } from './chaos-checks.ts';

/** Each session ends `running` (not failed), its app answers 200, and every node is still alive. */
export async function expectRunning(cluster: ChaosCluster, sessions: readonly { id: string }[], timeoutMs = 60_000): Promise<void> {
  for (const s of sessions) {
    const end = await cluster.waitState(s.id, ['running', 'failed'], timeoutMs);
    expect(end.state, JSON.stringify(end.error)).toBe('running');
    expect(await appStatus(cluster.port, s.id)).toBe(200);
  }
  expect(cluster.deadNodes()).toEqual([]);
}

/** TTL destruction may lag expiresAt by at most this much, whatever was killed meanwhile. */
export const TTL_SLACK_MS = 10_000;

export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Status of `GET /` on the app's own origin through the API node's proxy. */
export function appStatus(port: number, id: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', headers: { host: `${id}.localhost:${port}` }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(5000, () => req.destroy());
  });
}

/** The worker index (0 or 1) that holds the session right now, from its `worker_id` (host:pid:rand). */
export async function ownerIndex(cluster: ChaosCluster, databaseUrl: string, id: string): Promise<number> {
  const [row] = await sessionRows(databaseUrl, [id]);
  return cluster.workers.findIndex((w) => row?.worker_id?.includes(`:${w.proc.pid}:`));
}

/**
 * What must hold after any amount of chaos: every session created reached `running` or failed
 * with a reason (no job lost), no sandbox outlives its session (and no dead node's rules or idle
 * containers outlive it), TTL destruction came on time, and nothing of any sandbox is left once
 * every session is gone.
 */
export async function assertSettled(cluster: ChaosCluster, databaseUrl: string, maxTtlSeconds: number): Promise<void> {
  // Every row, not only the 201s: a POST refused with 503 still left a (failed) session behind.
  const ids = (await query<{ id: string }>(databaseUrl, 'SELECT id FROM sessions')).map((r) => r.id);
  expect(ids.length).toBeGreaterThanOrEqual(cluster.created.length);
  for (const id of ids) {
    const history = await stateHistory(databaseUrl, id);
    expect(history.some((s) => s === 'running' || s === 'failed'), `${id} never reached running/failed: ${history.join(' → ')}`).toBe(true);
  }
  const liveNow = async (): Promise<Set<string>> => new Set((await sessionRows(databaseUrl, ids)).filter((r) => (ACTIVE_STATES as readonly string[]).includes(r.state)).map((r) => r.id));
  // The reaper runs every second on each worker; give it a few passes.
  const live = await liveNow();
  const orphans = (): Promise<string[]> => cluster.leftovers.orphans((s) => live.has(s));
  await until('no orphaned sandbox', async () => (await orphans()).length === 0, 10_000).catch(async (err: Error) => {
    throw new Error(`${err.message}: ${(await orphans()).join('; ')}`);
  });

  await until('every session to end', async () => (await liveNow()).size === 0 && !(await sessionRows(databaseUrl, ids)).some((r) => r.state === 'destroying'), (maxTtlSeconds + 20) * 1000, 500);
  for (const row of await sessionRows(databaseUrl, ids)) {
    expect(['destroyed', 'failed'], `${row.id} is ${row.state}`).toContain(row.state);
    if (row.state === 'failed') expect(row.error_code, `${row.id} failed without a reason`).toBeTruthy();
    if (row.state === 'destroyed') {
      expect(row.destroyed_at).not.toBeNull();
      const lagMs = (row.destroyed_at ?? 0) - row.expires_at;
      expect(lagMs, `${row.id} destroyed ${lagMs} ms after expiresAt`).toBeLessThanOrEqual(TTL_SLACK_MS);
    }
  }
  await until('nothing left of any sandbox', async () => (await cluster.leftovers.remaining()).length === 0, 10_000).catch(async (err: Error) => {
    throw new Error(`${err.message}: ${(await cluster.leftovers.remaining()).join('; ')}`);
  });
}
