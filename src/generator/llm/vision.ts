import type { ModelSpec } from './model-chain.ts';

/**
 * Which models of a chain accept an image part (README "An image in the prompt"). Known families
 * by name: every Claude 3+ model, OpenAI's gpt-4o / gpt-4.1 / gpt-4-turbo / gpt-5 / o-series,
 * Gemini; on Ollama and OpenAI-compatible servers, model names that say they see (llava,
 * `vision`, `-vl`, gemma3, minicpm-v). Anything else is assumed text-only: sending it an image
 * would fail the call, not help it.
 */
export function acceptsImages(spec: ModelSpec): boolean {
  const model = spec.model.toLowerCase();
  switch (spec.provider) {
    case 'anthropic':
      return model.startsWith('claude-') && !/^claude-(2|instant)/.test(model);
    case 'openai':
      return /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4-turbo|gpt-5|o1|o3|o4)/.test(model);
    case 'google':
      return model.startsWith('gemini');
    case 'ollama':
    case 'openai-compatible':
      return /llava|vision|[-_.]vl\b|\dvl\b|gemma3|minicpm-v|pixtral/.test(model);
  }
}

/** The chain's models that accept images, in chain order. */
export function visionModels(chain: readonly ModelSpec[]): ModelSpec[] {
  return chain.filter(acceptsImages);
}
