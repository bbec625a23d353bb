import type { Kysely } from 'kysely';
import { fromJson, fromMs, toJson, toMs } from './codec.ts';
import type { Database } from './schema.ts';
import type { CacheRepository, PromptCacheRecord } from './store.ts';

export class KyselyCacheRepository implements CacheRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(key: string, now: Date): Promise<PromptCacheRecord | null> {
    const row = await this.#db.selectFrom('prompt_cache').selectAll().where('key', '=', key).where('expires_at', '>', toMs(now)).executeTakeFirst();
    if (!row) return null;
    return {
      key: row.key,
      files: fromJson<PromptCacheRecord['files']>(row.files),
      command: row.command === null ? null : fromJson<string[]>(row.command),
      generator: row.generator,
      model: row.model,
      promptId: row.prompt_id,
      createdAt: fromMs(row.created_at),
      expiresAt: fromMs(row.expires_at),
    };
  }

  async put(record: PromptCacheRecord): Promise<void> {
    const values = {
      key: record.key,
      files: toJson(record.files),
      command: record.command === null ? null : toJson(record.command),
      generator: record.generator,
      model: record.model,
      prompt_id: record.promptId,
      created_at: toMs(record.createdAt),
      expires_at: toMs(record.expiresAt),
    };
    const { key: _key, ...update } = values;
    await this.#db
      .insertInto('prompt_cache')
      .values(values)
      .onConflict((oc) => oc.column('key').doUpdateSet(update))
      .execute();
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.#db.deleteFrom('prompt_cache').where('expires_at', '<=', toMs(now)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
