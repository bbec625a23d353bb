import { resolve } from 'node:path';
import type { Command } from 'commander';
import { configFromFlags, type NodeFlags } from '../node-runner.ts';

export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the database to <file> while SpawnAI runs (SQLite online backup, or pg_dump with DATABASE_URL)')
    .argument('<file>', 'where to write the backup')
    .option('-d, --data-dir <dir>', 'data directory holding the SQLite database (env SPAWN_DATA_DIR)')
    .action(async (file: string, flags: NodeFlags) => {
      const config = configFromFlags(flags);
      const started = Date.now();
      // Loaded here, not at the top: see node-runner.ts.
      const { backupDatabase } = await import('../../store/index.ts');
      const kind = await backupDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, resolve(file));
      console.error(`backup of the ${kind} database written to ${resolve(file)} in ${Date.now() - started} ms`);
    });

  program
    .command('restore')
    .description('restore a backup into an empty data directory (or the empty database of DATABASE_URL); start SpawnAI on it afterwards')
    .argument('<file>', 'a file written by `spawnai backup`')
    .option('-d, --data-dir <dir>', 'data directory to restore the SQLite database into (env SPAWN_DATA_DIR)')
    .option('--force', 'replace an existing database (stop SpawnAI first)')
    .action(async (file: string, flags: NodeFlags & { force?: boolean }) => {
      const config = configFromFlags(flags);
      const { restoreDatabase } = await import('../../store/index.ts');
      const kind = await restoreDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, resolve(file), { force: flags.force ?? false });
      console.error(`${kind} database restored from ${resolve(file)}; sessions that expired since the backup are destroyed when SpawnAI starts`);
    });
}
