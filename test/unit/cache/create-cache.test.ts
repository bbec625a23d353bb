import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromptCache, createResultCache } from '../../../src/cache/index.ts';
import { createLogger } from '../../../src/log/index.ts';
import { createStore, type Store } from '../../../src/store/index.ts';

/** The one backend choice for both caches; nothing connects to Redis until a cache is used. */
describe('createPromptCache / createResultCache', () => {
  let store: Store;
  const logger = createLogger('silent');
  beforeAll(async () => {
    store = await createStore({ sqliteFile: ':memory:' });
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
  });

  it('uses the database without REDIS_URL and Redis with it', async () => {
    const onDb = createPromptCache({ store, redisUrl: undefined, namespace: 'n' });
    const onRedis = createPromptCache({ store, redisUrl: 'redis://127.0.0.1:1', namespace: 'n' });
    expect([onDb.kind, onRedis.kind]).toEqual(['database', 'redis']);
    const results = [createResultCache({ store, redisUrl: undefined, namespace: 'n', ttlSeconds: 60, logger }), createResultCache({ store, redisUrl: 'redis://127.0.0.1:1', namespace: 'n', ttlSeconds: 60, logger })];
    expect(results.map((c) => c.kind)).toEqual(['database', 'redis']);
    await Promise.all([onDb, onRedis, ...results].map((c) => c.close()));
  });

  it('turns the result cache off with a TTL of 0', async () => {
    const off = createResultCache({ store, redisUrl: undefined, namespace: 'n', ttlSeconds: 0, logger });
    expect(off.kind).toBe('off');
    await off.put('k', { outputs: 1, stdout: '', stderr: '', durationMs: 1 });
    expect(await off.get('k')).toBeUndefined();
  });

  it('keeps results in the database for their TTL', async () => {
    const cache = createResultCache({ store, redisUrl: undefined, namespace: 'n', ttlSeconds: 60, logger });
    const result = { outputs: { sum: 3 }, stdout: 'ok', stderr: '', durationMs: 12 };
    await cache.put('key-1', result);
    expect(await cache.get('key-1')).toEqual(result);
    expect(await cache.get('key-2')).toBeUndefined();
  });

  it('answers a miss, not an error, when Redis is unreachable', async () => {
    const cache = createResultCache({ store, redisUrl: 'redis://127.0.0.1:1', namespace: 'n', ttlSeconds: 60, logger });
    expect(await cache.get('anything')).toBeUndefined();
    await expect(cache.put('anything', { outputs: null, stdout: '', stderr: '', durationMs: null })).resolves.toBeUndefined();
    await cache.close();
  });
});
