import type { Command } from 'commander';
import { configFromFlags, runNode, type NodeFlags } from '../node-runner.ts';

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('run pipelines without serving HTTP (needs REDIS_URL and DATABASE_URL to share work)')
    .option('-d, --data-dir <dir>', 'where sandboxes live (env SPAWN_DATA_DIR)')
    .action(async (flags: NodeFlags) => {
      // A fleet host: its user data carried only a join token, exchanged here for its configuration.
      // Loaded here, not at the top: see node-runner.ts.
      const { joinFleet, startHostAgent } = await import('../../fleet/index.ts');
      await joinFleet(process.env);
      const config = configFromFlags(flags);
      await runNode(config, true, async (platform, logger) => {
        if (platform.queue.kind === 'memory') logger.warn('REDIS_URL is not set: this worker only sees jobs queued in its own process');
        const agent = config.fleet.hostId ? startHostAgent(platform, config.fleet.hostId) : null;
        logger.info({ workerId: platform.workerId, runtime: platform.runtime.name, region: config.regions.own, fleetHost: config.fleet.hostId ?? null }, 'worker ready');
        return async () => agent?.stop();
      });
    });
}
