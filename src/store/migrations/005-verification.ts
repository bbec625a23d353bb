import type { Kysely, Migration } from 'kysely';

/**
 * What the verifier found about the version a session serves (JSON text, null until a version
 * was checked). A nullable column: an older node writes nothing and reads past it. The version's
 * thumbnail needs no column: its digest rides in the version's `meta`, the PNG in `artifact_blobs`.
 */
export function verificationMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').addColumn('verification', 'text').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').dropColumn('verification').execute();
    },
  };
}
