export { loadConfig, isLoopbackHost, ConfigError, RUNTIMES, type SpawnConfig, type SpawnEnv, type RuntimeChoice, type FleetConfig } from './config.ts';
export { DEFAULT_PRICING, type Pricing } from './pricing.ts';
