import type { Kysely, Migration } from 'kysely';

/**
 * Files a caller uploads (inputs of functions) and files a function wrote under `./outputs/` (a
 * task's artifacts, `task_id` set). The bytes are content-addressed blobs in `artifact_blobs`, so
 * every node reads the same file and an identical upload is stored once.
 */
export function filesMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'bigint', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('task_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('files_org_idx').on('files').columns(['org_id']).execute();
      await db.schema.createIndex('files_task_idx').on('files').columns(['task_id', 'name']).execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('files').ifExists().execute();
    },
  };
}
