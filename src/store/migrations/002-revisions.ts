import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Follow-up edits and the prompt cache: the conversation about each app, cached generations, and
 * two session flags (served from the cache; asked not to use it).
 */
export function revisionsMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').addColumn('cache_hit', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('sessions').addColumn('cache_bypass', 'integer', (c) => c.notNull().defaultTo(0)).execute();

      await db.schema
        .createTable('session_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('version', 'integer')
        .addColumn('restore_version', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('session_messages_session_idx').on('session_messages').columns(['session_id', 'created_at']).execute();
      // At most one pending change per session, enforced by the database across workers.
      await db.schema
        .createIndex('session_messages_one_pending_idx')
        .on('session_messages')
        .column('session_id')
        .unique()
        .where(sql.ref('status'), '=', 'pending')
        .execute();

      await db.schema
        .createTable('prompt_cache')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('command', 'text')
        .addColumn('generator', 'text', (c) => c.notNull())
        .addColumn('model', 'text')
        .addColumn('prompt_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('prompt_cache_expires_idx').on('prompt_cache').column('expires_at').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('prompt_cache').ifExists().execute();
      await db.schema.dropTable('session_messages').ifExists().execute();
      await db.schema.alterTable('sessions').dropColumn('cache_bypass').execute();
      await db.schema.alterTable('sessions').dropColumn('cache_hit').execute();
    },
  };
}
