import { open } from 'node:fs/promises';

/** What a backup file holds, told by its first bytes (no extension or side file to trust). */
export type BackupKind = 'sqlite' | 'postgres';

const SQLITE_MAGIC = 'SQLite format 3\0';
/** pg_dump's custom format (`-Fc`) starts with these five bytes. */
const PG_CUSTOM_MAGIC = 'PGDMP';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export async function backupKind(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new BackupError(`cannot read backup ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    if (head === SQLITE_MAGIC) return 'sqlite';
    if (head.startsWith(PG_CUSTOM_MAGIC)) return 'postgres';
    throw new BackupError(`${file} is not a SpawnAI backup (neither a SQLite database nor a pg_dump custom-format archive)`);
  } finally {
    await handle.close();
  }
}
