import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../src/api-types.ts';
import { createEventBus, type EventBus, type NodeMessage } from '../../../src/events/index.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';

interface BusTarget {
  label: string;
  available: () => boolean;
  /** Whether two bus instances (two nodes) see each other's events; memory buses are separate. */
  crossInstance: boolean;
  open(channelPrefix: string): EventBus;
}

const TARGETS: BusTarget[] = [
  { label: 'memory', available: () => true, crossInstance: false, open: (channelPrefix) => createEventBus({ channelPrefix }) },
  {
    label: 'redis',
    available: () => requireService('redis'),
    crossInstance: true,
    open: (channelPrefix) => createEventBus({ redisUrl: REDIS_URL, channelPrefix }),
  },
];

let seq = 0;
const event = (sessionId: string, data: Record<string, unknown> = {}): SessionEvent => ({
  seq: ++seq,
  sessionId,
  type: 'log',
  at: new Date().toISOString(),
  data: { level: 'info', message: 'hello', ...data },
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
// Long enough for a Redis round trip that should not deliver anything.
const QUIET_MS = 150;

for (const target of TARGETS) {
  // Skipped only where this backend's service is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available())(`EventBus (${target.label})`, () => {
    const buses: EventBus[] = [];
    const prefix = `test-${randomUUID()}`;
    const open = (): EventBus => {
      const bus = target.open(prefix);
      buses.push(bus);
      return bus;
    };
    afterEach(async () => {
      await Promise.allSettled(buses.splice(0).map((bus) => bus.close()));
    });

    it("delivers an event to its session's subscribers only", async () => {
      const bus = open();
      const mine: SessionEvent[] = [];
      const other: SessionEvent[] = [];
      await bus.subscribe('s1', (e) => mine.push(e));
      await bus.subscribe('s2', (e) => other.push(e));
      const sent = event('s1', { n: 1 });
      await bus.publish(sent);
      await waitFor(() => mine.length === 1, 'the event');
      await sleep(QUIET_MS);
      expect(mine).toEqual([sent]);
      expect(other).toEqual([]);
    });

    it('carries node messages to every node subscriber, apart from session events', async () => {
      const a = open();
      const b = target.crossInstance ? open() : a;
      const gotA: NodeMessage[] = [];
      const gotB: NodeMessage[] = [];
      const sessionEvents: SessionEvent[] = [];
      const stopA = await a.subscribeNodes((m) => gotA.push(m));
      await b.subscribeNodes((m) => gotB.push(m));
      await a.subscribe('app.wake', (e) => sessionEvents.push(e));
      const wake: NodeMessage = { type: 'app.wake', sessionId: 's1' };
      await b.publishToNodes(wake);
      await waitFor(() => gotA.length === 1 && gotB.length === 1, 'the node message on both');
      expect(gotA).toEqual([wake]);
      stopA();
      await a.publishToNodes({ type: 'app.active', sessionIds: ['s1', 's2'] });
      await waitFor(() => gotB.length === 2, 'the second message');
      await sleep(QUIET_MS);
      expect(gotA).toHaveLength(1);
      expect(gotB[1]).toEqual({ type: 'app.active', sessionIds: ['s1', 's2'] });
      expect(sessionEvents).toEqual([]);
    });

    it('stops delivering to a listener after it unsubscribes, and keeps the others', async () => {
      const bus = open();
      const first: SessionEvent[] = [];
      const second: SessionEvent[] = [];
      const stopFirst = await bus.subscribe('s1', (e) => first.push(e));
      const stopSecond = await bus.subscribe('s1', (e) => second.push(e));
      await bus.publish(event('s1'));
      await waitFor(() => first.length === 1 && second.length === 1, 'both listeners');
      stopFirst();
      stopFirst(); // idempotent
      await bus.publish(event('s1'));
      await waitFor(() => second.length === 2, 'the remaining listener');
      stopSecond();
      await bus.publish(event('s1'));
      await sleep(QUIET_MS);
      expect([first.length, second.length]).toEqual([1, 2]);
    });

    it('receives an event published right after subscribe resolves, also after re-subscribing', async () => {
      const bus = open();
      const publisher = target.crossInstance ? open() : bus;
      for (let i = 0; i < 5; i++) {
        const sessionId = `live-${i}`;
        const got: SessionEvent[] = [];
        const stop = await bus.subscribe(sessionId, () => undefined);
        stop(); // the channel's UNSUBSCRIBE is in flight when the next SUBSCRIBE goes out
        await bus.subscribe(sessionId, (e) => got.push(e));
        await publisher.publish(event(sessionId));
        await waitFor(() => got.length === 1, `the event on ${sessionId}`);
      }
    });

    it('keeps delivering to other listeners when one throws, and reports the throw', async () => {
      const bus = open();
      const got: SessionEvent[] = [];
      const warnings: Error[] = [];
      const onWarning = (w: Error): void => void warnings.push(w);
      process.on('warning', onWarning);
      try {
        await bus.subscribe('s1', () => {
          throw new Error('listener bug');
        });
        await bus.subscribe('s1', (e) => got.push(e));
        await expect(bus.publish(event('s1'))).resolves.toBeUndefined();
        await waitFor(() => got.length === 1 && warnings.length > 0, 'the healthy listener and the warning');
        expect(warnings[0]?.message).toContain('listener bug');
      } finally {
        process.off('warning', onWarning);
      }
    });

    // Two instances stand for two nodes: Redis buses share events, memory buses are per process.
    it(target.crossInstance ? 'lets two nodes see each other’s events' : 'keeps two instances separate', async () => {
      const nodeA = open();
      const nodeB = open();
      const onA: SessionEvent[] = [];
      const onB: SessionEvent[] = [];
      await nodeA.subscribe('shared', (e) => onA.push(e));
      await nodeB.subscribe('shared', (e) => onB.push(e));
      const fromA = event('shared', { from: 'a' });
      const fromB = event('shared', { from: 'b' });
      await nodeA.publish(fromA);
      await nodeB.publish(fromB);
      if (target.crossInstance) {
        await waitFor(() => onA.length === 2 && onB.length === 2, 'both events on both nodes');
        expect(onA).toEqual([fromA, fromB]);
        expect(onB).toEqual([fromA, fromB]);
      } else {
        await sleep(QUIET_MS);
        expect(onA).toEqual([fromA]);
        expect(onB).toEqual([fromB]);
      }
    });
  });
}
