import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';
import { ownSpace, type OwnSpace } from '../../support/shared-services.ts';

const ready = requireService('postgres') && requireService('redis') && requireService('bwrap');

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * Scale-to-zero when the node that proxies an app is not the worker that runs it: an API node
 * (no worker) and a worker share PostgreSQL and Redis; requests reach the app through the API
 * node only, so the worker learns of them, and is asked to wake the app, over the Redis bus.
 */
// Skipped only where PostgreSQL, Redis or bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!ready)('scale-to-zero across nodes (API node + worker on Redis)', () => {
  let space: OwnSpace | undefined;
  let apiNode: Harness;
  let worker: Harness;
  let appId = '';

  beforeAll(async () => {
    space = await ownSpace('s2z');
    const env = {
      DATABASE_URL: space.databaseUrl,
      REDIS_URL,
      SPAWN_REDIS_NAMESPACE: space.namespace,
      SPAWN_IDLE_PAUSE_SECONDS: '2',
      SPAWN_HEALTH_INTERVAL_SECONDS: '0.5',
      SPAWN_RECONCILE_INTERVAL_SECONDS: '1',
    };
    worker = await startHarness(env, { worker: true });
    apiNode = await startHarness(env, { worker: false });
  });
  afterAll(async () => {
    await apiNode?.close();
    await worker?.close();
    await space?.drop();
  });

  const paused = (): Promise<Date | null> => worker.platform.store.pauses.openSince(appId);

  it('an app proxied only by the API node pauses when idle and is woken by its next request', async () => {
    expect(apiNode.platform.runtime.name).toBe('none');
    const created = await apiNode.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a notes REST API', appType: 'api' });
    expect(created.status).toBe(201);
    appId = created.body.id;
    const end = await apiNode.waitFor(appId, ['running', 'failed'], 60_000);
    expect(end.state, JSON.stringify(end.error)).toBe('running');
    expect((await apiNode.app(appId, '/')).status).toBe(200);

    await until('the idle app to be paused by the worker', paused);
    const started = performance.now();
    const woken = await apiNode.app(appId, '/');
    const wakeMs = performance.now() - started;
    expect(woken.status).toBe(200);
    expect(await paused()).toBeNull();
    console.info(`[scale-to-zero across nodes] request to a paused app answered in ${wakeMs.toFixed(0)} ms`);
    const messages = (await worker.platform.store.events.list(appId, 0, 500)).map((e) => String((e.data as { message?: unknown }).message ?? ''));
    expect(messages.some((m) => /^paused after \d+ s without requests/.test(m)), messages.join('\n')).toBe(true);
    expect(messages.some((m) => /^resumed by a request after/.test(m)), messages.join('\n')).toBe(true);
  }, 90_000);

  it('requests seen only by the API node keep the app awake', async () => {
    await until('the app to be awake', async () => (await paused()) === null);
    // Twice the idle threshold of steady traffic, all through the API node.
    const stopAt = Date.now() + 4_500;
    while (Date.now() < stopAt) {
      expect((await apiNode.app(appId, '/')).status).toBe(200);
      expect(await paused(), 'paused while requests were arriving').toBeNull();
      await new Promise((r) => setTimeout(r, 300));
    }
    // …and once the traffic stops it pauses again.
    await until('the app to pause again once idle', paused);
  }, 60_000);
});
