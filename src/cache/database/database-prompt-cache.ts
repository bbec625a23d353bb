import { createHash } from 'node:crypto';
import type { PromptCacheRecord, Store } from '../../store/index.ts';
import type { CachedGeneration, PromptCache } from '../cache.ts';

/** Expired rows are swept at most this often, on writes. */
const SWEEP_INTERVAL_MS = 10 * 60_000; // 10 min

/**
 * Entries in the `prompt_cache` table; file contents go to the content-addressed artifact blobs,
 * so a cached app costs one small row beyond the files its sessions already stored.
 */
export class DatabasePromptCache implements PromptCache {
  readonly kind = 'database' as const;
  readonly #store: Store;
  #lastSweepMs = 0;

  constructor(store: Store) {
    this.#store = store;
  }

  async get(key: string): Promise<CachedGeneration | null> {
    const row = await this.#store.promptCache.get(key, new Date());
    if (!row) return null;
    const files: CachedGeneration['files'] = [];
    for (const [path, { digest }] of Object.entries(row.files)) {
      const content = await this.#store.artifacts.getBlob(digest);
      // A blob that went missing makes the entry useless: generate instead.
      if (!content) return null;
      files.push({ path, content: content.toString('utf8') });
    }
    return { files, command: row.command, generator: row.generator, model: row.model, promptId: row.promptId, createdAt: row.createdAt };
  }

  async put(key: string, entry: CachedGeneration, ttlMs: number): Promise<void> {
    const files: PromptCacheRecord['files'] = {};
    for (const file of entry.files) {
      const content = Buffer.from(file.content, 'utf8');
      const digest = createHash('sha256').update(content).digest('hex');
      await this.#store.artifacts.putBlob(digest, content);
      files[file.path] = { digest, size: content.length };
    }
    const now = new Date();
    await this.#store.promptCache.put({ key, files, command: entry.command, generator: entry.generator, model: entry.model, promptId: entry.promptId, createdAt: entry.createdAt, expiresAt: new Date(now.getTime() + ttlMs) });
    if (now.getTime() - this.#lastSweepMs > SWEEP_INTERVAL_MS) {
      this.#lastSweepMs = now.getTime();
      await this.#store.promptCache.deleteExpired(now);
    }
  }

  async close(): Promise<void> {}
}
