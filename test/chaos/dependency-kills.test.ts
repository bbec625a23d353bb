import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/api-types.ts';
import { RUNTIMES } from '../support/runtimes.ts';
import { requireService } from '../support/services.ts';
import { ChaosCluster } from './support/chaos-cluster.ts';
import { assertSettled, expectRunning, until } from './support/chaos-invariants.ts';
import { canRunPrivatePostgres, PrivatePostgres } from './support/private-postgres.ts';
import { PrivateRedis } from './support/private-redis.ts';

// The shared services are only probed to know the binaries are installed; this file kills its own.
const ready = requireService('postgres') && requireService('redis') && canRunPrivatePostgres();
const TTL_SECONDS = 40;
const OUTAGE_MS = 3000;

/**
 * SIGKILL of Redis and of PostgreSQL (private instances on free ports, never the shared ones),
 * each mid-generation and mid-deploy, then a restart: the nodes survive, `/healthz` says 503
 * degraded while the dependency is down and 200 after, and every session still completes. Once
 * per runtime.
 */
// Skipped only where PostgreSQL, Redis or the runtime is missing; requireService() fails the run in CI instead.
for (const runtime of RUNTIMES) describe.skipIf(!ready || !runtime.available)(`chaos [${runtime.name}]: Redis and PostgreSQL SIGKILLed at each pipeline stage`, () => {
  const dbName = `spawnai_chaos_${randomUUID().slice(0, 8)}`;
  let postgres: PrivatePostgres | undefined;
  let redis: PrivateRedis | undefined;
  let cluster: ChaosCluster | undefined;
  let databaseUrl = '';

  // An API node and two workers starting through tsx: slow on a CI machine that runs every suite.
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    await postgres.createDatabase(dbName);
    databaseUrl = postgres.urlFor(dbName);
    cluster = await ChaosCluster.start({ databaseUrl, redisUrl: redis.url, namespace: `test-${randomUUID().slice(0, 8)}`, runtime: runtime.name });
  }, 240_000);
  afterAll(async () => {
    try {
      await cluster?.close();
    } finally {
      await Promise.all([postgres?.destroy(), redis?.destroy()]);
    }
  });

  const degradedThenHealthy = async (check: 'store' | 'queue', restart: () => Promise<void>): Promise<void> => {
    const c = cluster!;
    const down = await until('/healthz to report 503', async () => {
      const h = await c.healthView();
      return h?.status === 503 ? h : undefined;
    }, 10_000);
    expect(down.body.status).toBe('degraded');
    expect(down.body.checks[check]).toBe(false);
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await restart();
    await until('/healthz to report 200', async () => (await c.health()) === 200, 20_000);
  };
  it('Redis killed mid-generation: 503 degraded, creation refused with QUEUE_UNAVAILABLE, then all completes', async () => {
    const c = cluster!;
    const w = (await c.create('webapp', TTL_SECONDS, { generationSeconds: 6 })).body;
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 6 })).body;
    await c.waitState(w.id, ['generating'], 20_000);
    await c.waitState(a.id, ['generating'], 20_000);
    await redis!.kill();
    const refused = await c.create('webapp', TTL_SECONDS, { generationSeconds: 0.2 });
    expect(refused.status).toBe(503);
    expect((refused.body as unknown as ApiError).error.code).toBe('QUEUE_UNAVAILABLE');
    expect((await c.request('GET', `/api/sessions/${a.id}`)).status).toBe(200);
    await degradedThenHealthy('queue', () => redis!.restart());
    await expectRunning(cluster!, [w, a]);
    // The queue works again for new sessions once Redis is back (all its keys were lost).
    const after = (await c.create('webapp', TTL_SECONDS, { generationSeconds: 0.2 })).body;
    await expectRunning(cluster!, [after]);
  }, 120_000);

  it('Redis killed mid-deploy: the deploy completes', async () => {
    const c = cluster!;
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 0.5, listenDelayMs: 3000 })).body;
    await c.waitState(a.id, ['deploying'], 30_000);
    await redis!.kill();
    await degradedThenHealthy('queue', () => redis!.restart());
    await expectRunning(cluster!, [a]);
  }, 120_000);

  it('PostgreSQL killed mid-generation: 503 STORE_UNAVAILABLE (never 500), then all completes', async () => {
    const c = cluster!;
    const w = (await c.create('webapp', TTL_SECONDS, { generationSeconds: 6 })).body;
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 6 })).body;
    await c.waitState(w.id, ['generating'], 20_000);
    await c.waitState(a.id, ['generating'], 20_000);
    await postgres!.kill();
    const read = await c.request<ApiError>('GET', `/api/sessions/${a.id}`);
    expect(read.status).toBe(503);
    expect(read.body.error.code).toBe('STORE_UNAVAILABLE');
    await degradedThenHealthy('store', () => postgres!.restart());
    await expectRunning(cluster!, [w, a]);
  }, 120_000);

  it('PostgreSQL killed mid-deploy: the session is re-driven, not failed, and ends running', async () => {
    const c = cluster!;
    // The app answers while the database is still down, so recording the deploy fails mid-way.
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 0.5, listenDelayMs: 1500 })).body;
    await c.waitState(a.id, ['deploying'], 30_000);
    await postgres!.kill();
    await degradedThenHealthy('store', () => postgres!.restart());
    await expectRunning(cluster!, [a]);
  }, 120_000);

  it('afterwards: no job lost, no sandbox orphaned, every TTL honoured within 10 s', async () => {
    await assertSettled(cluster!, databaseUrl, TTL_SECONDS);
    cluster!.fake.assertNoUnexpected();
  }, 120_000);
});
