import type { Pricing } from '../../config/index.ts';
import type { Logger } from '../../log/index.ts';
import { loadCuratedPackages, type CuratedPackage } from '../validate/index.ts';
import { DEFAULT_FILE_LIMITS, type FileLimits } from './file-safety.ts';
import { LlmGenerator } from './llm-generator.ts';
import type { LlmEnv, ModelSpec } from './model-chain.ts';
import type { ModelRouting } from './model-routing.ts';
import type { GenerationBudget } from './usage-ledger.ts';

export interface LlmGeneratorOptions {
  /** The fallback chain, in order (parseModelChain / defaultModelChain). */
  models: readonly ModelSpec[];
  /** Where API keys and base URLs come from; nothing is read from process.env directly. */
  env: LlmEnv;
  /** The price table: a whole Pricing or just its `models` map (USD per million tokens). */
  pricing: Pricing | Pricing['models'];
  /** Abort and retry a call when no stream data arrives for this long. Default 30 s. */
  stallTimeoutMs?: number;
  /** Retries of one model on transient errors before falling back to the next. Default 2. */
  maxRetries?: number;
  /** First backoff delay; doubles per retry, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** How many times a cut-off answer may be continued. Default 2. */
  maxContinuations?: number;
  /** Output token cap per call. Default 16384. */
  maxOutputTokens?: number;
  budget?: GenerationBudget;
  limits?: Partial<FileLimits>;
  /** Packages advertised to the model; images/runtime/packages.json by default. */
  packages?: readonly CuratedPackage[];
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** SPAWN_MODEL_ROUTING: `auto` starts simple requests at the chain's cheapest model. Default `off`. */
  routing?: ModelRouting;
}

/**
 * The LLM generator: streams an app from the first model of the chain that answers.
 *
 * @example
 * const generator = createLlmGenerator({ models: defaultModelChain(process.env), env: process.env, pricing: config.pricing });
 */
export function createLlmGenerator(options: LlmGeneratorOptions): LlmGenerator {
  const prices = 'models' in options.pricing && 'tiers' in options.pricing ? (options.pricing as Pricing).models : (options.pricing as Pricing['models']);
  const settings = {
    models: [...options.models],
    env: { ...options.env },
    prices,
    stallTimeoutMs: positive(options.stallTimeoutMs, 30_000, 'stallTimeoutMs'), // 30 s
    maxRetries: nonNegative(options.maxRetries, 2, 'maxRetries'),
    baseDelayMs: nonNegative(options.baseDelayMs, 500, 'baseDelayMs'),
    maxContinuations: nonNegative(options.maxContinuations, 2, 'maxContinuations'),
    maxOutputTokens: positive(options.maxOutputTokens, 16_384, 'maxOutputTokens'),
    budget: { ...options.budget },
    limits: { ...DEFAULT_FILE_LIMITS, ...options.limits },
    packages: options.packages ?? loadCuratedPackages(),
    logger: options.logger,
    routing: options.routing ?? 'off',
  };
  return new LlmGenerator(Object.freeze(settings));
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}
