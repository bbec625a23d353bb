export { createDockerDriver, isDockerAvailable, DockerDriver, type DockerDriverOptions } from './docker-driver.ts';
export { ensureRuntimeImage, RUNTIME_IMAGE_LATEST } from './runtime-image.ts';
export { SANDBOX_NETWORKS } from './docker-network.ts';
export { BLOCKED_OUTBOUND_CIDRS } from './host-firewall.ts';
export { APP_PORT, LABEL, installationId } from './container-spec.ts';
export { sessionOf } from './container-ops.ts';
export type { PoolShape } from './warm-pool.ts';
