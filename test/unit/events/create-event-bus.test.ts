import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src/events/index.ts';

describe('createEventBus', () => {
  it('picks the in-process bus without a Redis URL and Redis pub/sub with one, connecting lazily', async () => {
    const memory = createEventBus({});
    const redis = createEventBus({ redisUrl: 'redis://127.0.0.1:1' }); // port 1 refuses: must stay unused
    expect([memory.kind, redis.kind]).toEqual(['memory', 'redis']);
    await Promise.all([memory.close(), redis.close()]);
  });

  it('refuses to publish or subscribe after close', async () => {
    const bus = createEventBus({});
    await bus.close();
    await expect(bus.subscribe('s1', () => {})).rejects.toThrow(/closed/);
    await expect(bus.publish({ seq: 1, sessionId: 's1', type: 'log', at: '', data: {} })).rejects.toThrow(/closed/);
  });
});
