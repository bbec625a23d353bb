import { SpawnError } from '../../errors/index.ts';
import type { GenerateRequest, GeneratedApp, Generator } from '../../generator/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';
import type { Metrics } from '../metrics.ts';
import { generationProgress } from '../progress.ts';
import { readPromptImage } from '../sessions/prompt-image.ts';
import type { SessionEvents } from '../sessions/session-events.ts';
import type { GenerationCache } from './generation-cache.ts';

export interface GenerationStepDeps {
  store: Store;
  events: SessionEvents;
  generator: Generator;
  metrics: Metrics;
  /** Prompt cache of LLM generations; absent or disabled means always generate. */
  cache?: GenerationCache;
}

/** The pipeline's generation: from the prompt cache when it has the app, else from the generator. */
export class GenerationStep {
  readonly #d: GenerationStepDeps;

  constructor(deps: GenerationStepDeps) {
    this.#d = deps;
  }

  async generate(session: SessionRecord, signal: AbortSignal): Promise<GeneratedApp> {
    const t0 = Date.now();
    // The cache key is the prompt's text: a request with an image is never served from it nor kept in it.
    const image = await readPromptImage(this.#d.store, session);
    const cache = image ? undefined : this.#d.cache;
    const cached = await cache?.lookup(session);
    if (cached) {
      await this.#d.store.sessions.update(session.id, { generator: cached.generator, model: cached.model, cacheHit: true });
      await this.#d.events.log(session.id, `served from the prompt cache: ${cached.files.length} file(s) first written by ${cached.model ?? cached.generator}, no model call`);
      return cached;
    }
    if (session.promptImage && !image) throw new SpawnError('GENERATION_FAILED', `the image sent with the request (${session.promptImage.digest.slice(0, 12)}…) is missing from the artifact store`);
    const request = { sessionId: session.id, prompt: session.prompt, appType: session.appType, title: session.title, signal, onEvent: this.#onEvent(session.id) };
    const app = await this.#d.generator.generate(image ? { ...request, image } : request);
    this.#d.metrics.stepDuration.observe({ step: 'generate', app_type: session.appType }, (Date.now() - t0) / 1000);
    await cache?.remember(session, app);
    await this.#d.store.sessions.update(session.id, { generator: app.generator, model: app.model });
    await this.#d.events.log(session.id, `${app.files.length} file(s) written by ${app.model ?? app.generator}${app.template ? ` (template ${app.template})` : ''}`);
    return app;
  }

  get canRepair(): boolean {
    return this.#d.generator.repair !== undefined;
  }

  /** Sends the errors back to the model (see canRepair). */
  repair(session: SessionRecord, app: GeneratedApp, errors: string[], signal: AbortSignal): Promise<GeneratedApp> {
    if (!this.#d.generator.repair) throw new Error(`the ${this.#d.generator.name} generator cannot repair apps`);
    return this.#d.generator.repair(app, errors, { sessionId: session.id, prompt: session.prompt, appType: session.appType, title: session.title, signal, onEvent: this.#onEvent(session.id) });
  }

  #onEvent(sessionId: string): GenerateRequest['onEvent'] {
    return this.#d.events.forwardGeneration(sessionId, 'generating', generationProgress);
  }
}
