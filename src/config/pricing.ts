/**
 * Price table. Tier rates mirror the seed's droplet tiers (USD per hour); token prices are USD per
 * million tokens. Overridable as a whole with SPAWN_PRICING_JSON.
 */
export interface Pricing {
  readonly tiers: Readonly<Record<string, { readonly hourlyUsd: number; readonly memoryMb: number; readonly cpus: number }>>;
  /** Fraction of the hourly rate billed while an app is paused (scale-to-zero). */
  readonly pausedRateFactor: number;
  /** The tier whose hourly rate function calls are billed at, per sandbox-second (default tier when unset). */
  readonly functionTier?: string;
  readonly models: Readonly<Record<string, { readonly inputPerMTokUsd: number; readonly outputPerMTokUsd: number }>>;
}

export const DEFAULT_PRICING: Pricing = {
  tiers: {
    's-1vcpu-512mb': { hourlyUsd: 0.00595, memoryMb: 512, cpus: 0.5 },
    's-1vcpu-1gb': { hourlyUsd: 0.00893, memoryMb: 1024, cpus: 0.5 },
    's-1vcpu-2gb': { hourlyUsd: 0.01786, memoryMb: 2048, cpus: 1 },
    's-2vcpu-4gb': { hourlyUsd: 0.03571, memoryMb: 4096, cpus: 2 },
  },
  pausedRateFactor: 0.1,
  functionTier: 's-1vcpu-512mb',
  models: {
    'anthropic:claude-sonnet-4-5': { inputPerMTokUsd: 3, outputPerMTokUsd: 15 },
    'anthropic:claude-opus-4-1': { inputPerMTokUsd: 15, outputPerMTokUsd: 75 },
    'anthropic:claude-haiku-4-5': { inputPerMTokUsd: 1, outputPerMTokUsd: 5 },
    'openai:gpt-4.1': { inputPerMTokUsd: 2, outputPerMTokUsd: 8 },
    'openai:gpt-4.1-mini': { inputPerMTokUsd: 0.4, outputPerMTokUsd: 1.6 },
    'google:gemini-2.5-pro': { inputPerMTokUsd: 1.25, outputPerMTokUsd: 10 },
    'google:gemini-2.5-flash': { inputPerMTokUsd: 0.3, outputPerMTokUsd: 2.5 },
  },
};
