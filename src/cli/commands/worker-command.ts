import type { Command } from 'commander';
import { configFromFlags, runNode, type NodeFlags } from '../node-runner.ts';

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('run pipelines without serving HTTP (needs REDIS_URL and DATABASE_URL to share work)')
    .option('-d, --data-dir <dir>', 'where sandboxes live (env SPAWN_DATA_DIR)')
    .action(async (flags: NodeFlags) => {
      const config = configFromFlags(flags);
      await runNode(config, true, async (platform, logger) => {
        if (platform.queue.kind === 'memory') logger.warn('REDIS_URL is not set: this worker only sees jobs queued in its own process');
        logger.info({ workerId: platform.workerId, runtime: platform.runtime.name }, 'worker ready');
        return async () => undefined;
      });
    });
}
