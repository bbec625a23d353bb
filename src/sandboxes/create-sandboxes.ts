import { ConfigError, type SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { selectDriver, type SandboxDriver } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { SandboxService } from './sandbox-service.ts';

/**
 * Picks the runtime from the configuration and refuses one that cannot contain `outbound` apps,
 * before anything else opens. Call `startSandboxes` once the store is ready.
 */
export async function chooseSandboxDriver(config: SpawnConfig, logger: Logger): Promise<SandboxDriver> {
  const driver = await selectDriver(config.runtime, { dataDir: config.dataDir, logger, pool: { size: config.sandbox.poolSize } });
  if (config.sandbox.network === 'outbound' && !driver.capabilities.containsOutbound) {
    throw new ConfigError(
      `invalid configuration: SPAWN_SANDBOX_NETWORK=outbound needs a runtime that keeps apps off the host and private networks, and the ${driver.name} runtime would share the host's network with them; use SPAWN_RUNTIME=docker, or SPAWN_SANDBOX_NETWORK=none`,
    );
  }
  return driver;
}

/** Prepares the driver (images, probes) and wraps it: from here on only the service holds it. */
export async function startSandboxes(driver: SandboxDriver, store: Store, config: SpawnConfig, logger: Logger): Promise<SandboxService> {
  // No tiers to pre-fill: a tier's pool fills after its first sandbox, so the very first session
  // cold-starts into a container that carries its session id as a label (claimed pool
  // containers carry it in their name only; Docker labels cannot change after creation).
  await driver.init();
  logger.info({ runtime: driver.name, isolation: driver.capabilities.isolation }, 'sandbox runtime ready');
  return new SandboxService(driver, store, config, logger);
}
