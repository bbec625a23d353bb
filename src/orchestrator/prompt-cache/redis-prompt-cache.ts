import { Redis } from 'ioredis';
import type { CachedGeneration, PromptCache } from '../prompt-cache.ts';

const COMMAND_TIMEOUT_MS = 2_000;
const CONNECT_TIMEOUT_MS = 5_000;

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
  readonly #redisUrl: string;
  readonly #keyPrefix: string;
  #redis: Redis | undefined;

  constructor(options: { redisUrl: string; keyPrefix: string }) {
    this.#redisUrl = options.redisUrl;
    this.#keyPrefix = options.keyPrefix;
  }

  async get(key: string): Promise<CachedGeneration | null> {
    const text = await this.#connection().get(this.#keyPrefix + key);
    if (text === null) return null;
    const entry = JSON.parse(text) as StoredEntry;
    return { files: entry.files, command: entry.command, generator: entry.generator, model: entry.model, promptId: entry.promptId, createdAt: new Date(entry.createdAtMs) };
  }

  async put(key: string, entry: CachedGeneration, ttlMs: number): Promise<void> {
    const stored: StoredEntry = { files: entry.files, command: entry.command, generator: entry.generator, model: entry.model, promptId: entry.promptId, createdAtMs: entry.createdAt.getTime() };
    await this.#connection().set(this.#keyPrefix + key, JSON.stringify(stored), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async close(): Promise<void> {
    const redis = this.#redis;
    this.#redis = undefined;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  #connection(): Redis {
    if (!this.#redis) {
      // Fail fast: a cache that does not answer is a miss, never a stalled generation.
      const redis = new Redis(this.#redisUrl, { connectTimeout: CONNECT_TIMEOUT_MS, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 });
      redis.on('error', () => {});
      this.#redis = redis;
    }
    return this.#redis;
  }
}
