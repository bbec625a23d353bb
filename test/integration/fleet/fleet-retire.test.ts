import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '../../../src/api-types.ts';
import { HOST_HEARTBEAT_MS } from '../../../src/fleet/index.ts';
import { createStore, type Store } from '../../../src/store/index.ts';
import { FakeDigitalOcean } from '../../fakes/fake-digitalocean.ts';
import { fleetApi, startFleetApiNode, until, type FleetApiNode } from './fleet-test-kit.ts';
import { requireService } from '../../support/services.ts';
import { ownSpace, type OwnSpace } from '../../support/shared-services.ts';
import type { NodeProcess } from '../../support/spawn-node.ts';

const ready = requireService('postgres') && requireService('redis') && requireService('bwrap');


// Retiring a host through the real parts: an API node whose autoscaler leads, the fake
// DigitalOcean whose droplets are real `spawnai worker` processes, PostgreSQL and Redis. Time is
// moved by rewriting the host's created_at and drain_started_at (as hours passing would), so the
// settings keep their real meaning and nothing sleeps.
// Skipped only where PostgreSQL, Redis or bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!ready)('a host past SPAWN_FLEET_HOST_MAX_HOURS is drained, its app ended HOST_RETIRED past SPAWN_FLEET_DRAIN_MAX_SECONDS, and a replacement takes new work', () => {
  let space: OwnSpace;
  let fake: FakeDigitalOcean;
  let api: NodeProcess;
  let db: pg.Client;
  let store: Store;
  let node: FleetApiNode;
  let port: number;

  const { call, appStatus, session, fleet } = fleetApi(() => port);
  const debug = (): string => `api:\n${api.output().slice(-4000)}\nmachines:\n${[...(fake.machines?.machines.keys() ?? [])].map((id) => `${id}: ${fake.machines!.output(id).slice(-1500)}`).join('\n')}`;
  const start = async (prompt: string): Promise<string> => {
    const res = await call<CreatedSession>('POST', '/api/sessions', { prompt, appType: 'api', region: 'fra1', ttlSeconds: 3600 });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  beforeAll(async () => {
    space = await ownSpace('fleetretire');
    fake = new FakeDigitalOcean('do-retire-token', { machines: { env: { SPAWN_LOG_LEVEL: 'warn' } } });
    await fake.start();
    node = await startFleetApiNode(space, fake, 'do-retire-token', {
      SPAWN_WORKER_CONCURRENCY: '4',
      SPAWN_REGIONS: 'fra1',
      SPAWN_DEFAULT_REGION: 'fra1',
      SPAWN_FLEET_COOLDOWN_SECONDS: '600',
      SPAWN_FLEET_HOST_MAX_HOURS: '1',
      SPAWN_FLEET_DRAIN_MAX_SECONDS: '600',
    });
    ({ api, port } = node);
    db = new pg.Client({ connectionString: space.databaseUrl });
    await db.connect();
    store = await createStore({ databaseUrl: space.databaseUrl, sqliteFile: '' });
  });
  afterAll(async () => {
    await node?.close();
    await fake?.close();
    await store?.close();
    await db?.end();
    await space?.drop();
  });

  it('drained while its app keeps serving, destroyed after the drain time with the app ended HOST_RETIRED (sandbox gone, cost settled), and a replacement runs the next session', async () => {
    const first = await start('a clock api');
    await until('the first app running', async () => (await session(first)).state === 'running', 240_000, { everyMs: 500, debug });
    const old = (await fleet()).hosts.find((h) => h.state === 'active')!;
    expect(old).toBeDefined();
    const sandbox = await store.sandboxes.getLiveBySession(first);
    expect(sandbox).not.toBeNull();

    // Two hours pass for the host (SPAWN_FLEET_HOST_MAX_HOURS=1): the leader drains it.
    await db.query('UPDATE fleet_hosts SET created_at = created_at - $2 WHERE id = $1', [old.id, 2 * 3_600_000]);
    await until('the old host draining', async () => (await fleet()).hosts.find((h) => h.id === old.id)?.state === 'draining', 30_000, { everyMs: 500, debug });
    expect((await fleet()).decisions.some((d) => d.action === `drain ${old.id}`)).toBe(true);
    // Within the drain time its app keeps serving.
    expect((await session(first)).state).toBe('running');
    await until('the draining host still serving its app', async () => (await appStatus(first)) === 200, 30_000, { everyMs: 500, debug });

    // New work goes to a replacement: the draining host stops taking work at its next beat (a
    // beat that started after the drain), so the next session is created once that beat is seen.
    await until('the draining host beat since its drain', async () => {
      const h = await store.fleet.getHost(old.id);
      return !!h?.heartbeatAt && !!h.drainStartedAt && h.heartbeatAt.getTime() - h.drainStartedAt.getTime() > 1.5 * HOST_HEARTBEAT_MS;
    }, 30_000, { everyMs: 500, debug });
    const second = await start('a second clock api');
    await until('the second app running', async () => (await session(second)).state === 'running', 240_000, { everyMs: 500, debug });
    const replacement = (await fleet()).hosts.find((h) => h.state === 'active' && h.id !== old.id);
    expect(replacement).toBeDefined();
    expect((await store.sessions.get(second))?.workerId).toBe((await store.fleet.getHost(replacement!.id))?.workerId);
    expect((await store.sessions.get(first))?.workerId).toBe((await store.fleet.getHost(old.id))?.workerId);

    // The drain time (SPAWN_FLEET_DRAIN_MAX_SECONDS=600) runs out: the app ends HOST_RETIRED, the host goes.
    await db.query('UPDATE fleet_hosts SET drain_started_at = drain_started_at - $2 WHERE id = $1', [old.id, 601_000]);
    await until('the old host destroyed', async () => (await fleet()).hosts.find((h) => h.id === old.id)?.state === 'destroyed', 60_000, { everyMs: 500, debug });
    const retired = await session(first);
    expect(retired.state).toBe('failed');
    expect(retired.error?.code).toBe('HOST_RETIRED');
    expect(retired.error?.message).toContain(old.name);
    expect((await fleet()).hosts.find((h) => h.id === old.id)?.reason).toBe('DRAIN_TIMEOUT');
    expect(fake.droplets.has(Number(old.dropletId))).toBe(false);
    // No orphan: its sandbox is recorded destroyed and the app no longer answers.
    expect(await store.sandboxes.getLiveBySession(first)).toBeNull();
    expect((await store.sandboxes.get(sandbox!.id))?.state).toBe('destroyed');
    await until('the retired app gone', async () => (await appStatus(first)) !== 200, 30_000, { everyMs: 500, debug });
    // Its cost is settled: the compute line is recorded and the session carries the final amount.
    expect(retired.destroyedAt).not.toBeNull();
    const costs = await store.costs.listBySession(first);
    expect(costs.filter((c) => c.kind === 'compute')).toHaveLength(1);
    expect(retired.actualCost).toBeGreaterThan(0);
    expect(retired.actualCost).toBeCloseTo(costs.reduce((sum, c) => sum + c.amountUsd, 0), 6);
    const ledger = await store.ledger.listBySession(first);
    if (ledger.some((e) => e.kind === 'reserve')) expect(ledger.map((e) => e.kind)).toEqual(expect.arrayContaining(['release', 'charge']));

    // The replacement keeps serving the new session.
    expect((await session(second)).state).toBe('running');
    await until('the replacement serving the second app', async () => (await appStatus(second)) === 200, 60_000, { everyMs: 500, debug });
    expect(fake.unexpected).toEqual([]);
  }, 600_000);
});
