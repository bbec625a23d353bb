import { ConfigError, type SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { selectDriver } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { SandboxService } from './sandbox-service.ts';

/** The runtime chosen for this node, not started yet: the platform starts it once its store is open. */
export interface SandboxRuntime {
  readonly name: string;
  /** Prepares the driver (images, probes) and hands it to the service, its only holder. Once. */
  start(store: Store): Promise<SandboxService>;
}

/**
 * Picks the runtime from the configuration (the driver registry decides) and refuses one that
 * cannot contain `outbound` apps — before anything else opens.
 */
export async function chooseSandboxRuntime(config: SpawnConfig, logger: Logger): Promise<SandboxRuntime> {
  const driver = await selectDriver(config.runtime, { dataDir: config.dataDir, logger, pool: { size: config.sandbox.poolSize, max: config.sandbox.poolSizeMax, minFreeMemoryMb: config.sandbox.minFreeMemoryMb } });
  if (config.sandbox.network === 'outbound' && !driver.capabilities.containsOutbound) {
    throw new ConfigError(
      `invalid configuration: SPAWN_SANDBOX_NETWORK=outbound needs a runtime that keeps apps off the host and private networks, and the ${driver.name} runtime would share the host's network with them; use SPAWN_RUNTIME=docker, or SPAWN_SANDBOX_NETWORK=none`,
    );
  }
  let started: Promise<SandboxService> | undefined;
  return {
    name: driver.name,
    start(store) {
      started ??= (async () => {
        // No tiers to pre-fill: a tier's pool fills after its first sandbox, so the very first session
        // cold-starts into a container that carries its session id as a label (claimed pool
        // containers carry it in their name only; Docker labels cannot change after creation).
        await driver.init();
        logger.info({ runtime: driver.name, isolation: driver.capabilities.isolation }, 'sandbox runtime ready');
        return new SandboxService(driver, store, config, logger);
      })();
      return started;
    },
  };
}
