import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { BackupError } from './backup-format.ts';

/**
 * Copies a live SQLite database with SQLite's online backup API: pages are copied in steps while
 * other connections keep reading and writing (WAL), and a write during the copy restarts it, so
 * the result is one consistent moment. Written next to `dest` then renamed: never half a file.
 */
export async function backupSqlite(sourceFile: string, dest: string): Promise<void> {
  if (!existsSync(sourceFile)) throw new BackupError(`no database at ${sourceFile}: is --data-dir (SPAWN_DATA_DIR) right?`);
  const source = new SqliteDatabase(sourceFile, { fileMustExist: true, timeout: 5_000 });
  const partial = `${dest}.partial`;
  try {
    await mkdir(dirname(dest), { recursive: true });
    await source.backup(partial);
    renameSync(partial, dest);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new BackupError(`SQLite backup failed: ${(err as Error).message}`, { cause: err });
  } finally {
    source.close();
  }
}

/**
 * Puts a SQLite backup in place as the data directory's database. Checked first (integrity, and
 * that it is a SpawnAI database); an existing database is replaced only with `force`, and its
 * WAL files go with it (they belong to the old file and would corrupt the new one).
 */
export async function restoreSqlite(backupFile: string, targetFile: string, force: boolean): Promise<void> {
  const backup = new SqliteDatabase(backupFile, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${backupFile} is damaged: ${String(check)}`);
    const hasSessions = backup.prepare("select 1 from sqlite_master where type = 'table' and name = 'sessions'").get();
    if (!hasSessions) throw new BackupError(`${backupFile} is a SQLite database but not a SpawnAI one (no sessions table)`);
    if (existsSync(targetFile) && !force) {
      throw new BackupError(`${targetFile} exists: stop SpawnAI and pass --force to replace it, or restore into an empty --data-dir`);
    }
    await mkdir(dirname(targetFile), { recursive: true });
    const partial = `${targetFile}.partial`;
    await backup.backup(partial);
    for (const suffix of ['-wal', '-shm']) rmSync(targetFile + suffix, { force: true });
    renameSync(partial, targetFile);
  } finally {
    backup.close();
  }
}
