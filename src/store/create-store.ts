import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { cachingStatements } from './sqlite-statements.ts';
import pg from 'pg';
import { SpawnError } from '../errors/index.ts';
import { KyselyStore } from './kysely-store.ts';
import type { Database } from './schema.ts';
import type { Store, StoreOptions } from './store.ts';

const PG_POOL_MAX = 10;
const PG_CONNECT_TIMEOUT_MS = 10_000;
const PG_STATEMENT_TIMEOUT_MS = 30_000;
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_SQLITE_FILE = '.spawnai/spawnai.db';
const PG_INT8_OID = 20;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens the store: PostgreSQL for a `postgres://`/`postgresql://` URL, else a SQLite file.
 * Does not migrate; call `store.migrate()` (once per process is fine, concurrent calls are safe).
 *
 * @example
 * const store = await createStore({ databaseUrl: config.databaseUrl, sqliteFile: '.spawnai/spawnai.db' });
 * await store.migrate();
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return createPostgresStore(url, options.pgSchema);
  return createSqliteStore(options.sqliteFile ?? DEFAULT_SQLITE_FILE);
}

function createPostgresStore(connectionString: string, schema: string | undefined): Store {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new SpawnError('INTERNAL_ERROR', `invalid pgSchema "${schema}": use lowercase letters, digits and _ (at most 63)`);
  }
  const pool = new pg.Pool({
    connectionString,
    max: PG_POOL_MAX,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    statement_timeout: PG_STATEMENT_TIMEOUT_MS,
    // Epoch-ms columns are int8; pg returns int8 as strings by default. Per pool, not global.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection the server drops (restart, failover) is reported as an 'error' event — on the
  // pool when idle, on the client while checked out — which would crash the process if nobody
  // listened. Queries in flight get their own error; the pool discards the broken client and the
  // next query connects afresh.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore(db, 'postgres', schema ? { migrationTableSchema: schema } : {});
}

function createSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL lets readers in other processes work while one writes; busy_timeout makes writers wait
  // for each other instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: still never corrupt, and a
  // crash of this process loses nothing; only a power cut may undo the last commits. FULL made
  // every write (a dozen per session) wait for an fsync with the event loop blocked.
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) });
  return new KyselyStore(db, 'sqlite');
}
