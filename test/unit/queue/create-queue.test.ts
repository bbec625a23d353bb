import { describe, expect, it } from 'vitest';
import { createQueue } from '../../../src/queue/index.ts';
import { backoffDelayMs } from '../../../src/queue/queue-support.ts';

describe('createQueue', () => {
  it('picks the in-process queue without a Redis URL and BullMQ with one, connecting lazily', async () => {
    const memory = createQueue({});
    // Port 1 refuses connections: constructing and closing must not touch the network.
    const bullmq = createQueue({ redisUrl: 'redis://127.0.0.1:1', name: 'never-used' });
    expect([memory.kind, bullmq.kind]).toEqual(['memory', 'bullmq']);
    await Promise.all([memory.close(), bullmq.close()]);
  });

  it('rejects queue names BullMQ cannot key', () => {
    expect(() => createQueue({ redisUrl: 'redis://127.0.0.1:1', name: 'a:b' })).toThrow(/must not contain ':'/);
  });

  it('rejects invalid attempts and concurrency with the value in the message', async () => {
    const queue = createQueue({});
    await expect(queue.enqueue('session.run', { sessionId: 's' }, { attempts: 0 })).rejects.toThrow(/attempts .* got 0/);
    await expect(queue.process(async () => {}, { concurrency: 1.5 })).rejects.toThrow(/concurrency .* got 1.5/);
    await queue.close();
  });

  it('refuses work after close with QUEUE_UNAVAILABLE', async () => {
    const queue = createQueue({});
    await queue.close();
    await expect(queue.enqueue('session.run', { sessionId: 's' })).rejects.toMatchObject({ code: 'QUEUE_UNAVAILABLE' });
    expect(await queue.ping()).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it('doubles per failed attempt and jitters down by at most the jitter fraction', () => {
    expect([1, 2, 3].map((n) => backoffDelayMs(1_000, n, 0.1, () => 1))).toEqual([1_000, 2_000, 4_000]);
    expect([1, 2, 3].map((n) => backoffDelayMs(1_000, n, 0.1, () => 0))).toEqual([900, 1_800, 3_600]);
    expect(backoffDelayMs(1_000, 1, 0)).toBe(1_000);
  });
});
