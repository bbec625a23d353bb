import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log/index.ts';
import type { Store } from '../store/index.ts';

export interface CachedResult {
  outputs: unknown;
  stdout: string;
  stderr: string;
  durationMs: number | null;
}

/** Results of completed calls by (function version, canonical inputs), for a TTL. Failures are never cached. */
export interface ResultCache {
  readonly kind: 'off' | 'database' | 'redis';
  /** A miss, an expired entry and an unreachable backend all answer undefined. */
  get(key: string): Promise<CachedResult | undefined>;
  put(key: string, result: CachedResult): Promise<void>;
  close(): Promise<void>;
}

/**
 * JSON with object keys sorted at every level: equal inputs give equal text, whatever their key
 * order. An explicit stack of pending values and punctuation instead of recursion: inputs may be a
 * function's own outputs (a workflow step's), which no request body limit has bounded.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const current = item.value;
    if (Array.isArray(current)) {
      out.push('[');
      stack.push({ text: ']' });
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i] as unknown });
        if (i > 0) stack.push({ text: ',' });
      }
    } else if (current && typeof current === 'object') {
      const entries = Object.entries(current as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.push('{');
      stack.push({ text: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as [string, unknown];
        stack.push({ value: v });
        stack.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
      }
    } else {
      out.push(JSON.stringify(current ?? null));
    }
  }
  return out.join('');
}

export function resultCacheKey(functionId: string, version: number, inputs: unknown): string {
  return createHash('sha256').update(`${functionId}\u0000${version}\u0000${canonicalJson(inputs)}`).digest('hex');
}

const REDIS_COMMAND_TIMEOUT_MS = 2_000;

/** Redis when REDIS_URL is set (shared by every node, expired by Redis), else the database. */
export function createResultCache(options: { store: Store; redisUrl: string | undefined; namespace: string; ttlSeconds: number; logger: Logger }): ResultCache {
  const { store, ttlSeconds, logger } = options;
  const miss = (err: unknown): undefined => {
    logger.warn({ err }, 'function result cache unreachable: treated as a miss');
    return undefined;
  };
  if (ttlSeconds <= 0) return { kind: 'off', get: async () => undefined, put: async () => undefined, close: async () => undefined };
  if (!options.redisUrl) {
    return {
      kind: 'database',
      get: (key) => store.resultCache.get(key, new Date()).then((v) => v as CachedResult | undefined, miss),
      put: (key, result) => store.resultCache.put(key, result, new Date(Date.now() + ttlSeconds * 1000)).catch(miss),
      close: async () => undefined,
    };
  }
  const prefix = `spawnai:${options.namespace}:fn-result:`;
  let redis: Redis | undefined;
  const connection = (): Redis => {
    if (!redis) {
      redis = new Redis(options.redisUrl as string, { commandTimeout: REDIS_COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined);
    }
    return redis;
  };
  return {
    kind: 'redis',
    get: (key) => connection().get(prefix + key).then((text) => (text === null ? undefined : (JSON.parse(text) as CachedResult)), miss),
    put: (key, result) => connection().set(prefix + key, JSON.stringify(result), 'EX', ttlSeconds).then(() => undefined, miss),
    close: async () => {
      const r = redis;
      redis = undefined;
      if (r) await r.quit().catch(() => r.disconnect());
    },
  };
}
