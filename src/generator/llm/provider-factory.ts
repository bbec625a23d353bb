import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModel } from 'ai';
import type { LlmEnv, ModelSpec } from './model-chain.ts';

export const OLLAMA_DEFAULT_BASE_URL = 'http://127.0.0.1:11434/v1';

/** A model that cannot even be built (missing key or base URL): skip to the next one, never retry. */
export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
}

/**
 * Builds the AI SDK model for one chain entry from the env object handed in. Keys and base URLs are
 * always passed explicitly so the SDK never falls back to reading `process.env` itself.
 *
 * Base URLs follow the AI SDK convention and include the version segment
 * (`ANTHROPIC_BASE_URL=https://api.anthropic.com/v1`, `OPENAI_BASE_URL=https://api.openai.com/v1`).
 *
 * Every OpenAI-style provider, real OpenAI included, is driven through Chat Completions
 * (`.chat(model)`), not the Responses API: it is the one protocol Ollama, vLLM, LM Studio and OpenAI
 * all speak, streams usage with `stream_options.include_usage`, and keeps a single fake server honest.
 */
export function createLanguageModel(spec: ModelSpec, env: LlmEnv): LanguageModel {
  switch (spec.provider) {
    case 'anthropic':
      return createAnthropic({
        apiKey: requireKey(env, 'ANTHROPIC_API_KEY', spec),
        baseURL: env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com/v1',
      })(spec.model);
    case 'openai':
      return createOpenAI({
        apiKey: requireKey(env, 'OPENAI_API_KEY', spec),
        baseURL: env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
      }).chat(spec.model);
    case 'google':
      return createGoogleGenerativeAI({
        apiKey: requireKey(env, 'GOOGLE_GENERATIVE_AI_API_KEY', spec),
        baseURL: env.GOOGLE_GENERATIVE_AI_BASE_URL ?? 'https://generativelanguage.googleapis.com/v1beta',
      })(spec.model);
    case 'ollama':
      // Ollama ignores the key, but the SDK refuses to send a request without one.
      return createOpenAI({ name: 'ollama', apiKey: env.OLLAMA_API_KEY ?? 'ollama', baseURL: env.OLLAMA_BASE_URL ?? OLLAMA_DEFAULT_BASE_URL }).chat(
        spec.model,
      );
    case 'openai-compatible': {
      const baseURL = env.OPENAI_COMPATIBLE_BASE_URL;
      if (baseURL === undefined || baseURL === '') {
        throw new ModelConfigError(`${spec.id}: set OPENAI_COMPATIBLE_BASE_URL (e.g. http://127.0.0.1:8000/v1)`);
      }
      return createOpenAI({ name: 'openai-compatible', apiKey: env.OPENAI_COMPATIBLE_API_KEY ?? 'none', baseURL }).chat(spec.model);
    }
  }
}

function requireKey(env: LlmEnv, name: string, spec: ModelSpec): string {
  const key = env[name];
  if (key === undefined || key.trim() === '') throw new ModelConfigError(`${spec.id}: ${name} is not set`);
  return key;
}
