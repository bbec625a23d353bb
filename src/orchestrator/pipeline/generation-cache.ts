import { createHash } from 'node:crypto';
import type { AppType } from '../../api-types.ts';
import type { CachedGeneration, PromptCache } from '../../cache/index.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { loadCuratedPackages, loadPrompt, validateApp, type GeneratedApp } from '../../generator/index.ts';
import type { Logger } from '../../log/index.ts';
import type { SessionRecord } from '../../store/index.ts';
import type { Metrics } from '../metrics.ts';

export interface CacheKeyInput {
  prompt: string;
  appType: AppType;
  /** The model chain, in order: another chain may write another app. */
  models: readonly string[];
  promptId: string;
  promptHash: string;
}

/** Trimmed, lowercased, whitespace collapsed: "A  Todo app " and "a todo app" are one request. */
export function normalizePrompt(prompt: string): string {
  return prompt.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function promptCacheKey(input: CacheKeyInput): string {
  const parts = [normalizePrompt(input.prompt), input.appType, input.models.join(','), input.promptId, input.promptHash];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * The cache as the pipeline sees it: only LLM generations are looked up and kept (templates are
 * free, edits depend on the app's history), never for sessions that asked `cache: false`.
 */
export class GenerationCache {
  readonly #cache: PromptCache;
  readonly #config: SpawnConfig;
  readonly #models: readonly string[];
  readonly #metrics: Metrics;
  readonly #logger: Logger;
  readonly #prompts = new Map<AppType, { id: string; hash: string }>();

  constructor(deps: { cache: PromptCache; config: SpawnConfig; models: readonly string[]; metrics: Metrics; logger: Logger }) {
    this.#cache = deps.cache;
    this.#config = deps.config;
    this.#models = deps.models;
    this.#metrics = deps.metrics;
    this.#logger = deps.logger;
  }

  get kind(): PromptCache['kind'] {
    return this.#cache.kind;
  }

  /** A deployable app with zero usage on a hit, else null (a backend failure counts as a miss). */
  async lookup(session: SessionRecord): Promise<GeneratedApp | null> {
    if (!this.#applies(session)) return null;
    const hit = await this.#cache.get(this.#key(session)).catch((err: unknown) => {
      this.#logger.warn({ err, sessionId: session.id }, 'prompt cache lookup failed; generating');
      return null;
    });
    this.#metrics.promptCacheRequests.inc({ result: hit ? 'hit' : 'miss' });
    if (!hit) return null;
    return { files: hit.files, command: hit.command, generator: hit.generator, model: hit.model, usage: { inputTokens: 0, outputTokens: 0, costUsd: 0, calls: [] } };
  }

  /** Keeps a fresh LLM generation whose files pass the static checks (a broken one would need repairs on every hit). */
  async remember(session: SessionRecord, app: GeneratedApp): Promise<void> {
    if (!this.#applies(session) || app.generator !== 'llm' || !validateApp(session.appType, app.files).ok) return;
    const entry: CachedGeneration = { files: app.files, command: app.command, generator: app.generator, model: app.model, promptId: this.#prompt(session.appType).id, createdAt: new Date() };
    await this.#cache.put(this.#key(session), entry, this.#config.cache.ttlSeconds * 1000).catch((err: unknown) => {
      this.#logger.warn({ err, sessionId: session.id }, 'prompt cache store failed');
    });
  }

  close(): Promise<void> {
    return this.#cache.close();
  }

  #applies(session: SessionRecord): boolean {
    return this.#config.cache.enabled && !session.cacheBypass && this.#models.length > 0;
  }

  #key(session: SessionRecord): string {
    const prompt = this.#prompt(session.appType);
    return promptCacheKey({ prompt: session.prompt, appType: session.appType, models: this.#models, promptId: prompt.id, promptHash: prompt.hash });
  }

  #prompt(appType: AppType): { id: string; hash: string } {
    let prompt = this.#prompts.get(appType);
    if (!prompt) {
      const loaded = loadPrompt(appType, { appType, packages: loadCuratedPackages() });
      prompt = { id: loaded.id, hash: loaded.hash };
      this.#prompts.set(appType, prompt);
    }
    return prompt;
  }
}
