import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../src/api-types.ts';
import { createEventBus, type EventBus } from '../../../src/events/index.ts';
import { createLogger } from '../../../src/log/index.ts';
import { SessionEvents } from '../../../src/orchestrator/index.ts';
import { createStore, type Store } from '../../../src/store/index.ts';
import { POSTGRES_URL, REDIS_URL, requireService } from '../../support/services.ts';

/** `SessionEvents.follow()` (what the SSE route streams) on every store × bus pairing that runs here. */
interface Target {
  label: string;
  available: () => boolean;
  open(): Promise<{ store: Store; bus: EventBus; teardown(): Promise<void> }>;
}

async function sqliteWithMemoryBus(): ReturnType<Target['open']> {
  const dir = mkdtempSync(join(tmpdir(), 'spawnai-follow-'));
  const store = await createStore({ sqliteFile: join(dir, 'store.db') });
  await store.migrate();
  const bus = createEventBus({ channelPrefix: `test-${randomUUID()}` });
  return { store, bus, teardown: async () => (await bus.close(), await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function postgresWithRedisBus(): ReturnType<Target['open']> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const store = await createStore({ databaseUrl: POSTGRES_URL, pgSchema: schema });
  await store.migrate();
  const bus = createEventBus({ redisUrl: REDIS_URL, channelPrefix: `test-${randomUUID()}` });
  return {
    store,
    bus,
    async teardown() {
      await bus.close();
      await store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
    },
  };
}

const TARGETS: Target[] = [
  { label: 'SQLite + memory bus', available: () => true, open: sqliteWithMemoryBus },
  { label: 'PostgreSQL + Redis bus', available: () => requireService('postgres') && requireService('redis'), open: postgresWithRedisBus },
];

/** Counts live subscriptions, to prove that follow() always unsubscribes. */
function countingBus(bus: EventBus): EventBus & { live: number } {
  const counting = {
    live: 0,
    kind: bus.kind,
    publish: (event: SessionEvent) => bus.publish(event),
    async subscribe(sessionId: string, listener: (event: SessionEvent) => void) {
      const off = await bus.subscribe(sessionId, listener);
      counting.live++;
      return () => {
        counting.live--;
        off();
      };
    },
    publishToNodes: bus.publishToNodes.bind(bus),
    subscribeNodes: bus.subscribeNodes.bind(bus),
    close: () => bus.close(),
  };
  return counting;
}

async function collect(iterable: AsyncIterable<SessionEvent>, until?: (e: SessionEvent) => boolean): Promise<SessionEvent[]> {
  const seen: SessionEvent[] = [];
  for await (const e of iterable) {
    seen.push(e);
    if (until?.(e)) break;
  }
  return seen;
}

const seqs = (events: SessionEvent[]): number[] => events.map((e) => e.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

for (const target of TARGETS) {
  // Skipped only where PostgreSQL or Redis is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available())(`SessionEvents.follow on ${target.label}`, () => {
    let teardown: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await teardown?.();
      teardown = undefined;
    });

    async function open(): Promise<{ store: Store; bus: EventBus & { live: number }; events: SessionEvents; sessionId: string }> {
      const opened = await target.open();
      teardown = opened.teardown;
      const bus = countingBus(opened.bus);
      return { store: opened.store, bus, events: new SessionEvents(opened.store, bus, createLogger('silent')), sessionId: `test-${randomUUID()}` };
    }

    it('replays a log longer than one batch after afterSeq, in order, and ends at a terminal state', async () => {
      const { store, bus, events, sessionId } = await open();
      for (let i = 1; i <= 1203; i++) await store.events.append(sessionId, 'log', { level: 'info', message: `line ${i}` });
      await store.events.append(sessionId, 'state', { state: 'failed' });
      const seen = await collect(events.follow(sessionId, 100, new AbortController().signal));
      expect(seqs(seen)).toEqual(range(101, 1204));
      expect(seen.at(-1)?.data).toEqual({ state: 'failed' });
      expect(bus.live).toBe(0);
    });

    it('goes on live after the replay: every event once, in order, even when many arrive while the consumer is busy', async () => {
      const { bus, events, sessionId } = await open();
      await events.emit(sessionId, 'log', { level: 'info', message: 'before' });
      const controller = new AbortController();
      const seen: SessionEvent[] = [];
      const following = (async () => {
        for await (const e of events.follow(sessionId, 0, controller.signal)) {
          seen.push(e);
          // A slow consumer: live messages pile up while it is away.
          if (e.seq % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await expect.poll(() => seen.length).toBe(1);
      await Promise.all(Array.from({ length: 40 }, (_, i) => events.emit(sessionId, 'log', { level: 'info', message: `live ${i}` })));
      await events.emit(sessionId, 'state', { state: 'destroyed' });
      await following;
      expect(seqs(seen)).toEqual(range(1, 42));
      expect(bus.live).toBe(0);
    });

    it('picks up an event that was stored but never published, on the 5 s catch-up read', async () => {
      const { store, events, sessionId } = await open();
      const controller = new AbortController();
      const startedMs = Date.now();
      const following = collect(events.follow(sessionId, 0, controller.signal), (e) => e.seq === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store.events.append(sessionId, 'log', { level: 'info', message: 'stored only' });
      const seen = await following;
      expect(seqs(seen)).toEqual([1]);
      expect(Date.now() - startedMs).toBeLessThan(8_000);
    });

    it('ends when the signal aborts, waiting or not, and unsubscribes', async () => {
      const { bus, events, sessionId } = await open();
      await events.emit(sessionId, 'log', { level: 'info', message: 'one' });
      const controller = new AbortController();
      const seen: SessionEvent[] = [];
      const following = (async () => {
        for await (const e of events.follow(sessionId, 0, controller.signal)) seen.push(e);
      })();
      await expect.poll(() => bus.live).toBe(1);
      await expect.poll(() => seen.length).toBe(1);
      controller.abort();
      await following;
      expect(bus.live).toBe(0);
      // Already aborted: nothing is read and nothing stays subscribed.
      expect(await collect(events.follow(sessionId, 0, controller.signal))).toEqual([]);
      expect(bus.live).toBe(0);
    });

    it('unsubscribes when the consumer stops early', async () => {
      const { bus, events, sessionId } = await open();
      for (let i = 0; i < 3; i++) await events.emit(sessionId, 'log', { level: 'info', message: `m${i}` });
      const seen = await collect(events.follow(sessionId, 0, new AbortController().signal), (e) => e.seq === 2);
      expect(seqs(seen)).toEqual([1, 2]);
      expect(bus.live).toBe(0);
    });
  });
}
