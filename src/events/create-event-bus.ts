import type { EventBus, EventBusOptions } from './event-bus.ts';
import { MemoryEventBus } from './memory/memory-event-bus.ts';
import { RedisEventBus } from './redis/redis-event-bus.ts';

/**
 * The one place an event bus is chosen: Redis pub/sub when `redisUrl` is set (several nodes),
 * else the in-process emitter. Nothing connects until the bus is first used.
 *
 * @example
 * const bus = createEventBus({ redisUrl: config.redisUrl });
 * const stop = await bus.subscribe(sessionId, (event) => sse.send(event));
 */
export function createEventBus(options: EventBusOptions = {}): EventBus {
  const { redisUrl } = options;
  if (redisUrl) return new RedisEventBus({ ...options, redisUrl });
  return new MemoryEventBus(options);
}
