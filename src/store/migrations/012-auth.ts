import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in state kept server-side, so a sign-out or a revocation holds on every node at once:
 * browser sessions (the control plane's cookie points at a row here, by hash), the single-use codes
 * and per-app grants of private apps, and the server's own signing key for cookies.
 */
export function authMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('auth_web_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        // The hash before the last rotation, still accepted for a short grace (requests in flight).
        .addColumn('prev_token_hash', 'text')
        .addColumn('rotated_at', 'bigint', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('current_org_id', 'text')
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('id_token', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('auth_web_sessions_prev_idx').on('auth_web_sessions').column('prev_token_hash').execute();
      await db.schema.createIndex('auth_web_sessions_user_idx').on('auth_web_sessions').column('user_id').execute();
      await db.schema
        .createTable('auth_app_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('web_session_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createTable('auth_app_grants')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('web_session_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('auth_app_grants_session_idx').on('auth_app_grants').column('web_session_id').execute();
      await db.schema
        .createTable('auth_keys')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['auth_keys', 'auth_app_grants', 'auth_app_codes', 'auth_web_sessions']) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
