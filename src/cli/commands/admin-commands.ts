import path from 'node:path';
import type { Command } from 'commander';
import type { Store } from '../../store/index.ts';
import { configFromFlags, type NodeFlags } from '../node-runner.ts';

async function withStore<T>(flags: NodeFlags, fn: (store: Store) => Promise<T>): Promise<T> {
  const config = configFromFlags(flags);
  // Loaded here, not at the top: see node-runner.ts.
  const { createStore } = await import('../../store/index.ts');
  const store = await createStore({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'spawnai.db') });
  try {
    await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function adminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (also done at start-up)')
    .option('-d, --data-dir <dir>', 'data directory (env SPAWN_DATA_DIR)')
    .action(async (flags: NodeFlags) => {
      await withStore(flags, async (store) => console.log(`migrations applied (${store.dialect})`));
    });

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create a bearer token; sessions belong to the token name (its owner)')
    .requiredOption('-n, --name <name>', 'owner name for the token')
    .option('-d, --data-dir <dir>', 'data directory (env SPAWN_DATA_DIR)')
    .option('--if-none', 'only when no token exists yet (first start of a deployment; safe to repeat)')
    .action(async (flags: NodeFlags & { name: string; ifNone?: boolean }) => {
      const value = await withStore(flags, async (store) => (flags.ifNone && (await store.tokens.count()) > 0 ? null : (await import('../../server/index.ts')).createToken(store, flags.name)));
      if (value === null) return console.error('a token exists already; none created');
      console.log(value);
      console.error(`token created for "${flags.name}"; it is shown once. Use it as SPAWN_TOKEN or "Authorization: Bearer …".`);
    });
}
