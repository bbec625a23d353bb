import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../codec.ts';

/** The first schema: every table of the store, with the indexes the hot queries use. */
export function initialMigration(dialect: StoreDialect): Migration {
  const blobType = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('prompt', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('app_type', 'text', (c) => c.notNull())
        .addColumn('app_type_source', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('generator', 'text', (c) => c.notNull())
        .addColumn('model', 'text')
        .addColumn('tier', 'text', (c) => c.notNull())
        .addColumn('ttl_seconds', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('running_at', 'bigint')
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('destroyed_at', 'bigint')
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('estimated_cost', 'double precision', (c) => c.notNull())
        .addColumn('actual_cost', 'double precision')
        .addColumn('current_version', 'integer')
        .addColumn('worker_id', 'text')
        .addColumn('heartbeat_at', 'bigint')
        .execute();
      await db.schema.createIndex('sessions_owner_created_idx').on('sessions').columns(['owner_id', 'created_at']).execute();
      await db.schema.createIndex('sessions_state_idx').on('sessions').column('state').execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('session_events')
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        // The primary key is the UNIQUE(session_id, seq) that makes concurrent appends safe.
        .addPrimaryKeyConstraint('session_events_pk', ['session_id', 'seq'])
        .execute();

      await db.schema
        .createTable('cost_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount_usd', 'double precision', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cost_entries_session_idx').on('cost_entries').columns(['session_id', 'at']).execute();

      await db.schema
        .createTable('sandboxes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('driver', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('endpoint', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('destroyed_at', 'bigint')
        .execute();
      await db.schema.createIndex('sandboxes_session_idx').on('sandboxes').column('session_id').execute();
      await db.schema.createIndex('sandboxes_state_idx').on('sandboxes').column('state').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('artifact_blobs')
        .addColumn('digest', 'text', (c) => c.primaryKey())
        .addColumn('content', blobType, (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('artifact_versions')
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('meta', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('artifact_versions_pk', ['session_id', 'version'])
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['artifact_versions', 'artifact_blobs', 'api_tokens', 'sandboxes', 'cost_entries', 'session_events', 'sessions']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
