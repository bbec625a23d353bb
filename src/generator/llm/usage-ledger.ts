import type { Pricing } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { GenerationCall, GenerationUsage } from '../generator.ts';

export interface GenerationBudget {
  /** Stop before a further call once the calls so far cost more than this many dollars. */
  maxGenerationUsd?: number;
  /** Stop before a further call once input + output tokens so far exceed this. */
  maxGenerationTokens?: number;
}

export type ModelPrices = Pricing['models'];

/** Rough characters per token, used only to stop a runaway stream before its usage is known. */
const CHARS_PER_TOKEN_ESTIMATE = 4;

/** Records every model call of one generation (or repair/edit) and prices it from the table. */
export class UsageLedger {
  readonly calls: GenerationCall[] = [];
  readonly #prices: ModelPrices;
  readonly #budget: GenerationBudget;
  readonly #onUnknownModel: (model: string) => void;
  /** Totals of an earlier usage that has no per-call records (e.g. a template app). */
  readonly #base = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

  constructor(prices: ModelPrices, budget: GenerationBudget = {}, onUnknownModel: (model: string) => void = () => {}, prior?: GenerationUsage) {
    this.#prices = prices;
    this.#budget = budget;
    this.#onUnknownModel = onUnknownModel;
    if (prior?.calls !== undefined) this.calls.push(...prior.calls);
    else if (prior !== undefined) Object.assign(this.#base, { inputTokens: prior.inputTokens, outputTokens: prior.outputTokens, costUsd: prior.costUsd });
  }

  record(call: Omit<GenerationCall, 'costUsd'>): GenerationCall {
    const price = this.#prices[call.model];
    if (price === undefined) this.#onUnknownModel(call.model);
    const costUsd = price === undefined ? 0 : (call.inputTokens * price.inputPerMTokUsd + call.outputTokens * price.outputPerMTokUsd) / 1_000_000;
    const recorded = { ...call, costUsd };
    this.calls.push(recorded);
    return recorded;
  }

  usage(): GenerationUsage {
    let { inputTokens, outputTokens, costUsd } = this.#base;
    for (const call of this.calls) {
      inputTokens += call.inputTokens;
      outputTokens += call.outputTokens;
      costUsd += call.costUsd;
    }
    return { inputTokens, outputTokens, costUsd, calls: [...this.calls] };
  }

  /** Throws GENERATION_BUDGET_EXCEEDED when the recorded calls are already over budget. */
  assertWithinBudget(): void {
    this.#check(0, 0, undefined);
  }

  /** Mid-stream check with the output estimated from streamed characters (usage is only known at the end). */
  assertStreamWithinBudget(model: string, streamedChars: number): void {
    this.#check(0, Math.ceil(streamedChars / CHARS_PER_TOKEN_ESTIMATE), model);
  }

  #check(extraInput: number, extraOutput: number, model: string | undefined): void {
    const usage = this.usage();
    const tokens = usage.inputTokens + usage.outputTokens + extraInput + extraOutput;
    const price = model === undefined ? undefined : this.#prices[model];
    const usd = usage.costUsd + (price === undefined ? 0 : (extraOutput * price.outputPerMTokUsd) / 1_000_000);
    const { maxGenerationTokens, maxGenerationUsd } = this.#budget;
    const overTokens = maxGenerationTokens !== undefined && tokens > maxGenerationTokens;
    const overUsd = maxGenerationUsd !== undefined && usd > maxGenerationUsd;
    if (!overTokens && !overUsd) return;
    const what = overTokens ? `${tokens} tokens > ${maxGenerationTokens} allowed` : `$${usd.toFixed(4)} > $${maxGenerationUsd} allowed`;
    throw new SpawnError('GENERATION_BUDGET_EXCEEDED', `generation stopped: its budget is spent (${what})`, {
      details: { usage },
    });
  }
}
