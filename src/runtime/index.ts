export type * from './sandbox-driver.ts';
export { connectOptions, sandboxEndpointSchema, type SandboxEndpoint } from './sandbox-endpoint.ts';
export {
  DRIVERS,
  selectDriver,
  type DriverChoice,
  type DriverEntry,
  type DriverFactory,
  type DriverOptions,
} from './driver-registry.ts';
export { createProcessDriver, type ProcessDriverOptions } from './process/process-driver.ts';
export { assertHostMemoryFloor, availableMemoryMb } from './host-memory.ts';
export { isProcessAlive } from './process-alive.ts';
// The requirements installer (functions) runs under the same seccomp filter as process sandboxes.
export { seccompFilter } from './process/seccomp-filter.ts';
export { spawnBwrapped } from './process/bwrap-spawn.ts';
export type { PoolStats, PoolShape } from './warm-pool.ts';
export type { PoolOptions } from './pool-options.ts';
