import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /** How long a connection attempt may take before it counts as failed. */
  connectTimeoutMs: number;
  /** Commands that take longer fail (ioredis `commandTimeout`); none by default. */
  commandTimeoutMs?: number;
  /**
   * Retries of a command over reconnects; `null` waits for the connection indefinitely (BullMQ
   * workers need that). ioredis' own default (20) when absent.
   */
  maxRetriesPerRequest?: number | null;
}

/** Fail fast: a cache that does not answer is a miss, never a stalled request. */
export const CACHE_CONNECTION: RedisConnectionOptions = { connectTimeoutMs: 5_000, commandTimeoutMs: 2_000, maxRetriesPerRequest: 1 };

/**
 * The one place a Redis client is made (queue, event bus, caches). Connection errors are not
 * emitted as unhandled 'error' events: ioredis reconnects by itself and every caller sees the
 * failure on the command it sent, which it handles (a cache miss, a retried job, a later replay).
 */
export function connectRedis(url: string, options: RedisConnectionOptions): Redis {
  const redis = new Redis(url, {
    connectTimeout: options.connectTimeoutMs,
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeout: options.commandTimeoutMs }),
    ...(options.maxRetriesPerRequest === undefined ? {} : { maxRetriesPerRequest: options.maxRetriesPerRequest }),
  });
  redis.on('error', () => undefined);
  return redis;
}

/** Quits politely, or drops the connection when Redis does not answer. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}

/**
 * One client made on first use and closed on demand, for services that must not connect before
 * they are used (a cache that is never hit never dials Redis).
 */
export class LazyRedis {
  readonly #url: string;
  readonly #options: RedisConnectionOptions;
  #redis: Redis | undefined;

  constructor(url: string, options: RedisConnectionOptions) {
    this.#url = url;
    this.#options = options;
  }

  get client(): Redis {
    this.#redis ??= connectRedis(this.#url, this.#options);
    return this.#redis;
  }

  async close(): Promise<void> {
    const redis = this.#redis;
    this.#redis = undefined;
    if (redis) await closeRedis(redis);
  }
}
