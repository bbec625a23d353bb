import type { LanguageModel, ModelMessage } from 'ai';
import { SpawnError } from '../../errors/index.ts';
import { withSpan } from '../../telemetry/index.ts';
import type { GenerationCall } from '../generator.ts';
import { callModel } from './model-call.ts';
import type { LlmEnv, ModelSpec } from './model-chain.ts';
import { createLanguageModel } from './provider-factory.ts';
import { backoffDelayMs, classifyError, describeError, sleep } from './retry-policy.ts';
import type { UsageLedger } from './usage-ledger.ts';

export interface ChainRunnerOptions {
  models: readonly ModelSpec[];
  env: LlmEnv;
  stallTimeoutMs: number;
  maxRetries: number;
  baseDelayMs: number;
  maxOutputTokens: number;
}

export interface ChainCall {
  purpose: GenerationCall['purpose'];
  system: string;
  messages: ModelMessage[];
  signal: AbortSignal;
  ledger: UsageLedger;
  /** The order to try models in for this call (model routing puts the chosen one first); default the configured chain. */
  models?: readonly ModelSpec[];
  /** Index in `models` to start from (continuations and repairs start at the model that answered). */
  fromIndex?: number;
  /** Called before every attempt, so the caller can reset whatever it built from a failed stream. */
  onAttempt: () => void;
  onText: (delta: string) => void;
  /** Retry and fallback notices, for the session's log. */
  log?: (message: string) => void;
}

export interface ChainResult {
  text: string;
  finishReason: string;
  modelIndex: number;
  model: ModelSpec;
}

/** Runs one logical call down the fallback chain: retries transient failures, then moves on. */
export class ChainRunner {
  readonly #options: ChainRunnerOptions;
  readonly #built = new Map<string, LanguageModel>();

  constructor(options: ChainRunnerOptions) {
    this.#options = options;
  }

  get models(): readonly ModelSpec[] {
    return this.#options.models;
  }

  async run(call: ChainCall): Promise<ChainResult> {
    const { maxRetries, baseDelayMs } = this.#options;
    const models = call.models ?? this.#options.models;
    const log = call.log ?? ((): void => {});
    if (models.length === 0) throw new SpawnError('GENERATION_FAILED', 'no model configured: set ANTHROPIC_API_KEY or SPAWN_MODELS');
    let lastError: unknown;
    for (let index = call.fromIndex ?? 0; index < models.length; index++) {
      const spec = models[index] as ModelSpec;
      for (let attempt = 0; attempt <= maxRetries; attempt++) {
        call.ledger.assertWithinBudget();
        try {
          return await this.#attempt(call, spec, index);
        } catch (error) {
          if (call.signal.aborted) throw call.signal.reason;
          const verdict = classifyError(error);
          if (verdict === 'fatal') throw error;
          lastError = error;
          if (verdict === 'retry' && attempt < maxRetries) {
            const delayMs = Math.round(backoffDelayMs(attempt, baseDelayMs, error));
            log(`${spec.id} failed (${describeError(error)}); retrying in ${delayMs} ms`);
            await sleep(delayMs, call.signal);
            continue;
          }
          log(`${spec.id} failed (${describeError(error)})${index + 1 < models.length ? `; falling back to ${models[index + 1]?.id}` : ''}`);
          break;
        }
      }
    }
    throw new SpawnError('GENERATION_FAILED', `every model failed; last error: ${describeError(lastError)}`, {
      cause: lastError,
      details: { usage: call.ledger.usage() },
    });
  }

  /** One model call, one span (`gen_ai.*` attributes of the OpenTelemetry semantic conventions). */
  #attempt(call: ChainCall, spec: ModelSpec, modelIndex: number): Promise<ChainResult> {
    const attributes = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': spec.id, 'spawn.generation.purpose': call.purpose };
    return withSpan(`model call ${spec.id}`, attributes, async (span) => {
      call.onAttempt();
      const startedAt = Date.now();
      let streamedChars = 0;
      const result = await callModel({
        model: this.#model(spec),
        system: call.system,
        messages: call.messages,
        maxOutputTokens: this.#options.maxOutputTokens,
        stallTimeoutMs: this.#options.stallTimeoutMs,
        signal: call.signal,
        onText: (delta) => {
          streamedChars += delta.length;
          call.ledger.assertStreamWithinBudget(spec.id, streamedChars);
          call.onText(delta);
        },
      });
      span.setAttributes({ 'gen_ai.usage.input_tokens': result.inputTokens, 'gen_ai.usage.output_tokens': result.outputTokens, 'gen_ai.response.finish_reasons': [result.finishReason] });
      call.ledger.record({
        model: spec.id,
        purpose: call.purpose,
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        finishReason: result.finishReason,
        durationMs: Date.now() - startedAt,
      });
      return { text: result.text, finishReason: result.finishReason, modelIndex, model: spec };
    });
  }

  #model(spec: ModelSpec): LanguageModel {
    let model = this.#built.get(spec.id);
    if (model === undefined) {
      model = createLanguageModel(spec, this.#options.env);
      this.#built.set(spec.id, model);
    }
    return model;
  }
}
