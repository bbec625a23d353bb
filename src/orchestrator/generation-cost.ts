import type { AppType } from '../api-types.ts';
import type { SpawnConfig } from '../config/index.ts';
import { EXPECTED_APP_BYTES, loadCuratedPackages, loadPrompt, type GenerationUsage } from '../generator/index.ts';
import type { Store } from '../store/index.ts';

/** Rough characters per token of code and English prose (what providers quote for their tokenizers). */
export const CHARS_PER_TOKEN = 4;
/** The request wrapper around the prompt (title, instructions) in characters. */
const REQUEST_OVERHEAD_CHARS = 200;

const systemPromptChars = new Map<AppType, number>();

function systemChars(appType: AppType): number {
  let chars = systemPromptChars.get(appType);
  if (chars === undefined) {
    chars = loadPrompt(appType, { appType, packages: loadCuratedPackages() }).text.length;
    systemPromptChars.set(appType, chars);
  }
  return chars;
}

/** Tokens a first generation is expected to use: system prompt + request in, a typical app out. */
export function expectedGenerationTokens(appType: AppType, prompt: string): { inputTokens: number; outputTokens: number } {
  return {
    inputTokens: Math.ceil((systemChars(appType) + REQUEST_OVERHEAD_CHARS + prompt.length) / CHARS_PER_TOKEN),
    outputTokens: Math.ceil(EXPECTED_APP_BYTES[appType] / CHARS_PER_TOKEN),
  };
}

/**
 * Expected dollars of generating the app with the chain's first model (the one that answers
 * unless it fails); 0 with no model, or a model missing from the price table.
 */
export function expectedGenerationUsd(config: SpawnConfig, models: readonly string[], appType: AppType, prompt: string): number {
  const first = models[0];
  const price = first === undefined ? undefined : config.pricing.models[first];
  if (!price) return 0;
  const { inputTokens, outputTokens } = expectedGenerationTokens(appType, prompt);
  return (inputTokens * price.inputPerMTokUsd + outputTokens * price.outputPerMTokUsd) / 1_000_000;
}

/** Records what a generation, repair or edit cost as one `generation` cost entry (nothing when free). */
export async function recordGenerationCost(
  store: Store,
  sessionId: string,
  model: string | null,
  usage: GenerationUsage,
  purpose: 'generate' | 'edit',
): Promise<void> {
  if (usage.costUsd <= 0 && usage.inputTokens <= 0) return;
  const details = { model, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, calls: usage.calls?.length ?? 1, purpose };
  await store.costs.add({ sessionId, kind: 'generation', amountUsd: usage.costUsd, details, at: new Date() });
}
