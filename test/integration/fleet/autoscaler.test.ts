import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type SpawnConfig } from '../../../src/config/index.ts';
import type { SpawnError } from '../../../src/errors/index.ts';
import { Autoscaler, DigitalOceanProvider, exchangeJoinToken, fleetTags, RedisLease, type LeaderLease } from '../../../src/fleet/index.ts';
import { createLogger } from '../../../src/log/index.ts';
import type { JobData } from '../../../src/queue/index.ts';
import { createStore, type FleetHostRecord, type Store } from '../../../src/store/index.ts';
import { FakeDigitalOcean } from '../../fakes/fake-digitalocean.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';
import { ownSpace, type OwnSpace } from '../../support/shared-services.ts';
import { until as untilHolds } from './fleet-test-kit.ts';

const ready = requireService('postgres') && requireService('redis');

/** A lease that can "die": it stops renewing (and never releases), as a killed node would. */
class MortalLease implements LeaderLease {
  dead = false;
  constructor(private readonly real: RedisLease) {}
  acquire(): Promise<boolean> {
    return this.dead ? Promise.resolve(false) : this.real.acquire();
  }
  async release(): Promise<void> {}
  async close(): Promise<void> {
    if (!this.dead) await this.real.close();
  }
}

const until = (what: string, fn: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> => untilHolds(what, fn, timeoutMs, { everyMs: 100 });

// Skipped only where a service it needs is missing; requireService() fails the run in CI instead.
describe.skipIf(!ready)('the autoscaler on PostgreSQL + Redis against the fake DigitalOcean (no machines)', () => {
  let space: OwnSpace;
  let store: Store;
  let fake: FakeDigitalOcean;
  const scalers: Autoscaler[] = [];
  const failed: { id: string; code: string }[] = [];
  const enqueued: { name: string; data: JobData; jobId: string | undefined }[] = [];
  const logger = createLogger(process.env.FLEET_TEST_LOG ?? 'silent');

  beforeAll(async () => {
    space = await ownSpace('fleetas');
    store = await createStore({ databaseUrl: space.databaseUrl, sqliteFile: '' });
    await store.migrate();
  });
  afterAll(async () => {
    await Promise.all(scalers.map((s) => s.stop()));
    await fake?.close();
    await store?.close();
    await space?.drop();
  });
  beforeEach(async () => {
    await Promise.all(scalers.splice(0).map((s) => s.stop()));
    await fake?.close();
    fake = new FakeDigitalOcean('tok', { pageSize: 5 });
    await fake.start();
    for (const h of await store.fleet.listHosts()) await store.fleet.transitionHost(h.id, [h.state], 'destroyed', { destroyedAt: new Date(), reason: 'TEST_RESET' });
  });

  const config = (env: Record<string, string> = {}): SpawnConfig =>
    loadConfig({
      DATABASE_URL: space.databaseUrl,
      REDIS_URL,
      SPAWN_REDIS_NAMESPACE: space.namespace,
      SPAWN_REGIONS: 'fra1,nyc1',
      SPAWN_DEFAULT_REGION: 'fra1',
      DIGITALOCEAN_TOKEN: 'tok',
      SPAWN_FLEET_API_URL: fake.url,
      SPAWN_FLEET_INTERVAL_SECONDS: '0.2',
      SPAWN_FLEET_SCALE_UP_AFTER_SECONDS: '0',
      SPAWN_FLEET_MAX: '3',
      SPAWN_SANDBOX_MEMORY_MB: '1024',
      SPAWN_FLEET_JOIN_URL: 'http://127.0.0.1:1',
      ...env,
    });
  const scaler = (cfg: SpawnConfig, lease: LeaderLease, holder: string): Autoscaler => {
    const provider = new DigitalOceanProvider({ token: 'tok', baseUrl: fake.url, backoffMs: 20, maxRateLimitWaitMs: 200 });
    const s = new Autoscaler({ store, provider, lease, config: cfg, logger, holder,
      failSession: async (id: string, e: SpawnError) => void failed.push({ id, code: e.code }),
      queue: { enqueue: async (name, data, options) => void enqueued.push({ name, data, jobId: options?.jobId }) },
    });
    scalers.push(s);
    return s;
  };
  const queue = async (region: string, n: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = `fl${randomUUID().replace(/-/g, '').slice(0, 14)}`;
      const now = new Date();
      await store.sessions.create({ id, ownerId: 'local', prompt: 'x', title: 'x', appType: 'webapp', appTypeSource: 'request', state: 'requested', generator: 'offline-template', model: null, tier: 's-1vcpu-1gb', ttlSeconds: 60, createdAt: now, expiresAt: new Date(now.getTime() + 60_000), estimatedCost: 0, region });
      ids.push(id);
    }
    return ids;
  };
  const live = async () => (await store.fleet.listHosts()).filter((h) => h.state !== 'destroyed');
  /** A joined host with its droplet in the fake, as a worker's heartbeat left it. */
  const joinedHost = async (region: string, workerId: string, heartbeatAt: Date, drainStartedAt?: Date): Promise<FleetHostRecord> => {
    const id = randomUUID().replace(/-/g, '').slice(0, 12);
    const name = `spawnai-${space.namespace}-${region}-${id}`;
    const tags = fleetTags(space.namespace);
    const cloud = await new DigitalOceanProvider({ token: 'tok', baseUrl: fake.url }).createHost({ name, region, size: 's-2vcpu-4gb', image: 'x', userData: '', tags: [tags.install, tags.worker] });
    await store.fleet.createHost({ id, providerId: cloud.id, name, region, size: 's-2vcpu-4gb', state: 'creating', hourlyUsd: 0.036, createdAt: new Date() });
    await store.fleet.transitionHost(id, ['creating'], 'active', { workerId, joinedAt: new Date() });
    await store.fleet.heartbeat(id, workerId, { freeMemoryMb: 2048, sandboxes: 1, pool: 0, activeJobs: 0, room: 2 }, heartbeatAt);
    if (drainStartedAt) await store.fleet.transitionHost(id, ['active'], 'draining', { drainStartedAt });
    return (await store.fleet.getHost(id))!;
  };
  /** A session its worker took: an app running there, or a pipeline in progress. */
  const onWorker = async (region: string, workerId: string, state: 'running' | 'generating', appType: 'api' | 'webapp'): Promise<string> => {
    const id = `fl${randomUUID().replace(/-/g, '').slice(0, 14)}`;
    const now = new Date();
    await store.sessions.create({ id, ownerId: 'local', prompt: 'x', title: 'x', appType, appTypeSource: 'request', state: 'requested', generator: 'offline-template', model: null, tier: 's-1vcpu-1gb', ttlSeconds: 600, createdAt: now, expiresAt: new Date(now.getTime() + 600_000), estimatedCost: 0, region });
    await store.sessions.transition(id, ['requested'], state, { workerId, ...(state === 'running' ? { currentVersion: 1 } : {}) });
    return id;
  };
  const endSessions = async (ids: string[]): Promise<void> => {
    for (const id of ids) await store.sessions.transition(id, ['running', 'generating', 'requested'], 'failed', {});
  };

  it('creates hosts per region from queued sessions; a forged or reused join token is refused; hosts that never join are destroyed', async () => {
    const ids = [...(await queue('fra1', 5)), ...(await queue('nyc1', 2))];
    const cfg = config({ SPAWN_FLEET_JOIN_TIMEOUT_SECONDS: '4' });
    const s = scaler(cfg, new RedisLease(REDIS_URL, `spawnai:${space.namespace}:lease-a`, 'a', 5_000), 'a');
    await s.runOnce();
    // (4096 − 768) / 1024 = 3 sessions per host: fra1 needs 2, nyc1 1.
    const hosts = await live();
    expect(hosts.filter((h) => h.region === 'fra1')).toHaveLength(2);
    expect(hosts.filter((h) => h.region === 'nyc1')).toHaveLength(1);
    expect(fake.liveDroplets()).toHaveLength(3);
    expect(fake.liveDroplets().every((d) => d.tags.includes(fleetTags(space.namespace).install))).toBe(true);
    // The user data holds a join token and nothing secret.
    const userData = fake.liveDroplets()[0]!.user_data;
    expect(userData).toMatch(/SPAWN_JOIN_TOKEN=sjt_/);
    expect(userData).not.toContain(space.databaseUrl);
    expect(userData).not.toContain('redis://');
    expect(fake.firewalls[0]).toMatchObject({ inbound_rules: [{ ports: '7071', sources: { tags: [fleetTags(space.namespace).api] } }] });
    // Forged and reused tokens are refused; the first use succeeds.
    const joinDeps = { store, config: cfg, provider: null, env: {} };
    await expect(exchangeJoinToken(joinDeps, 'sjt_forged')).rejects.toMatchObject({ code: 'JOIN_TOKEN_INVALID' });
    const token = /SPAWN_JOIN_TOKEN=(\S+)/.exec(userData)![1]!;
    const env = await exchangeJoinToken(joinDeps, token);
    expect(env).toMatchObject({ DATABASE_URL: space.databaseUrl, REDIS_URL, SPAWN_REDIS_NAMESPACE: space.namespace });
    await expect(exchangeJoinToken(joinDeps, token)).rejects.toMatchObject({ code: 'JOIN_TOKEN_INVALID' });
    // The two that never joined are destroyed after SPAWN_FLEET_JOIN_TIMEOUT_SECONDS (the joined one stays).
    await store.fleet.heartbeat((await live()).find((h) => h.state === 'active')!.id, 'w1', { freeMemoryMb: 1, sandboxes: 0, pool: 0, activeJobs: 0, room: 3 }, new Date());
    s.start();
    await until('late hosts destroyed', async () => (await store.fleet.listHosts({ includeDestroyed: true })).filter((h) => h.reason === 'JOIN_TIMEOUT').length >= 2);
    const expired = await store.fleet.listHosts({ includeDestroyed: true });
    for (const h of expired.filter((x) => x.reason === 'JOIN_TIMEOUT')) expect(fake.droplets.has(Number(h.providerId))).toBe(false);
    expect((await store.fleet.listDecisions(100)).some((d) => d.action.startsWith('create'))).toBe(true);
    for (const id of ids) await store.sessions.transition(id, ['requested'], 'failed', {});
  });

  it('the API answering 429 and 500 for a while: no duplicate droplet, no leak', async () => {
    await queue('nyc1', 1);
    fake.inject({ status: 500, method: 'POST', path: /^\/v2\/droplets$/, afterEffect: true, count: 2 });
    fake.inject({ status: 429, count: 9, method: 'GET', path: /^\/v2\/droplets$/ }); // more than one call's retries
    fake.inject({ status: 503, count: 4 });
    const s = scaler(config({ SPAWN_REGIONS: 'nyc1', SPAWN_DEFAULT_REGION: 'nyc1' }), new RedisLease(REDIS_URL, `spawnai:${space.namespace}:lease-b`, 'b', 5_000), 'b');
    s.start();
    await until('a host recorded with its droplet', async () => (await live()).some((h) => h.providerId !== null));
    await new Promise((r) => setTimeout(r, 1_000)); // a few more passes
    const hosts = await live();
    expect(hosts).toHaveLength(1);
    expect(fake.liveDroplets().map((d) => String(d.id))).toEqual([hosts[0]!.providerId]);
    // Every create the fake performed (answered or not) is the one droplet or was reaped.
    expect(fake.created).toBeGreaterThanOrEqual(1);
  });

  it('the reaper destroys droplets of the installation that no host row knows', async () => {
    const tags = fleetTags(space.namespace);
    const provider = new DigitalOceanProvider({ token: 'tok', baseUrl: fake.url });
    const stranger = await provider.createHost({ name: 'spawnai-stranger', region: 'fra1', size: 's-1vcpu-1gb', image: 'x', userData: '', tags: [tags.install] });
    const other = await provider.createHost({ name: 'someone-else', region: 'fra1', size: 's-1vcpu-1gb', image: 'x', userData: '', tags: ['not-ours'] });
    const s = scaler(config(), new RedisLease(REDIS_URL, `spawnai:${space.namespace}:lease-c`, 'c', 5_000), 'c');
    await s.runOnce(); // the reaper runs when a node becomes leader
    expect(fake.droplets.has(Number(stranger.id))).toBe(false);
    expect(fake.droplets.has(Number(other.id))).toBe(true);
  });

  it('the leader killed: the other node takes over within the lease, with no duplicate decision or droplet', async () => {
    await queue('fra1', 2);
    const key = `spawnai:${space.namespace}:lease-d`;
    const cfg = config({ SPAWN_REGIONS: 'fra1', SPAWN_FLEET_JOIN_TIMEOUT_SECONDS: '600' });
    const a = new MortalLease(new RedisLease(REDIS_URL, key, 'node-a', 3_000));
    const first = scaler(cfg, a, 'node-a');
    const second = scaler(cfg, new RedisLease(REDIS_URL, key, 'node-b', 3_000), 'node-b');
    first.start();
    await until('node-a leads', async () => first.isLeader);
    second.start();
    await until('a host created', async () => (await live()).length === 1);
    expect(second.isLeader).toBe(false);
    a.dead = true; // node-a stops renewing, as a SIGKILLed node would
    const killedAt = Date.now();
    await until('node-b takes over', async () => second.isLeader, 10_000);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    await new Promise((r) => setTimeout(r, 600));
    expect(await live()).toHaveLength(1);
    expect(fake.liveDroplets()).toHaveLength(1);
    const creates = (await store.fleet.listDecisions(500)).filter((d) => d.region === 'fra1' && d.action.startsWith('create') && (d.leader === 'node-a' || d.leader === 'node-b'));
    expect(creates).toHaveLength(1);
  });
  it('a lost host: destroyed HOST_LOST, its api app queued on its region to restart elsewhere, its work counted so a replacement is created within SPAWN_FLEET_MAX', async () => {
    const cfg = config({ SPAWN_REGIONS: 'ams3', SPAWN_DEFAULT_REGION: 'ams3', SPAWN_FLEET_MAX: '1', SPAWN_FLEET_JOIN_TIMEOUT_SECONDS: '600' });
    const dead = await joinedHost('ams3', 'w-dead', new Date(Date.now() - 60_000));
    const app = await onWorker('ams3', 'w-dead', 'running', 'api');
    const pipeline = await onWorker('ams3', 'w-dead', 'generating', 'webapp');
    const staticApp = await onWorker('ams3', 'w-dead', 'running', 'webapp');
    const s = scaler(cfg, new RedisLease(REDIS_URL, `spawnai:${space.namespace}:lease-e`, 'e', 5_000), 'e');
    enqueued.length = 0;
    failed.length = 0;
    await s.runOnce();
    expect(await store.fleet.getHost(dead.id)).toMatchObject({ state: 'destroyed', reason: 'HOST_LOST' });
    expect(fake.droplets.has(Number(dead.providerId))).toBe(false);
    // The app goes back to its region's queue (the pipeline is the reconciler's re-drive; a static app needs no host).
    expect(enqueued).toEqual([{ name: 'session.run', data: { sessionId: app, region: 'ams3', relocate: true, fromWorker: 'w-dead' }, jobId: `relocate-${app}-w-dead` }]);
    expect(failed).toEqual([]);
    // The lost host's slot is free: a replacement, although SPAWN_FLEET_MAX is 1.
    const replacements = await live();
    expect(replacements.map((h) => [h.region, h.state])).toEqual([['ams3', 'joining']]);
    expect((await store.fleet.listDecisions(20)).find((d) => d.region === 'ams3')?.action).toBe('create 1');
    // Once a worker took the app and the pipeline over, they are neither queued again nor waiting work.
    await store.sessions.transition(app, ['running'], 'running', { workerId: 'w-new' });
    await store.sessions.transition(pipeline, ['generating'], 'generating', { workerId: 'w-new' });
    enqueued.length = 0;
    await s.runOnce();
    expect(enqueued).toEqual([]);
    expect(await live()).toHaveLength(1);
    await endSessions([app, pipeline, staticApp]);
  });

  it('drain with a live app: it serves until SPAWN_FLEET_DRAIN_MAX_SECONDS, then ends HOST_RETIRED and its host is destroyed; an emptied host goes as DRAINED', async () => {
    const cfg = config({ SPAWN_REGIONS: 'ams3', SPAWN_DEFAULT_REGION: 'ams3', SPAWN_FLEET_DRAIN_MAX_SECONDS: '600', SPAWN_FLEET_JOIN_TIMEOUT_SECONDS: '600' });
    const busy = await joinedHost('ams3', 'w-busy', new Date(), new Date());
    const emptied = await joinedHost('ams3', 'w-emptied', new Date(), new Date());
    const app = await onWorker('ams3', 'w-busy', 'running', 'api');
    const ending = await onWorker('ams3', 'w-emptied', 'running', 'api');
    const s = scaler(cfg, new RedisLease(REDIS_URL, `spawnai:${space.namespace}:lease-f`, 'f', 5_000), 'f');
    failed.length = 0;
    await s.runOnce();
    // Within the drain time both keep serving their apps.
    expect((await store.fleet.getHost(busy.id))?.state).toBe('draining');
    expect((await store.fleet.getHost(emptied.id))?.state).toBe('draining');
    expect(failed).toEqual([]);
    // One app reaches its TTL (destroyed): its host is empty and goes at once, with no session failed.
    await store.sessions.transition(ending, ['running'], 'destroyed', { destroyedAt: new Date() });
    await s.runOnce();
    expect(await store.fleet.getHost(emptied.id)).toMatchObject({ state: 'destroyed', reason: 'DRAINED' });
    expect(fake.droplets.has(Number(emptied.providerId))).toBe(false);
    expect(failed).toEqual([]);
    expect((await store.fleet.getHost(busy.id))?.state).toBe('draining');
    // The drain time runs out on the other: its app ends HOST_RETIRED, then the host is destroyed.
    await store.fleet.transitionHost(busy.id, ['draining'], 'draining', { drainStartedAt: new Date(Date.now() - 601_000) });
    await s.runOnce();
    expect(failed).toEqual([{ id: app, code: 'HOST_RETIRED' }]);
    expect(await store.fleet.getHost(busy.id)).toMatchObject({ state: 'destroyed', reason: 'DRAIN_TIMEOUT' });
    expect(fake.droplets.has(Number(busy.providerId))).toBe(false);
    await endSessions([app]);
  });
});
