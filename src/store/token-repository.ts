import type { Kysely, Selectable } from 'kysely';
import { fromMs } from './codec.ts';
import type { ApiTokensTable, Database } from './schema.ts';
import type { TokenRecord, TokenRepository } from './store.ts';

function tokenFromRow(row: Selectable<ApiTokensTable>): TokenRecord {
  return { id: row.id, name: row.name, ownerId: row.owner_id, tokenHash: row.token_hash, createdAt: fromMs(row.created_at) };
}

export class KyselyTokenRepository implements TokenRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(record: Omit<TokenRecord, 'createdAt'>): Promise<TokenRecord> {
    const row = await this.#db
      .insertInto('api_tokens')
      .values({ id: record.id, name: record.name, owner_id: record.ownerId, token_hash: record.tokenHash, created_at: Date.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return tokenFromRow(row);
  }

  async findByHash(tokenHash: string): Promise<TokenRecord | null> {
    const row = await this.#db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? tokenFromRow(row) : null;
  }

  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
