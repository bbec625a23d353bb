import { SpawnError } from '../../errors/index.ts';

export const PROVIDERS = ['anthropic', 'openai', 'google', 'ollama', 'openai-compatible'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** One entry of the fallback chain. `id` is `provider:model`, the key of the price table. */
export interface ModelSpec {
  readonly provider: ProviderName;
  readonly model: string;
  readonly id: string;
}

export type LlmEnv = Readonly<Record<string, string | undefined>>;

/**
 * Parses `SPAWN_MODELS`, e.g. `anthropic:claude-sonnet-4-5,openai:gpt-4.1,ollama:qwen2.5-coder:14b`.
 * Only the first colon separates provider from model, so model ids may contain colons.
 */
export function parseModelChain(spec: string): ModelSpec[] {
  const models: ModelSpec[] = [];
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    const provider = colon === -1 ? entry : entry.slice(0, colon);
    const model = colon === -1 ? '' : entry.slice(colon + 1).trim();
    if (!(PROVIDERS as readonly string[]).includes(provider)) {
      throw new SpawnError(
        'GENERATION_FAILED',
        `SPAWN_MODELS: unknown provider "${provider}" in "${entry}"; use one of ${PROVIDERS.join(', ')} (e.g. anthropic:claude-sonnet-4-5)`,
      );
    }
    if (model === '') {
      throw new SpawnError('GENERATION_FAILED', `SPAWN_MODELS: "${entry}" names no model; write it as ${provider}:MODEL`);
    }
    models.push(modelSpec(provider as ProviderName, model));
  }
  return models;
}

export function modelSpec(provider: ProviderName, model: string): ModelSpec {
  return Object.freeze({ provider, model, id: `${provider}:${model}` });
}

/**
 * The chain used when SPAWN_MODELS is unset: the first provider whose key is present. Empty means
 * "no model configured" and the caller falls back to the offline templates.
 */
export function defaultModelChain(env: LlmEnv): ModelSpec[] {
  if (env.SPAWN_MODELS !== undefined && env.SPAWN_MODELS.trim() !== '') return parseModelChain(env.SPAWN_MODELS);
  if (nonEmpty(env.ANTHROPIC_API_KEY)) return [modelSpec('anthropic', 'claude-sonnet-4-5')];
  if (nonEmpty(env.OPENAI_API_KEY)) return [modelSpec('openai', 'gpt-4.1')];
  if (nonEmpty(env.GOOGLE_GENERATIVE_AI_API_KEY)) return [modelSpec('google', 'gemini-2.5-pro')];
  return [];
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
