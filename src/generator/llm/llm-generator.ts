import type { ModelMessage } from 'ai';
import type { Pricing } from '../../config/index.ts';
import { SpawnError, isSpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import type { AppFile } from '../../runtime/index.ts';
import type { GenerateRequest, GeneratedApp, Generator } from '../generator.ts';
import { loadPrompt, type PromptName } from '../prompts/index.ts';
import { commandFor, type CuratedPackage } from '../validate/index.ts';
import { applyChanges } from './apply-changes.ts';
import { ChainRunner } from './chain-runner.ts';
import { checkAppFiles, type FileLimits } from './file-safety.ts';
import { filesMessage, repairMessage, requestMessage, wholeFilePrompt } from './messages.ts';
import type { LlmEnv, ModelSpec } from './model-chain.ts';
import { routeRequest, type ModelRouting, type RoutingDecision } from './model-routing.ts';
import { visionModels } from './vision.ts';
import { streamAnswer, type Answer, type AnswerContext } from './streamed-answer.ts';
import { UsageLedger, type GenerationBudget } from './usage-ledger.ts';

/**
 * What repair and edit need from a request. `prompt` is the person's original request, verbatim,
 * and `history` the conversation since (edits): a repair that knows what the app is for fixes it
 * without guessing.
 */
export type GenerationContext = Pick<GenerateRequest, 'sessionId' | 'appType' | 'title' | 'signal' | 'onEvent'> & {
  prompt?: string;
  history?: readonly ConversationTurn[];
};

export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface EditRequest {
  files: readonly AppFile[];
  /** What the person wants changed. */
  prompt: string;
  /** Earlier turns of the conversation about this app, oldest first. */
  history?: readonly ConversationTurn[];
}

export interface EditedApp extends GeneratedApp {
  changedPaths: string[];
  deletedPaths: string[];
}

export interface LlmGeneratorSettings {
  models: readonly ModelSpec[];
  env: LlmEnv;
  prices: Pricing['models'];
  stallTimeoutMs: number;
  maxRetries: number;
  baseDelayMs: number;
  maxContinuations: number;
  maxOutputTokens: number;
  budget: GenerationBudget;
  limits: FileLimits;
  packages: readonly CuratedPackage[];
  logger: Pick<Logger, 'info' | 'warn'> | undefined;
  /** `auto`: a simple request starts at the chain's cheapest model (see model-routing.ts). */
  routing: ModelRouting;
}

/** Generates, repairs and edits apps through the model chain (see createLlmGenerator). */
export class LlmGenerator implements Generator {
  readonly name = 'llm';
  readonly #settings: LlmGeneratorSettings;
  readonly #runner: ChainRunner;

  constructor(settings: LlmGeneratorSettings) {
    this.#settings = settings;
    this.#runner = new ChainRunner(settings);
  }

  async generate(req: GenerateRequest): Promise<GeneratedApp> {
    const ledger = this.#ledger(req);
    const chain = this.#chainFor(req);
    const routing = this.#route(req, chain);
    const order = routing?.order ?? (chain === this.#settings.models ? undefined : chain);
    const text = requestMessage(req);
    // The image rides beside the request as the AI SDK's image part; each provider sends it in its own wire format.
    const content: ModelMessage['content'] = req.image ? [{ type: 'text', text }, { type: 'image', image: new Uint8Array(req.image.data), mediaType: req.image.mediaType }] : text;
    return this.#withUsage(ledger, async () => {
      const answer = await streamAnswer(this.#context(req, ledger), {
        purpose: 'generate',
        system: this.#prompt(req.appType, req),
        messages: [{ role: 'user', content } as ModelMessage],
        ...(order ? { models: order } : {}),
      });
      if (answer.output.files.length === 0) {
        throw new SpawnError('GENERATION_FAILED', `${answer.model.id} answered without any file: "${answer.output.message.slice(0, 200)}"`);
      }
      const files = checkAppFiles(answer.output.files, this.#settings.limits);
      req.onEvent?.({ type: 'progress', fraction: 1 });
      const app = this.#app(req, files, answer, ledger);
      return routing ? { ...app, routing: { model: routing.model.id, complexity: routing.complexity, reason: routing.reason } } : app;
    });
  }

  /** The whole chain, or with an image only its models that accept one (IMAGE_NOT_SUPPORTED when none does). */
  #chainFor(req: GenerateRequest): readonly ModelSpec[] {
    if (!req.image) return this.#settings.models;
    const vision = visionModels(this.#settings.models);
    if (vision.length === 0) throw new SpawnError('IMAGE_NOT_SUPPORTED', `no model of the chain (${this.#settings.models.map((m) => m.id).join(', ')}) accepts images`);
    if (vision.length < this.#settings.models.length) req.onEvent?.({ type: 'log', message: `the request has an image: only ${vision.map((m) => m.id).join(', ')} of the chain accept images` });
    return vision;
  }

  /** With SPAWN_MODEL_ROUTING=auto: which model starts, and why (said in the session's events). */
  #route(req: GenerateRequest, models: readonly ModelSpec[]): RoutingDecision | null {
    const { routing, prices } = this.#settings;
    if (routing !== 'auto' || models.length < 2) return null;
    const decision = routeRequest(req.prompt, req.appType, models, prices);
    this.#settings.logger?.info({ sessionId: req.sessionId, model: decision.model.id, complexity: decision.complexity }, 'model routing');
    req.onEvent?.({ type: 'log', message: `model routing: ${decision.reason}` });
    return decision;
  }

  /**
   * Where a repair or an edit starts: at the model that wrote the app. With routing, the rest of
   * the chain follows in its order (so a cheap model's failure still falls back to the strongest);
   * without, the chain continues after it, as it always has.
   */
  #orderFrom(model: string | null): { models?: ModelSpec[]; fromIndex: number } {
    const { models, routing } = this.#settings;
    const index = models.findIndex((spec) => spec.id === model);
    if (routing !== 'auto' || index <= 0) return { fromIndex: Math.max(0, index) };
    const first = models[index] as ModelSpec;
    return { models: [first, ...models.filter((spec) => spec !== first)], fromIndex: 0 };
  }

  /** Sends the files and the checks' errors back to the model; the caller bounds the rounds. */
  async repair(app: GeneratedApp, errors: readonly string[], req: GenerationContext): Promise<GeneratedApp> {
    const ledger = this.#ledger(req, app);
    const messages: ModelMessage[] = [...(req.history ?? []).map((turn) => ({ role: turn.role, content: turn.content })), { role: 'user', content: repairMessage(app.files, errors, req.prompt) }];
    const { result } = await this.#change(req, ledger, 'repair', app.files, messages, app.model);
    return result;
  }

  /** Applies a follow-up request; `usage` covers this edit's calls only. */
  async edit(request: EditRequest, req: GenerationContext): Promise<EditedApp> {
    const ledger = this.#ledger(req);
    const messages: ModelMessage[] = [
      ...(request.history ?? []).map((turn) => ({ role: turn.role, content: turn.content })),
      { role: 'user', content: `${filesMessage(request.files)}\n\nThe change to make:\n<request>\n${request.prompt}\n</request>` },
    ];
    const { result, changed, deleted } = await this.#change(req, ledger, 'edit', request.files, messages, null);
    return { ...result, changedPaths: changed, deletedPaths: deleted };
  }

  async #change(req: GenerationContext, ledger: UsageLedger, purpose: 'repair' | 'edit', base: readonly AppFile[], messages: ModelMessage[], model: string | null) {
    return this.#withUsage(ledger, async () => {
      const context = this.#context(req, ledger);
      const system = this.#prompt(purpose, req);
      const order = this.#orderFrom(model);
      const answer = await streamAnswer(context, { purpose, system, messages, ...order });
      let applied = applyChanges(base, answer.output, this.#settings.limits.maxDepth);
      if (applied.failed.length > 0) {
        context.log(`edits to ${applied.failed.map((f) => f.path).join(', ')} did not apply; asking for whole files`);
        const follow = await streamAnswer(context, {
          purpose,
          system,
          messages: [...messages, { role: 'assistant', content: answer.text }, { role: 'user', content: wholeFilePrompt(applied.failed) }],
          ...(order.models ? { models: order.models } : {}),
          fromIndex: answer.modelIndex,
        });
        const wanted = new Set(applied.failed.map((failure) => failure.path));
        const missing = [...wanted].filter((path) => !follow.output.files.some((file) => file.path === path));
        if (missing.length > 0) throw new SpawnError('GENERATION_FAILED', `the model did not send the whole content of ${missing.join(', ')}`);
        const retried = applyChanges(applied.files, { files: follow.output.files.filter((file) => wanted.has(file.path)), edits: [], deletes: [] });
        applied = { ...retried, changed: [...new Set([...applied.changed, ...retried.changed])], deleted: applied.deleted };
      }
      const files = checkAppFiles(applied.files, this.#settings.limits);
      return { result: this.#app(req, files, answer, ledger), changed: applied.changed, deleted: applied.deleted };
    });
  }

  #app(req: GenerationContext, files: AppFile[], answer: Answer, ledger: UsageLedger): GeneratedApp {
    const message = answer.output.message === '' ? undefined : answer.output.message;
    return { files, command: commandFor(req.appType, files), generator: 'llm', model: answer.model.id, message, usage: ledger.usage() };
  }

  #prompt(name: PromptName, req: GenerationContext): string {
    return loadPrompt(name, { appType: req.appType, packages: this.#settings.packages }).text;
  }

  #ledger(req: GenerationContext, prior?: GeneratedApp): UsageLedger {
    const unknown = (model: string): void => {
      this.#settings.logger?.info({ sessionId: req.sessionId, model }, 'no price for this model; its calls are counted at $0');
    };
    return new UsageLedger(this.#settings.prices, this.#settings.budget, unknown, prior?.usage);
  }

  #context(req: GenerationContext, ledger: UsageLedger): AnswerContext {
    const log = (message: string): void => {
      this.#settings.logger?.warn({ sessionId: req.sessionId }, message);
      req.onEvent?.({ type: 'log', message });
    };
    const { limits, maxContinuations } = this.#settings;
    return { runner: this.#runner, ledger, appType: req.appType, signal: req.signal, limits, maxContinuations, onEvent: req.onEvent, log };
  }

  /** Failures carry the usage so far in `details.usage`, so the caller can still bill the calls made. */
  async #withUsage<T>(ledger: UsageLedger, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isSpawnError(error) || error.details?.usage !== undefined) throw error;
      throw new SpawnError(error.code, error.message, { cause: error.cause, details: { ...error.details, usage: ledger.usage() } });
    }
  }
}
