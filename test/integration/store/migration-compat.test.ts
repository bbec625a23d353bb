import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type ColumnMetadata, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreDialect } from '../../../src/store/codec.ts';
import { CodeMigrationProvider } from '../../../src/store/migrations/migration-provider.ts';
import { POSTGRES_URL, requireService } from '../../support/services.ts';

/**
 * A rolling upgrade runs old and new nodes on one database: the first new node migrates it, and
 * old nodes keep running their queries on the migrated schema until they are replaced. For every
 * point in the migration list (so migrations added later are covered too), an "old node" at that
 * point writes rows with the shape it knows; after migrating to the latest, its reads and writes
 * — naming only the columns it knows — must still work and its rows must be intact.
 */
// Kysely<any>: the schema is whatever the migrations made at that point, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Target {
  dialect: StoreDialect;
  available: () => boolean;
  open(): Promise<{ db: AnyDb; migrator: Migrator; teardown(): Promise<void> }>;
}

const migrator = (db: AnyDb, dialect: StoreDialect, schema?: string) =>
  new Migrator({ db, provider: new CodeMigrationProvider(dialect), disableTransactions: dialect === 'sqlite', ...(schema ? { migrationTableSchema: schema } : {}) });

const TARGETS: Target[] = [
  {
    dialect: 'sqlite',
    available: () => true,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'spawnai-compat-'));
      const db: AnyDb = new Kysely({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dir, 'store.db')) }) });
      return { db, migrator: migrator(db, 'sqlite'), teardown: async () => (await db.destroy(), rmSync(dir, { recursive: true, force: true })) };
    },
  },
  {
    dialect: 'postgres',
    // Skipped only where PostgreSQL is missing; requireService() fails the run in CI instead.
    available: () => requireService('postgres'),
    async open() {
      const schema = `compat_${randomBytes(6).toString('hex')}`;
      const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2, options: `-c search_path=${schema}` });
      const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
      return {
        db,
        migrator: migrator(db, 'postgres', schema),
        async teardown() {
          await db.destroy();
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
        },
      };
    },
  },
];

function ok(result: MigrationResultSet): void {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
}

/** Every table with its columns (Kysely's own migration tables left out). */
async function tables(db: AnyDb): Promise<Map<string, ColumnMetadata[]>> {
  return new Map((await db.introspection.getTables()).map((t) => [t.name, [...t.columns]]));
}

/** A value of the column's type, unique enough for keys and unique indexes. */
function valueFor(column: ColumnMetadata): unknown {
  const type = column.dataType.toLowerCase();
  if (/int|serial/.test(type)) return 1 + Math.floor(Math.random() * 2 ** 31);
  if (/double|float|real|numeric|decimal/.test(type)) return 0.5;
  if (/bytea|blob/.test(type)) return Buffer.from(`old ${randomUUID()}`);
  return `old-${randomUUID()}`;
}

/** What an old node's INSERT names: every column it knows, nothing else. */
const oldRow = (columns: ColumnMetadata[]) => Object.fromEntries(columns.map((c) => [c.name, valueFor(c)]));
/** Values as read back, comparable across drivers (pg returns int8 as text). */
const comparable = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : String(v)]));

for (const target of TARGETS) {
  // SQLite always runs; PostgreSQL is skipped only where it is missing, and requireService() fails the run in CI instead.
  describe.skipIf(!target.available())(`migrations keep an older node working (${target.dialect})`, async () => {
    const names = Object.keys(await new CodeMigrationProvider(target.dialect).getMigrations()).sort();
    let teardown: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await teardown?.();
      teardown = undefined;
    });

    it('has migrations to check', () => {
      expect(names.length).toBeGreaterThan(1);
    });

    // The older node is the one whose newest migration is `last`; everything after it is new.
    it.each(names.slice(0, -1))('a node at %s reads and writes as before on the latest schema', async (last) => {
      const opened = await target.open();
      teardown = opened.teardown;
      const { db } = opened;
      ok(await opened.migrator.migrateTo(last));
      const before = await tables(db);
      const written = new Map<string, Record<string, unknown>>();
      for (const [table, columns] of before) {
        const row = oldRow(columns);
        await db.insertInto(table).values(row).execute();
        written.set(table, row);
      }

      ok(await opened.migrator.migrateToLatest());

      const after = await tables(db);
      for (const [table, columns] of before) {
        const known = columns.map((c) => c.name);
        expect(after.has(table), `table ${table} still exists`).toBe(true);
        expect(after.get(table)!.map((c) => c.name), `columns of ${table} kept`).toEqual(expect.arrayContaining(known));
        // Its rows are intact, read with the columns it knows.
        const rows = await db.selectFrom(table).select(known).execute();
        expect(rows.map(comparable), `the old row of ${table}`).toContainEqual(comparable(written.get(table)!));
        // Its inserts (new columns left out) and updates still succeed.
        const row = oldRow(columns);
        await expect(db.insertInto(table).values(row).execute(), `old-shape insert into ${table}`).resolves.toBeDefined();
        const [key, ...rest] = columns;
        const changed = rest.find((c) => !c.isAutoIncrementing) ?? key!;
        await db.updateTable(table).set({ [changed.name]: valueFor(changed) }).where(key!.name, '=', row[key!.name]).execute();
      }
    });
  });
}
