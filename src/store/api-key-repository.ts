import type { Kysely, Selectable } from 'kysely';
import type { ApiKeyScope } from '../api-types.ts';
import { fromJson, fromMs, fromMsOrNull, toJson } from './codec.ts';
import type { Database } from './schema.ts';
import type { OrgApiKeysTable } from './team-schema.ts';
import type { ApiKeyRecord, ApiKeyRepository } from './team-store.ts';

function keyFromRow(row: Selectable<OrgApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    creatorId: row.creator_id,
    name: row.name,
    scopes: fromJson<ApiKeyScope[]>(row.scopes),
    keyHash: row.key_hash,
    prefix: row.prefix,
    createdAt: fromMs(row.created_at),
    lastUsedAt: fromMsOrNull(row.last_used_at),
    revokedAt: fromMsOrNull(row.revoked_at),
  };
}

export class KyselyApiKeyRepository implements ApiKeyRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(key: Omit<ApiKeyRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiKeyRecord> {
    const row = await this.#db
      .insertInto('org_api_keys')
      .values({
        id: key.id,
        org_id: key.orgId,
        creator_id: key.creatorId,
        name: key.name,
        scopes: toJson(key.scopes),
        key_hash: key.keyHash,
        prefix: key.prefix,
        created_at: Date.now(),
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return keyFromRow(row);
  }

  async list(orgId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.#db.selectFrom('org_api_keys').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(keyFromRow);
  }

  async findByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const row = await this.#db.selectFrom('org_api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    return row ? keyFromRow(row) : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.#db.updateTable('org_api_keys').set({ last_used_at: at.getTime() }).where('id', '=', id).execute();
  }

  async revoke(orgId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.#db
      .updateTable('org_api_keys')
      .set({ revoked_at: at.getTime() })
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
