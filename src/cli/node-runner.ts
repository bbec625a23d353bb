import { loadConfig, type SpawnConfig, type SpawnEnv } from '../config/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import type { Platform } from '../orchestrator/index.ts';

// The node's modules (platform, server, store) load only when a command runs on this machine: a
// client command (`fn run`, `ls`) or `--help` then starts in a fraction of the time.

export interface NodeFlags {
  port?: string;
  host?: string;
  dataDir?: string;
}

export function configFromFlags(flags: NodeFlags): SpawnConfig {
  const overrides: Partial<SpawnEnv> = {};
  if (flags.port !== undefined) overrides.SPAWN_PORT = flags.port;
  if (flags.host !== undefined) overrides.SPAWN_HOST = flags.host;
  if (flags.dataDir !== undefined) overrides.SPAWN_DATA_DIR = flags.dataDir;
  return loadConfig(process.env, overrides);
}

/**
 * Starts a platform node and keeps it until SIGINT/SIGTERM, then closes it in order (stop taking
 * jobs, let active ones finish or abort, disconnect). A second signal exits at once.
 */
export async function runNode(config: SpawnConfig, worker: boolean, start: (platform: Platform, logger: Logger) => Promise<() => Promise<void>>): Promise<void> {
  const logger = createLogger(config.logLevel);
  const { createPlatform } = await import('../orchestrator/index.ts');
  const { startWorkerGateway } = await import('../server/index.ts');
  const platform = await createPlatform(config, logger, { worker });
  const gateway = await startWorkerGateway(platform);
  const serve = await start(platform, logger);
  const stop = async (): Promise<void> => {
    await serve();
    await gateway?.close();
  };
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void stop()
      .then(() => platform.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
