import type { SpawnConfig } from '../config/index.ts';

/** Limits and network of a tier's sandboxes (also the warm pool's shape for that tier). */
export function sandboxShape(config: SpawnConfig, tierName: string): { tier: string; memoryMb: number; cpus: number; pids: number; network: 'none' | 'outbound' } {
  const tier = config.pricing.tiers[tierName];
  return {
    tier: tierName,
    memoryMb: Math.min(tier?.memoryMb ?? config.sandbox.memoryMb, config.sandbox.memoryMb),
    cpus: Math.min(tier?.cpus ?? config.sandbox.cpus, config.sandbox.cpus),
    pids: config.sandbox.pids,
    network: config.sandbox.network,
  };
}
