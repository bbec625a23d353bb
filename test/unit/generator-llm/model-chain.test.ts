import { describe, expect, it } from 'vitest';
import { defaultModelChain, parseModelChain } from '../../../src/generator/llm/index.ts';
import { SpawnError } from '../../../src/errors/index.ts';

describe('parseModelChain', () => {
  it('splits on commas and on the first colon only', () => {
    expect(parseModelChain(' anthropic:claude-sonnet-4-5, openai:gpt-4.1 ,ollama:qwen2.5-coder:14b,openai-compatible:llama3')).toEqual([
      { provider: 'anthropic', model: 'claude-sonnet-4-5', id: 'anthropic:claude-sonnet-4-5' },
      { provider: 'openai', model: 'gpt-4.1', id: 'openai:gpt-4.1' },
      { provider: 'ollama', model: 'qwen2.5-coder:14b', id: 'ollama:qwen2.5-coder:14b' },
      { provider: 'openai-compatible', model: 'llama3', id: 'openai-compatible:llama3' },
    ]);
    expect(parseModelChain('')).toEqual([]);
  });

  it('refuses unknown providers and missing model ids with a fix in the message', () => {
    expect(() => parseModelChain('mistral:large')).toThrow(/unknown provider "mistral".*anthropic/);
    expect(() => parseModelChain('openai')).toThrow(SpawnError);
    expect(() => parseModelChain('openai:')).toThrow(/names no model/);
  });
});

describe('defaultModelChain', () => {
  it('uses SPAWN_MODELS when set, else the first provider with a key, else nothing', () => {
    expect(defaultModelChain({ SPAWN_MODELS: 'ollama:llama3', ANTHROPIC_API_KEY: 'k' }).map((m) => m.id)).toEqual(['ollama:llama3']);
    expect(defaultModelChain({ ANTHROPIC_API_KEY: 'k', OPENAI_API_KEY: 'k' }).map((m) => m.id)).toEqual(['anthropic:claude-sonnet-4-5']);
    expect(defaultModelChain({ OPENAI_API_KEY: 'k', GOOGLE_GENERATIVE_AI_API_KEY: 'k' }).map((m) => m.id)).toEqual(['openai:gpt-4.1']);
    expect(defaultModelChain({ GOOGLE_GENERATIVE_AI_API_KEY: 'k' }).map((m) => m.provider)).toEqual(['google']);
    expect(defaultModelChain({ ANTHROPIC_API_KEY: ' ', SPAWN_MODELS: '' })).toEqual([]);
  });
});
