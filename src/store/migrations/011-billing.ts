import type { Kysely, Migration } from 'kysely';

/**
 * Credits, budgets, the ledger, webhooks, their deliveries and alert incidents (issue 16). New
 * tables only. Money in the ledger is integer micro-dollars, so sums are exact on both dialects.
 */
export function billingMigration(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('billing_accounts')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('credits_limited', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('budget_soft_usd', 'double precision')
        .addColumn('budget_hard_usd', 'double precision')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ledger_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount_micro', 'bigint', (c) => c.notNull())
        .addColumn('session_id', 'text')
        // Idempotency key (`reserve:<session>`, `charge:<session>` …): a retried write is a no-op.
        .addColumn('ref', 'text', (c) => c.unique())
        .addColumn('note', 'text')
        .addColumn('actor', 'text')
        .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ledger_org_at_idx').on('ledger_entries').columns(['org_id', 'at']).execute();
      await db.schema.createIndex('ledger_session_idx').on('ledger_entries').column('session_id').execute();
      await db.schema
        .createTable('webhooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted_at', 'bigint')
        .execute();
      await db.schema.createIndex('webhooks_org_idx').on('webhooks').column('org_id').execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('webhook_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_deliveries_hook_idx').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();
      await db.schema
        .createTable('webhook_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('delivery_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('webhook_attempts_delivery_idx').on('webhook_attempts').column('delivery_id').execute();
      await db.schema
        .createTable('alert_incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        // `org:rule:subject` while open, null once closed: at most one open incident per key.
        .addColumn('open_key', 'text', (c) => c.unique())
        .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint')
        .execute();
      await db.schema.createIndex('alert_incidents_org_idx').on('alert_incidents').columns(['org_id', 'opened_at']).execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['alert_incidents', 'webhook_attempts', 'webhook_deliveries', 'webhooks', 'ledger_entries', 'billing_accounts']) await db.schema.dropTable(table).execute();
    },
  };
}
