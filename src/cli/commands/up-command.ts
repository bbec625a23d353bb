import type { Command } from 'commander';
import { configFromFlags, runNode, type NodeFlags } from '../node-runner.ts';

export function upCommand(program: Command): void {
  program
    .command('up')
    .description('serve the API, the web UI and the apps; runs a worker too unless --no-worker')
    .option('-p, --port <port>', 'port to listen on (env SPAWN_PORT, default 7070)')
    .option('-H, --host <host>', 'address to listen on (env SPAWN_HOST, default 127.0.0.1)')
    .option('-d, --data-dir <dir>', 'where the SQLite database and sandboxes live (env SPAWN_DATA_DIR, default ./.spawnai)')
    .option('--no-worker', 'serve HTTP only; `spawnai worker` processes run the pipelines')
    .action(async (flags: NodeFlags & { worker: boolean }) => {
      const config = configFromFlags(flags);
      // Loaded here, not at the top: see node-runner.ts.
      const { assertAuthConfigured, createSpawnServer } = await import('../../server/index.ts');
      const { createCloudProvider, startFleet } = await import('../../fleet/index.ts');
      await runNode(config, flags.worker, async (platform, logger) => {
        await assertAuthConfigured(config, platform.store);
        const server = await createSpawnServer(platform);
        const port = await server.listen();
        const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
        logger.info({ port, runtime: platform.runtime.name }, 'listening');
        console.error(`\n  SpawnAI is up: http://${shown === '127.0.0.1' ? 'localhost' : shown}:${port}/\n  runtime: ${platform.runtime.name} (${platform.runtime.isolation}), store: ${platform.store.dialect}, queue: ${platform.queue.kind}, generator: ${platform.sessions.generatorName}\n`);
        // With a cloud configured, every API node runs the autoscaler; the lease lets one act.
        const provider = createCloudProvider(platform);
        const fleet = provider ? startFleet(platform, provider) : null;
        return async () => {
          await fleet?.stop();
          await server.close();
        };
      });
    });
}
