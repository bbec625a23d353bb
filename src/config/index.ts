export { loadConfig, isLoopbackHost, ConfigError, RUNTIMES, type SpawnConfig, type OidcConfig, type SpawnEnv, type RuntimeChoice } from './config.ts';
export { DEFAULT_PRICING, type Pricing } from './pricing.ts';
