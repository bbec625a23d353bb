import { sql, type Kysely, type Migration } from 'kysely';

/** Tables whose rows belong to an organisation and record who created them. */
export const ORG_OWNED_TABLES = ['sessions', 'functions', 'workflows', 'studies', 'tasks'] as const;

/**
 * Users, organisations, memberships, API keys, invitations and the audit log; org + creator on
 * every owned record; a session's visibility. Additive only: new tables, nullable columns (and one
 * with a default), so a node on the previous version keeps running on the migrated schema.
 *
 * Existing data: every owner id found (token owners and owners of records) becomes a user with a
 * personal organisation OF THE SAME ID, owning their records. Code keyed by owner id keeps working
 * because a request's owner id is now its organisation id, and a personal org's id is its user's.
 */
export function teamsMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await createTeamTables(db);
      for (const table of ORG_OWNED_TABLES) {
        await db.schema.alterTable(table).addColumn('org_id', 'text').execute();
        await db.schema.alterTable(table).addColumn('creator_id', 'text').execute();
      }
      await db.schema.alterTable('sessions').addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public')).execute();
      await backfillPersonalOrgs(db);
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').dropColumn('visibility').execute();
      for (const table of ORG_OWNED_TABLES) {
        await db.schema.alterTable(table).dropColumn('creator_id').execute();
        await db.schema.alterTable(table).dropColumn('org_id').execute();
      }
      for (const table of ['audit_log', 'invitations', 'org_api_keys', 'memberships', 'organisations', 'users']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createTeamTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_oidc_idx').unique().on('users').columns(['oidc_issuer', 'oidc_subject']).execute();
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('personal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('limits', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema
    .createTable('memberships')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['org_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();
  await db.schema
    .createTable('org_api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('creator_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('org_api_keys_org_idx').on('org_api_keys').column('org_id').execute();
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('used_by', 'text')
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_via', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_log_org_idx').on('audit_log').columns(['org_id', 'at', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function backfillPersonalOrgs(db: Kysely<any>): Promise<void> {
  const now = sql.lit(Date.now());
  const owners = sql.raw(['api_tokens', ...ORG_OWNED_TABLES].map((t) => `select owner_id from ${t}`).join(' union '));
  await sql`insert into users (id, email, name, oidc_issuer, oidc_subject, created_at)
    select o.owner_id, null, o.owner_id, null, null, ${now} from (${owners}) o
    where not exists (select 1 from users u where u.id = o.owner_id)`.execute(db);
  await sql`insert into organisations (id, name, personal, limits, created_at, deleted_at)
    select u.id, u.name, 1, null, ${now}, null from users u
    where not exists (select 1 from organisations g where g.id = u.id)`.execute(db);
  await sql`insert into memberships (org_id, user_id, role, created_at)
    select u.id, u.id, 'owner', ${now} from users u
    where not exists (select 1 from memberships m where m.org_id = u.id and m.user_id = u.id)`.execute(db);
  for (const table of ORG_OWNED_TABLES) {
    await db.updateTable(table).set({ org_id: sql`owner_id`, creator_id: sql`owner_id` }).where('org_id', 'is', null).execute();
  }
}
