import type { Store } from '../../store/index.ts';
import type { CachedResult } from '../cache.ts';

/** Results in the `function_result_cache` table, expired by `expires_at` (the task sweeper deletes old rows). */
export class DatabaseResultCache {
  readonly kind = 'database' as const;
  readonly #store: Store;
  readonly #ttlMs: number;

  constructor(store: Store, ttlSeconds: number) {
    this.#store = store;
    this.#ttlMs = ttlSeconds * 1000;
  }

  async get(key: string): Promise<CachedResult | undefined> {
    return (await this.#store.resultCache.get(key, new Date())) as CachedResult | undefined;
  }

  put(key: string, result: CachedResult): Promise<void> {
    return this.#store.resultCache.put(key, result, new Date(Date.now() + this.#ttlMs));
  }

  async close(): Promise<void> {}
}
