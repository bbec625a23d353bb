import { CACHE_CONNECTION, LazyRedis } from '../../redis/index.ts';
import type { CachedGeneration, PromptCache } from '../cache.ts';

interface StoredEntry {
  files: CachedGeneration['files'];
  command: string[] | null;
  generator: string;
  model: string | null;
  promptId: string;
  createdAtMs: number;
}

/**
 * One Redis string per entry (`<prefix><key>`, JSON with the file contents), expired by Redis
 * itself (SET … PX). Self-contained, so an evicted key just means a miss.
 */
export class RedisPromptCache implements PromptCache {
  readonly kind = 'redis' as const;
  readonly #redis: LazyRedis;
  readonly #keyPrefix: string;

  constructor(options: { redisUrl: string; keyPrefix: string }) {
    this.#redis = new LazyRedis(options.redisUrl, CACHE_CONNECTION);
    this.#keyPrefix = options.keyPrefix;
  }

  async get(key: string): Promise<CachedGeneration | null> {
    const text = await this.#redis.client.get(this.#keyPrefix + key);
    if (text === null) return null;
    const entry = JSON.parse(text) as StoredEntry;
    return { files: entry.files, command: entry.command, generator: entry.generator, model: entry.model, promptId: entry.promptId, createdAt: new Date(entry.createdAtMs) };
  }

  async put(key: string, entry: CachedGeneration, ttlMs: number): Promise<void> {
    const stored: StoredEntry = { files: entry.files, command: entry.command, generator: entry.generator, model: entry.model, promptId: entry.promptId, createdAtMs: entry.createdAt.getTime() };
    await this.#redis.client.set(this.#keyPrefix + key, JSON.stringify(stored), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  close(): Promise<void> {
    return this.#redis.close();
  }
}
