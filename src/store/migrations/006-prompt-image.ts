import type { Kysely, Migration } from 'kysely';

/**
 * The image sent with a session's first message (JSON text `{mediaType, digest, bytes}`, null
 * without one). A nullable column: an older node writes nothing and reads past it. The bytes sit
 * in `artifact_blobs` under their digest, like a version's files and thumbnail.
 */
export function promptImageMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').addColumn('prompt_image', 'text').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').dropColumn('prompt_image').execute();
    },
  };
}
