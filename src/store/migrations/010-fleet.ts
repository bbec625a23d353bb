import type { Kysely, Migration } from 'kysely';

/**
 * The elastic fleet (issue 18): the region a session asked for (nullable: older rows and older
 * nodes mean the default region), the worker hosts the autoscaler created, their single-use join
 * tokens (only a hash), and the log of its decisions. Only new tables and a nullable column.
 */
export function fleetMigration(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').addColumn('region', 'text').execute();
      await db.schema
        .createTable('fleet_hosts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('size', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('worker_id', 'text')
        .addColumn('hourly_usd', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('capacity', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('joined_at', 'bigint')
        .addColumn('heartbeat_at', 'bigint')
        .addColumn('drain_started_at', 'bigint')
        .addColumn('destroyed_at', 'bigint')
        .addColumn('reason', 'text')
        .execute();
      await db.schema.createIndex('fleet_hosts_state_idx').on('fleet_hosts').columns(['state', 'region']).execute();
      await db.schema
        .createTable('fleet_join_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('host_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createTable('fleet_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('leader', 'text', (c) => c.notNull())
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addColumn('desired', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('fleet_decisions_at_idx').on('fleet_decisions').columns(['at']).execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('fleet_decisions').ifExists().execute();
      await db.schema.dropTable('fleet_join_tokens').ifExists().execute();
      await db.schema.dropTable('fleet_hosts').ifExists().execute();
      await db.schema.alterTable('sessions').dropColumn('region').execute();
    },
  };
}
