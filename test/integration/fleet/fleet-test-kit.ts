import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FleetView, SessionView } from '../../../src/api-types.ts';
import type { FakeDigitalOcean } from '../../fakes/fake-digitalocean.ts';
import { unmountAllUnder } from '../../support/sandbox-mounts.ts';
import { REDIS_URL } from '../../support/services.ts';
import type { OwnSpace } from '../../support/shared-services.ts';
import { freePort, spawnSpawnai, waitHealthy, type NodeProcess } from '../../support/spawn-node.ts';

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

export interface FleetApiNode {
  api: NodeProcess;
  port: number;
  /** SIGTERM, then its data directory (and any mount left under it) removed. */
  close(): Promise<void>;
}

/**
 * An API node (no worker of its own) whose autoscaler leads and drives `fake` (its droplets are
 * real `spawnai worker` processes), on the suite's own PostgreSQL database and Redis namespace:
 * process runtime, no verification, no pool, fast fleet ticks. `overrides` adds the suite's own
 * regions and fleet settings.
 */
export async function startFleetApiNode(space: OwnSpace, fake: FakeDigitalOcean, token: string, overrides: Record<string, string>): Promise<FleetApiNode> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-fleet-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const api = spawnSpawnai(['up', '--no-worker', '--port', String(port), '--data-dir', path.join(dataDir, 'api')], {
    DATABASE_URL: space.databaseUrl,
    REDIS_URL,
    SPAWN_REDIS_NAMESPACE: space.namespace,
    SPAWN_CLUSTER_SECRET: `fleet-test-cluster-secret-${space.namespace}-0123456789`,
    SPAWN_RUNTIME: 'process',
    SPAWN_VERIFY: 'off',
    SPAWN_POOL_SIZE: '0',
    SPAWN_LOG_LEVEL: 'warn',
    SPAWN_RECONCILE_INTERVAL_SECONDS: '2',
    SPAWN_JOB_LOCK_SECONDS: '5',
    DIGITALOCEAN_TOKEN: token,
    SPAWN_FLEET_API_URL: fake.url,
    SPAWN_FLEET_INTERVAL_SECONDS: '1',
    SPAWN_FLEET_SCALE_UP_AFTER_SECONDS: '0',
    SPAWN_FLEET_MAX: '1',
    SPAWN_FLEET_JOIN_TIMEOUT_SECONDS: '300',
    SPAWN_FLEET_JOIN_URL: `http://127.0.0.1:${port}`,
    ...overrides,
  });
  const close = async (): Promise<void> => {
    await api.kill('SIGTERM');
    unmountAllUnder(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  await waitHealthy(port, api, 120_000).catch(async (err: unknown) => {
    await close();
    throw err;
  });
  return { api, port, close };
}
