import type { Kysely } from 'kysely';
import { fromJson, toJson } from './codec.ts';
import type { ResultCacheRepository } from './function-store.ts';
import type { Database } from './schema.ts';

/** Function results by cache key, expired by `expires_at` (reads ignore expired rows; the sweeper deletes them). */
export class KyselyResultCacheRepository implements ResultCacheRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(key: string, now: Date): Promise<unknown> {
    const row = await this.#db.selectFrom('function_result_cache').select('value').where('cache_key', '=', key).where('expires_at', '>', now.getTime()).executeTakeFirst();
    return row ? fromJson<unknown>(row.value) : undefined;
  }

  async put(key: string, value: unknown, expiresAt: Date): Promise<void> {
    const row = { cache_key: key, value: toJson(value), expires_at: expiresAt.getTime() };
    await this.#db
      .insertInto('function_result_cache')
      .values(row)
      .onConflict((oc) => oc.column('cache_key').doUpdateSet({ value: row.value, expires_at: row.expires_at }))
      .execute();
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.#db.deleteFrom('function_result_cache').where('expires_at', '<=', now.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
