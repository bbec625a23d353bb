import { spawn } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { BackupError } from './backup-format.ts';

const TOOL_TIMEOUT_MS = 60 * 60_000; // an hour: large databases over slow links

/** The URL without its password, which travels in PGPASSWORD instead (not visible in `ps`). */
function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: 'pg_dump' | 'pg_restore' | 'psql', args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: TOOL_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new BackupError(`${tool} is not installed: PostgreSQL backups need the PostgreSQL client tools of the server's major version or newer (Debian: apt-get install postgresql-client)`)
          : err,
      ),
    );
    child.on('close', (code, signal) => (code === 0 ? resolve(stdout) : reject(new BackupError(`${tool} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`))));
  });
}

/** pg_dump in its custom format: one consistent snapshot (a repeatable-read transaction) of the whole database, taken while it serves. */
export async function backupPostgres(databaseUrl: string, dest: string): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const partial = `${dest}.partial`;
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`], env);
    renameSync(partial, dest);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * pg_restore into the database of `databaseUrl`, in one transaction (all or nothing). A database
 * that already holds SpawnAI tables is replaced only with `force` (objects dropped first).
 */
export async function restorePostgres(backupFile: string, databaseUrl: string, force: boolean): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const existing = await run('psql', ['-tAqc', "select count(*) from information_schema.tables where table_name = 'sessions'", `--dbname=${url}`], env);
  if (Number(existing.trim()) > 0 && !force) {
    throw new BackupError('the database of DATABASE_URL already holds SpawnAI tables: stop SpawnAI and pass --force to replace them, or point DATABASE_URL at an empty database');
  }
  const clean = Number(existing.trim()) > 0 ? ['--clean', '--if-exists'] : [];
  await run('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', ...clean, `--dbname=${url}`, backupFile], env);
}
