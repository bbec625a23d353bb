import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { Generator } from './generator.ts';
import { createLlmGenerator, defaultModelChain, parseModelChain } from './llm/index.ts';
import { OfflineGenerator } from './offline/offline-generator.ts';

export interface ConfiguredGenerator extends Generator {
  /** The model chain in use, e.g. ['anthropic:claude-sonnet-4-5']; empty for offline templates. */
  readonly models: string[];
}

/**
 * Chooses the generator from configuration: the LLM chain when a model is configured
 * (`SPAWN_MODELS`, else the first provider whose API key is set), else the offline templates,
 * which still deliver a working app and say so.
 */
export function createGenerator(config: SpawnConfig, env: Record<string, string | undefined>, logger: Logger): ConfiguredGenerator {
  const chain = env.SPAWN_MODELS ? parseModelChain(env.SPAWN_MODELS) : defaultModelChain(env);
  if (chain.length === 0) {
    logger.info('no model configured: apps come from the offline templates (set ANTHROPIC_API_KEY or SPAWN_MODELS to use a model)');
    return Object.assign(new OfflineGenerator(), { models: [] as string[] });
  }
  const models = chain.map((m) => m.id);
  logger.info({ models, routing: config.modelRouting }, 'generation through the model chain');
  const llm = createLlmGenerator({ models: chain, env, pricing: config.pricing, logger, budget: config.generationBudget, routing: config.modelRouting });
  return Object.assign(llm, { models });
}
