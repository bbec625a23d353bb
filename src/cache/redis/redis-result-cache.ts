import { CACHE_CONNECTION, LazyRedis } from '../../redis/index.ts';
import type { CachedResult } from '../cache.ts';

/** One Redis string per result (`<prefix><key>`, JSON), expired by Redis itself (SET … EX). */
export class RedisResultCache {
  readonly kind = 'redis' as const;
  readonly #redis: LazyRedis;
  readonly #keyPrefix: string;
  readonly #ttlSeconds: number;

  constructor(options: { redisUrl: string; keyPrefix: string; ttlSeconds: number }) {
    this.#redis = new LazyRedis(options.redisUrl, CACHE_CONNECTION);
    this.#keyPrefix = options.keyPrefix;
    this.#ttlSeconds = options.ttlSeconds;
  }

  async get(key: string): Promise<CachedResult | undefined> {
    const text = await this.#redis.client.get(this.#keyPrefix + key);
    return text === null ? undefined : (JSON.parse(text) as CachedResult);
  }

  async put(key: string, result: CachedResult): Promise<void> {
    await this.#redis.client.set(this.#keyPrefix + key, JSON.stringify(result), 'EX', this.#ttlSeconds);
  }

  close(): Promise<void> {
    return this.#redis.close();
  }
}
