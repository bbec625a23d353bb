import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/index.ts';
import { createPromptCache, type CachedGeneration, type PromptCache } from '../../../src/cache/index.ts';
import { POSTGRES_URL, REDIS_URL, requireService } from '../../support/services.ts';

interface Target {
  name: string;
  available: boolean;
  /** A store (for the message table and the database cache) and the cache under test (default: the database's). */
  open(): Promise<{ store: Store; cache?: PromptCache; teardown(): Promise<void> }>;
}

async function sqliteStore(): Promise<{ store: Store; teardown(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'spawnai-cache-test-'));
  const store = await createStore({ sqliteFile: join(dir, 'store.db') });
  await store.migrate();
  return { store, teardown: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function postgresStore(): Promise<{ store: Store; teardown(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const store = await createStore({ databaseUrl: POSTGRES_URL, pgSchema: schema });
  await store.migrate();
  return {
    store,
    async teardown() {
      await store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

const TARGETS: Target[] = [
  { name: 'the database (SQLite)', available: true, open: sqliteStore },
  { name: 'the database (PostgreSQL)', available: requireService('postgres'), open: postgresStore },
  {
    name: 'Redis',
    available: requireService('redis'),
    async open() {
      const db = await sqliteStore();
      const namespace = `test-${randomUUID()}`;
      const prefix = `spawnai:${namespace}:prompt-cache:`;
      const cache = createPromptCache({ store: db.store, redisUrl: REDIS_URL, namespace });
      expect(cache.kind).toBe('redis');
      return {
        store: db.store,
        cache,
        async teardown() {
          await cache.close();
          const redis = new Redis(REDIS_URL);
          try {
            const keys = await redis.keys(`${prefix}*`);
            if (keys.length > 0) await redis.del(...keys);
          } finally {
            await redis.quit();
            await db.teardown();
          }
        },
      };
    },
  },
];

const entry = (label: string): CachedGeneration => ({
  files: [
    { path: 'index.html', content: `<h1>${label}</h1>` },
    { path: 'js/app.js', content: 'console.log("é ✓");' },
  ],
  command: null,
  generator: 'llm',
  model: 'openai:gpt-4.1',
  promptId: 'webapp.v1',
  createdAt: new Date(Math.floor(Date.now() / 1000) * 1000),
});

for (const target of TARGETS) {
  // Skipped only where this backend's service is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`prompt cache on ${target.name}`, () => {
    let opened: Awaited<ReturnType<Target['open']>> | undefined;
    let cache: PromptCache;
    beforeAll(async () => {
      opened = await target.open();
      cache = opened.cache ?? createPromptCache({ store: opened.store, redisUrl: undefined, namespace: 'unused' });
    });
    afterAll(async () => {
      await opened?.teardown();
    });

    it('returns what was put, misses unknown keys, and replaces an entry', async () => {
      const key = randomBytes(32).toString('hex');
      expect(await cache.get(key)).toBeNull();
      await cache.put(key, entry('one'), 60_000);
      expect(await cache.get(key)).toEqual(entry('one'));
      await cache.put(key, entry('two'), 60_000);
      expect((await cache.get(key))?.files[0]?.content).toBe('<h1>two</h1>');
    });

    it('forgets an entry after its TTL', async () => {
      const key = randomBytes(32).toString('hex');
      await cache.put(key, entry('short'), 300);
      expect(await cache.get(key)).not.toBeNull();
      await new Promise((r) => setTimeout(r, 400));
      expect(await cache.get(key)).toBeNull();
    });

    it('messages: one pending change per session, guarded finish, stale ones failed', async () => {
      const { messages } = opened!.store;
      const sessionId = `test-${randomUUID()}`;
      const at = new Date(Date.now() - 60_000);
      expect(await messages.addPending({ id: `a-${randomUUID()}`, sessionId, content: 'first', restoreVersion: null, createdAt: at })).toBe(true);
      const concurrent = await Promise.all([1, 2, 3].map((i) => messages.addPending({ id: `b${i}-${randomUUID()}`, sessionId, content: 'again', restoreVersion: 2, createdAt: new Date() })));
      expect(concurrent).toEqual([false, false, false]);
      const [pending] = await messages.listBySession(sessionId);
      expect(pending).toMatchObject({ role: 'user', status: 'pending', content: 'first', version: null, restoreVersion: null });
      expect(await messages.failStale(sessionId, new Date(at.getTime() - 1))).toBe(0);
      expect(await messages.failStale(sessionId, new Date())).toBe(1);
      expect(await messages.finish(pending!.id, 'done')).toBe(false);
      expect(await messages.addPending({ id: `c-${randomUUID()}`, sessionId, content: 'next', restoreVersion: 1, createdAt: new Date() })).toBe(true);
      const next = (await messages.listBySession(sessionId)).at(-1)!;
      expect(await messages.finish(next.id, 'done')).toBe(true);
      expect(await messages.finish(next.id, 'failed')).toBe(false);
      expect((await messages.get(next.id))?.status).toBe('done');
    });
  });
}
