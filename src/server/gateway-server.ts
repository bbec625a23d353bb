import type { Platform } from '../orchestrator/index.ts';
import { WorkerGateway } from '../proxy/index.ts';

/** Starts the worker's app gateway when configured (`SPAWN_GATEWAY_*`); null on API-only nodes or when off. */
export async function startWorkerGateway(platform: Platform): Promise<WorkerGateway | null> {
  const { config, logger } = platform;
  if (!config.gateway || !config.clusterSecret || !platform.sandboxes) return null;
  const gateway = new WorkerGateway({ store: platform.store, secret: config.clusterSecret, logger: logger.child({ component: 'gateway' }) });
  const port = await gateway.listen(config.gateway.host, config.gateway.port);
  logger.info({ port, host: config.gateway.host, url: config.gateway.url }, 'app gateway listening');
  return gateway;
}
