import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNTIMES } from '../support/runtimes.ts';
import { REDIS_URL, requireService } from '../support/services.ts';
import { ownSpace, type OwnSpace } from '../support/shared-services.ts';
import { ChaosCluster } from './support/chaos-cluster.ts';
import { assertSettled, expectRunning, ownerIndex, until } from './support/chaos-invariants.ts';

const ready = requireService('postgres') && requireService('redis');
const TTL_SECONDS = 40;

/**
 * SIGKILL of the API node and of a worker, each mid-generation and mid-deploy, on the shared
 * PostgreSQL (a database of its own) and Redis (a namespace of its own), once per runtime.
 */
// Skipped only where PostgreSQL, Redis or the runtime is missing; requireService() fails the run in CI instead.
for (const runtime of RUNTIMES) describe.skipIf(!ready || !runtime.available)(`chaos [${runtime.name}]: API node and worker SIGKILLed at each pipeline stage`, () => {
  let space: OwnSpace | undefined;
  let databaseUrl = '';
  let cluster: ChaosCluster | undefined;

  // An API node and two workers starting through tsx: slow on a CI machine that runs every suite.
  beforeAll(async () => {
    space = await ownSpace('chaos');
    databaseUrl = space.databaseUrl;
    cluster = await ChaosCluster.start({ databaseUrl, redisUrl: REDIS_URL, namespace: space.namespace, runtime: runtime.name });
  }, 240_000);
  afterAll(async () => {
    try {
      await cluster?.close();
    } finally {
      await space?.drop();
    }
  });

  it('the API node killed mid-generation: the workers finish, the restarted node serves the apps', async () => {
    const c = cluster!;
    const w = (await c.create('webapp', TTL_SECONDS, { generationSeconds: 5 })).body;
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 5 })).body;
    await c.waitState(w.id, ['generating'], 20_000);
    await c.waitState(a.id, ['generating'], 20_000);
    await c.api.kill('SIGKILL');
    expect(await c.health()).toBe(0);
    await c.startApi();
    await expectRunning(c, [w, a], 45_000);
  }, 90_000);

  it('a worker killed mid-generation: its sessions are re-driven by the other worker', async () => {
    const c = cluster!;
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 6 })).body;
    const w = (await c.create('webapp', TTL_SECONDS, { generationSeconds: 6 })).body;
    await c.waitState(a.id, ['generating'], 20_000);
    const victim = await until('the api session to have an owner', async () => {
      const i = await ownerIndex(c, databaseUrl, a.id);
      return i >= 0 ? i : undefined;
    }, 10_000);
    await c.replaceWorker(victim);
    expect(await c.health()).toBe(200);
    await expectRunning(c, [a, w], 60_000);
  }, 90_000);

  it('a worker killed mid-deploy (the app is still starting): the session is re-driven', async () => {
    const c = cluster!;
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 0.5, listenDelayMs: 3000 })).body;
    await c.waitState(a.id, ['deploying'], 30_000);
    await c.replaceWorker(await ownerIndex(c, databaseUrl, a.id));
    await expectRunning(c, [a], 60_000);
  }, 90_000);

  it('the API node killed mid-deploy: the deploy completes and the restarted node serves it', async () => {
    const c = cluster!;
    const a = (await c.create('api', TTL_SECONDS, { generationSeconds: 0.5, listenDelayMs: 3000 })).body;
    await c.waitState(a.id, ['deploying'], 30_000);
    await c.api.kill('SIGKILL');
    await c.startApi();
    await expectRunning(c, [a], 45_000);
  }, 90_000);

  it('afterwards: no job lost, no sandbox orphaned, every TTL honoured within 10 s', async () => {
    await assertSettled(cluster!, databaseUrl, TTL_SECONDS);
    cluster!.fake.assertNoUnexpected();
  }, 120_000);
});
