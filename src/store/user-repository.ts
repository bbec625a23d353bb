import type { Kysely, Selectable } from 'kysely';
import { fromMs } from './codec.ts';
import type { Database } from './schema.ts';
import type { UsersTable } from './team-schema.ts';
import type { UserRecord, UserRepository } from './team-store.ts';

export function userFromRow(row: Selectable<UsersTable>): UserRecord {
  return { id: row.id, email: row.email, name: row.name, oidcIssuer: row.oidc_issuer, oidcSubject: row.oidc_subject, createdAt: fromMs(row.created_at) };
}

export class KyselyUserRepository implements UserRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(user: Omit<UserRecord, 'createdAt'>): Promise<UserRecord> {
    const row = await this.#db
      .insertInto('users')
      .values({ id: user.id, email: user.email, name: user.name, oidc_issuer: user.oidcIssuer, oidc_subject: user.oidcSubject, created_at: Date.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return userFromRow(row);
  }

  async get(id: string): Promise<UserRecord | null> {
    const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async findByOidc(issuer: string, subject: string): Promise<UserRecord | null> {
    const row = await this.#db.selectFrom('users').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.#db.selectFrom('users').selectAll().where('email', '=', email).orderBy('created_at').executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async updateProfile(id: string, patch: { name?: string; email?: string | null }): Promise<UserRecord | null> {
    const set = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.email !== undefined ? { email: patch.email } : {}) };
    if (Object.keys(set).length > 0) await this.#db.updateTable('users').set(set).where('id', '=', id).execute();
    return this.get(id);
  }
}
