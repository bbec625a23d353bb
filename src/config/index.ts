export { loadConfig, isLoopbackHost, ConfigError, RUNTIMES, type SpawnConfig, type OidcConfig, type SpawnEnv, type RuntimeChoice, type FleetConfig } from './config.ts';
export { DEFAULT_PRICING, type Pricing } from './pricing.ts';
export { ALERT_RULES, type AlertRule, type MoneyConfig } from './money-config.ts';
