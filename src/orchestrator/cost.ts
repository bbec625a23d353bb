import type { SpawnConfig } from '../config/index.ts';

/** Typical time from request to running, used for `estimatedSeconds` (measured medians, rounded up). */
const ESTIMATED_SECONDS = { webapp: 2, api: 4, script: 4 } as const;
const LLM_ESTIMATED_SECONDS = 60;

export function estimateSeconds(appType: keyof typeof ESTIMATED_SECONDS, usesModel: boolean): number {
  return ESTIMATED_SECONDS[appType] + (usesModel ? LLM_ESTIMATED_SECONDS : 0);
}

export function tierRate(config: SpawnConfig, tier: string): number {
  const entry = config.pricing.tiers[tier] ?? config.pricing.tiers[config.defaultTier];
  return entry?.hourlyUsd ?? 0;
}

/** Estimate at creation: the tier's hourly rate over the whole TTL, plus expected generation cost. */
export function estimateCost(config: SpawnConfig, tier: string, ttlSeconds: number, generationUsd: number): number {
  return roundUsd((tierRate(config, tier) * ttlSeconds) / 3600 + generationUsd);
}

/** Compute cost of a measured lifetime. */
export function computeCost(config: SpawnConfig, tier: string, seconds: number): number {
  return roundUsd((tierRate(config, tier) * Math.max(seconds, 0)) / 3600);
}

/** Money is kept to a millionth of a dollar: enough for per-second billing, no float noise. */
export function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
