import type { Kysely, Migration } from 'kysely';

/**
 * Scale-to-zero: one row per time an app was paused. Intervals rather than a counter on the
 * session, so billing can be recomputed, a crash while paused leaves an open interval the next
 * node adopts, and an app restarted into a fresh sandbox keeps its history.
 */
export function sandboxActivityMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('session_pauses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('sandbox_id', 'text', (c) => c.notNull())
        .addColumn('paused_at', 'bigint', (c) => c.notNull())
        .addColumn('resumed_at', 'bigint')
        .execute();
      await db.schema.createIndex('session_pauses_session_idx').on('session_pauses').columns(['session_id', 'paused_at']).execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('session_pauses').ifExists().execute();
    },
  };
}
