import type { SandboxSpec } from './sandbox-driver.ts';
import type { PoolShape } from './warm-pool.ts';

/** How a driver sizes its warm pool (SPAWN_POOL_SIZE, SPAWN_POOL_SIZE_MAX, SPAWN_MIN_FREE_MEMORY_MB). */
export interface PoolOptions {
  /** Idle sandboxes kept per tier once it has been asked for. */
  size: number;
  /** Demand may grow the pool of a tier up to this (default: size). */
  max?: number;
  /** No pool sandbox is started while the host has less memory available than this. */
  minFreeMemoryMb?: number;
}

/** The fields of a spec a pooled sandbox was made for; anything else (e.g. extra mounts) bypasses the pool. */
const POOLED_FIELDS = new Set(['sessionId', 'kind', 'tier', 'memoryMb', 'cpus', 'pids', 'network', 'expiresAt', 'labels']);

/** Can a pooled sandbox serve this spec? Only when nothing in it differs from what the pool made. */
export function poolable(spec: SandboxSpec): boolean {
  return Object.entries(spec).every(([key, value]) => POOLED_FIELDS.has(key) || value === undefined || (Array.isArray(value) && value.length === 0));
}

export function shapeOf(spec: Pick<SandboxSpec, 'tier' | 'network' | 'memoryMb' | 'cpus' | 'pids'>): PoolShape {
  return { tier: spec.tier, network: spec.network, memoryMb: spec.memoryMb, cpus: spec.cpus, pids: spec.pids };
}
