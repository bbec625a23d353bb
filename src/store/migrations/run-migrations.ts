import { setTimeout as sleep } from 'node:timers/promises';
import { Migrator, sql, type Kysely } from 'kysely';
import { SpawnError } from '../../errors/index.ts';
import type { StoreDialect } from '../codec.ts';
import type { Database } from '../schema.ts';
import { CodeMigrationProvider } from './migration-provider.ts';

const SQLITE_LOCK_ATTEMPTS = 10;

/**
 * Brings the schema to the latest migration. PostgreSQL: Kysely's migrator holds an advisory lock
 * inside one transaction. SQLite: Kysely's adapter has no lock across processes (two processes
 * would both see a migration as pending and the second fails with "table already exists"), so
 * the whole run happens inside BEGIN IMMEDIATE, which takes the file's write lock up front.
 */
export async function runMigrations(db: Kysely<Database>, dialect: StoreDialect, migrationTableSchema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new CodeMigrationProvider(dialect),
    disableTransactions: dialect === 'sqlite',
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  if (dialect === 'postgres') return throwOnError(await migrator.migrateToLatest());

  // Cheap check first, so an up-to-date database never takes the write lock.
  if ((await migrator.getMigrations()).every((m) => m.executedAt !== undefined)) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`begin immediate`.execute(db);
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= SQLITE_LOCK_ATTEMPTS) throw toStoreError(error);
      await sleep(50 * attempt);
      continue;
    }
    try {
      throwOnError(await migrator.migrateToLatest());
      await sql`commit`.execute(db);
      return;
    } catch (error) {
      await sql`rollback`.execute(db);
      throw toStoreError(error);
    }
  }
}

function throwOnError(result: { error?: unknown; results?: readonly { migrationName: string; status: string }[] }): void {
  if (result.error === undefined) return;
  const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'setup';
  throw new SpawnError('STORE_UNAVAILABLE', `database migration ${failed} failed: ${messageOf(result.error)}`, { cause: result.error });
}

function toStoreError(error: unknown): SpawnError {
  return error instanceof SpawnError ? error : new SpawnError('STORE_UNAVAILABLE', `database migration failed: ${messageOf(error)}`, { cause: error });
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
