import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeMigrationProvider } from '../../../src/store/migrations/migration-provider.ts';
import type { Store } from '../../../src/store/index.ts';
import type { StoreHarness } from './store-harness.ts';
import { STORE_TARGETS } from './store-targets.ts';

// Kysely<any>: the database as a node of the previous version sees it, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** A database as the version before migration 007 left it: migrated to 005, with its own rows. */
async function legacyDatabase(harness: StoreHarness): Promise<void> {
  const { databaseUrl, pgSchema, sqliteFile } = harness.options;
  let db: AnyDb;
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${pgSchema}"`).finally(() => admin.end());
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1, options: `-c search_path=${pgSchema}` }) }) });
  } else {
    mkdirSync(dirname(sqliteFile!), { recursive: true });
    db = new Kysely({ dialect: new SqliteDialect({ database: new SqliteDatabase(sqliteFile!) }) });
  }
  const dialect = databaseUrl ? 'postgres' : 'sqlite';
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider(dialect), disableTransactions: dialect === 'sqlite', ...(pgSchema ? { migrationTableSchema: pgSchema } : {}) });
  const result = await migrator.migrateTo('005-verification');
  if (result.error) throw result.error;
  const now = Date.now();
  await db.insertInto('api_tokens').values({ id: 't1', name: 'alice', owner_id: 'alice', token_hash: 'h1', created_at: now }).execute();
  for (const [id, owner] of [['s_alice', 'alice'], ['s_local', 'local']]) {
    await db
      .insertInto('sessions')
      .values({
        id, owner_id: owner, prompt: 'p', title: 't', app_type: 'webapp', app_type_source: 'inferred', state: 'running', progress: 100, generator: 'g',
        tier: 'small', ttl_seconds: 60, created_at: now, updated_at: now, expires_at: now + 60_000, estimated_cost: 0, cache_hit: 0, cache_bypass: 0,
      })
      .execute();
  }
  await db.insertInto('functions').values({ id: 'fn_bob', owner_id: 'bob', name: 'f', latest_version: 1, created_at: now, updated_at: now }).execute();
  await db.destroy();
}

for (const target of STORE_TARGETS) {
  // PostgreSQL is skipped only where it is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`teams data model (${target.name})`, () => {
    let harness: StoreHarness | undefined;
    afterEach(async () => {
      await harness?.teardown();
      harness = undefined;
    });
    async function freshStore(): Promise<Store> {
      harness = await target.createHarness();
      const store = await harness.open();
      await store.migrate();
      return store;
    }

    it('migrates an existing database: each owner becomes a user with a personal org of the same id owning their records', async () => {
      harness = await target.createHarness();
      await legacyDatabase(harness);
      const store = await harness.open();
      await store.migrate();

      for (const owner of ['alice', 'local', 'bob']) {
        expect((await store.users.get(owner))?.name).toBe(owner);
        expect(await store.orgs.get(owner)).toMatchObject({ id: owner, personal: true, limits: {} });
        expect(await store.orgs.roleOf(owner, owner)).toBe('owner');
        expect(await store.orgs.listForUser(owner)).toEqual([expect.objectContaining({ role: 'owner', org: expect.objectContaining({ id: owner }) })]);
      }
      const session = await store.sessions.get('s_alice');
      expect(session).toMatchObject({ ownerId: 'alice', visibility: 'public', creatorId: 'alice' });
      expect(await store.ownership.creatorOf('functions', 'fn_bob')).toBe('bob');
      expect(await store.sessions.listByOwner('alice', { limit: 10 })).toHaveLength(1);
      // Migrating again finds nothing to do.
      await store.migrate();
      expect(await store.orgs.members('alice')).toHaveLength(1);
    });

    it('organisations, members, API keys, invitations and the audit log round-trip', async () => {
      const store = await freshStore();
      await store.orgs.ensurePersonal('ann', 'Ann');
      await store.orgs.ensurePersonal('ann', 'Ann');
      await store.orgs.ensurePersonal('ben', 'Ben');
      const org = await store.orgs.create({ id: 'org_acme', name: 'Acme', personal: false, ownerId: 'ann' });
      expect(org).toMatchObject({ personal: false, limits: {} });
      await store.orgs.putMember('org_acme', 'ben', 'viewer');
      await store.orgs.putMember('org_acme', 'ben', 'member');
      expect((await store.orgs.members('org_acme')).map((m) => [m.userId, m.role])).toEqual([['ann', 'owner'], ['ben', 'member']]);
      expect(await store.orgs.countOwners('org_acme')).toBe(1);
      expect((await store.orgs.update('org_acme', { limits: { maxActiveSessions: 3 } }))?.limits).toEqual({ maxActiveSessions: 3 });
      expect(await store.orgs.removeMember('org_acme', 'ben')).toBe(true);
      expect(await store.orgs.removeMember('org_acme', 'ben')).toBe(false);

      const key = await store.apiKeys.create({ id: 'k1', orgId: 'org_acme', creatorId: 'ann', name: 'ci', scopes: ['sessions:read'], keyHash: 'kh', prefix: 'spk_ab' });
      expect(key.lastUsedAt).toBeNull();
      await store.apiKeys.touch('k1', new Date(1_000));
      expect((await store.apiKeys.findByHash('kh'))?.lastUsedAt).toEqual(new Date(1_000));
      expect(await store.apiKeys.revoke('other_org', 'k1', new Date())).toBe(false);
      expect(await store.apiKeys.revoke('org_acme', 'k1', new Date())).toBe(true);
      expect(await store.apiKeys.revoke('org_acme', 'k1', new Date())).toBe(false);

      const inv = await store.invitations.create({ id: 'i1', orgId: 'org_acme', role: 'viewer', tokenHash: 'ih', createdBy: 'ann', expiresAt: new Date(Date.now() + 60_000) });
      expect(await store.invitations.consume(inv.id, 'ben', new Date(Date.now() + 120_000))).toBe(false);
      const [a, b] = await Promise.all([store.invitations.consume(inv.id, 'ben', new Date()), store.invitations.consume(inv.id, 'ann', new Date())]);
      expect([a, b].filter(Boolean)).toHaveLength(1);

      for (let i = 0; i < 3; i++) {
        await store.audit.append({ id: `a${i}`, orgId: 'org_acme', actorId: i === 2 ? 'ben' : 'ann', actorVia: 'token', action: i === 0 ? 'org.create' : 'apikey.create', target: null, result: 'ok', at: new Date(1000 + i), ip: '127.0.0.1', userAgent: 'ua', details: null });
      }
      expect((await store.audit.list('org_acme', { limit: 10 })).map((e) => e.id)).toEqual(['a2', 'a1', 'a0']);
      expect((await store.audit.list('org_acme', { limit: 10, actor: 'ann', action: 'apikey.create' })).map((e) => e.id)).toEqual(['a1']);
      expect((await store.audit.list('org_acme', { limit: 10, before: { at: new Date(1002), id: 'a2' } })).map((e) => e.id)).toEqual(['a1', 'a0']);
      expect((await store.audit.list('org_acme', { limit: 10, since: new Date(1001), until: new Date(1002) })).map((e) => e.id)).toEqual(['a1']);

      expect(await store.orgs.markDeleted('org_acme')).toBe(true);
      expect(await store.orgs.get('org_acme')).toBeNull();
      expect(await store.orgs.roleOf('org_acme', 'ann')).toBeNull();
    });
  });
}
