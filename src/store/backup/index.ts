import { join } from 'node:path';
import { backupKind, BackupError } from './backup-format.ts';
import { backupPostgres, restorePostgres } from './postgres-backup.ts';
import { backupSqlite, restoreSqlite } from './sqlite-backup.ts';

export { BackupError, backupKind, type BackupKind } from './backup-format.ts';

/** Where an installation's database lives: PostgreSQL when `databaseUrl` is set, else the data directory's SQLite file. */
export interface BackupTarget {
  databaseUrl: string | undefined;
  dataDir: string;
}

const isPostgres = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);
/** The same file the platform opens (`createPlatform`, `spawnai migrate`). */
export const sqliteFileOf = (dataDir: string): string => join(dataDir, 'spawnai.db');

/**
 * Writes a consistent copy of the installation's database to `file` while it keeps serving.
 * Everything SpawnAI needs is in there (sessions, events, versions and their files, functions,
 * tasks, workflows, tokens); Redis holds nothing the database does not re-create.
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<'sqlite' | 'postgres'> {
  if (isPostgres(target.databaseUrl)) {
    await backupPostgres(target.databaseUrl, file);
    return 'postgres';
  }
  await backupSqlite(sqliteFileOf(target.dataDir), file);
  return 'sqlite';
}

/** Restores `file` into the installation; the kind of backup must match the kind of database. */
export async function restoreDatabase(target: BackupTarget, file: string, options: { force?: boolean } = {}): Promise<'sqlite' | 'postgres'> {
  const kind = await backupKind(file);
  const wanted = isPostgres(target.databaseUrl) ? 'postgres' : 'sqlite';
  if (kind !== wanted) {
    throw new BackupError(
      kind === 'sqlite'
        ? `${file} is a SQLite backup but DATABASE_URL points at PostgreSQL: unset DATABASE_URL to restore it into --data-dir`
        : `${file} is a PostgreSQL backup: set DATABASE_URL to the (empty) database to restore it into`,
    );
  }
  if (kind === 'postgres') await restorePostgres(file, target.databaseUrl as string, options.force ?? false);
  else await restoreSqlite(file, sqliteFileOf(target.dataDir), options.force ?? false);
  return kind;
}
