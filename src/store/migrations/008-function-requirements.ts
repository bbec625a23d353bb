import type { Kysely, Migration } from 'kysely';

/**
 * Per-function requirements (issue 17): the version's requirement lines (JSON text, null for
 * none; a nullable column an older node ignores) and one row per requirement set that names its
 * build state and the content-addressed layer it produced.
 */
export function functionRequirementsMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('function_versions').addColumn('requirements', 'text').execute();
      await db.schema
        .createTable('function_builds')
        .addColumn('build_key', 'text', (c) => c.primaryKey())
        .addColumn('runtime', 'text', (c) => c.notNull())
        .addColumn('requirements', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('log', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('layer', 'text')
        .addColumn('worker_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('function_builds_last_used_idx').on('function_builds').column('last_used_at').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('function_builds').ifExists().execute();
      await db.schema.alterTable('function_versions').dropColumn('requirements').execute();
    },
  };
}
