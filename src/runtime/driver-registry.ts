import type { Logger } from '../log/index.ts';
import { createDockerDriver, isDockerAvailable } from './docker/index.ts';
import { createProcessDriver } from './process/process-driver.ts';
import type { PoolOptions } from './pool-options.ts';
import type { SandboxDriver } from './sandbox-driver.ts';

export interface DriverOptions {
  dataDir: string;
  logger: Logger;
  pool?: PoolOptions;
}

export type DriverFactory = (options: DriverOptions) => SandboxDriver;

export interface DriverEntry {
  create: DriverFactory;
  /** Cheap probe (with its own timeout): can this driver run on this host right now? */
  isAvailable(): Promise<boolean>;
}

/**
 * The one place that knows driver names. `auto` prefers docker (stronger isolation) when its
 * engine answers and falls back to `process`, which always runs (with or without bubblewrap).
 */
export const DRIVERS: Record<string, DriverEntry> = {
  docker: { create: (options) => createDockerDriver(options), isAvailable: () => isDockerAvailable() },
  process: {
    create: (options) => createProcessDriver(options),
    isAvailable: async () => true,
  },
};

export type DriverChoice = 'auto' | 'process' | 'docker';

export async function selectDriver(choice: DriverChoice, options: DriverOptions): Promise<SandboxDriver> {
  if (choice !== 'auto') {
    const entry = DRIVERS[choice];
    if (!entry)
      throw new Error(
        `unknown sandbox driver ${JSON.stringify(choice)}: choose one of ${Object.keys(DRIVERS).join(', ')}`,
      );
    return entry.create(options);
  }
  const docker = DRIVERS.docker;
  if (docker && (await docker.isAvailable().catch(() => false))) return docker.create(options);
  options.logger.info('sandbox driver: docker engine not reachable, using the process driver');
  const fallback = DRIVERS.process;
  if (!fallback) throw new Error('the process driver is not registered');
  return fallback.create(options);
}
