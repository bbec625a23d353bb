import type { Logger } from '../log/index.ts';
import type { Store } from '../store/index.ts';
import type { PromptCache, ResultCache } from './cache.ts';
import { DatabasePromptCache } from './database/database-prompt-cache.ts';
import { DatabaseResultCache } from './database/database-result-cache.ts';
import { RedisPromptCache } from './redis/redis-prompt-cache.ts';
import { RedisResultCache } from './redis/redis-result-cache.ts';

export interface CacheOptions {
  store: Store;
  /** Set: Redis, shared by every node and expired by Redis. Unset: the database. */
  redisUrl: string | undefined;
  /** The installation's Redis namespace (`SPAWN_REDIS_NAMESPACE`). */
  namespace: string;
}

/** The one place a cache backend is chosen: Redis when REDIS_URL is set, else the database. */
function pick<T>(options: CacheOptions, name: string, backends: { redis: (url: string, keyPrefix: string) => T; database: () => T }): T {
  return options.redisUrl ? backends.redis(options.redisUrl, `spawnai:${options.namespace}:${name}:`) : backends.database();
}

export function createPromptCache(options: CacheOptions): PromptCache {
  return pick<PromptCache>(options, 'prompt-cache', {
    redis: (redisUrl, keyPrefix) => new RedisPromptCache({ redisUrl, keyPrefix }),
    database: () => new DatabasePromptCache(options.store),
  });
}

/**
 * The function result cache; `off` with a TTL of 0. An unreachable backend is a miss (logged),
 * never a failed call.
 */
export function createResultCache(options: CacheOptions & { ttlSeconds: number; logger: Logger }): ResultCache {
  const { ttlSeconds, logger } = options;
  if (ttlSeconds <= 0) return { kind: 'off', get: async () => undefined, put: async () => undefined, close: async () => undefined };
  const backend = pick<ResultCache>(options, 'fn-result', {
    redis: (redisUrl, keyPrefix) => new RedisResultCache({ redisUrl, keyPrefix, ttlSeconds }),
    database: () => new DatabaseResultCache(options.store, ttlSeconds),
  });
  const miss = (err: unknown): undefined => {
    logger.warn({ err }, 'function result cache unreachable: treated as a miss');
    return undefined;
  };
  return {
    kind: backend.kind,
    get: (key) => backend.get(key).catch(miss),
    put: (key, result) => backend.put(key, result).catch(miss),
    close: () => backend.close(),
  };
}
