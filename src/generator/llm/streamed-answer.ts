import type { ModelMessage } from 'ai';
import type { AppType } from '../../api-types.ts';
import { SpawnError } from '../../errors/index.ts';
import type { GenerationCall, GenerationEvent } from '../generator.ts';
import { EXPECTED_APP_BYTES } from '../validate/index.ts';
import type { ChainRunner } from './chain-runner.ts';
import { assertTotalBytes, type FileLimits } from './file-safety.ts';
import { continuationMessages } from './messages.ts';
import type { ModelSpec } from './model-chain.ts';
import { parseFallbackShapes } from './protocol/fallback-parser.ts';
import { FileStreamParser } from './protocol/file-stream-parser.ts';
import { resolveOutput, type ParsedOutput } from './protocol/parse-files.ts';
import type { UsageLedger } from './usage-ledger.ts';

export interface AnswerContext {
  runner: ChainRunner;
  ledger: UsageLedger;
  appType: AppType;
  signal: AbortSignal;
  limits: FileLimits;
  maxContinuations: number;
  onEvent: ((event: GenerationEvent) => void) | undefined;
  log: (message: string) => void;
}

export interface AnswerCall {
  purpose: GenerationCall['purpose'];
  system: string;
  messages: ModelMessage[];
  /** Chain order for this answer, continuations included (model routing); default the configured chain. */
  models?: readonly ModelSpec[];
  fromIndex?: number;
}

export interface Answer {
  output: ParsedOutput;
  /** The whole answer text, continuations spliced in. */
  text: string;
  model: ModelSpec;
  modelIndex: number;
}

/** Continuations shorter than this that repeat the tail are kept: short repeats are often legitimate. */
const MIN_TRIMMED_OVERLAP = 40;
const OVERLAP_WINDOW = 400;

/**
 * Streams one answer through the parser (file events and progress as it arrives), asks the model to
 * continue while it was cut off, and returns the parsed result. An answer still cut off after
 * `maxContinuations` fails: half a file is never returned.
 */
export async function streamAnswer(ctx: AnswerContext, call: AnswerCall): Promise<Answer> {
  let replaying = false;
  const onEvent = (event: GenerationEvent): void => {
    if (!replaying) ctx.onEvent?.(event);
  };
  const newParser = (prior: string): FileStreamParser => {
    const parser = new FileStreamParser({ onEvent, expectedBytes: EXPECTED_APP_BYTES[ctx.appType] });
    replaying = true;
    parser.feed(prior);
    replaying = false;
    return parser;
  };
  let parser = newParser('');
  const feed = (delta: string): void => {
    parser.feed(delta);
    assertTotalBytes(parser.totalBytes, ctx.limits);
  };
  let result = await ctx.runner.run({
    ...call,
    ledger: ctx.ledger,
    signal: ctx.signal,
    log: ctx.log,
    onAttempt: () => (parser = newParser('')),
    onText: feed,
  });
  let text = result.text;
  for (let continuation = 1; ; continuation++) {
    const reason = cutOffReason(result.finishReason, parser, text, ctx.appType);
    if (reason === null) break;
    if (continuation > ctx.maxContinuations) {
      throw new SpawnError(
        'GENERATION_FAILED',
        `the model's answer was cut off (${reason}) and was still incomplete after ${ctx.maxContinuations} continuation(s); nothing was deployed`,
        { details: { usage: ctx.ledger.usage() } },
      );
    }
    ctx.log(`${result.model.id}: answer cut off (${reason}); asking it to continue (${continuation}/${ctx.maxContinuations})`);
    const prior = text;
    let splicer = new OverlapSplicer(prior, feed);
    result = await ctx.runner.run({
      purpose: 'continue',
      system: call.system,
      messages: continuationMessages(call.messages, prior),
      ...(call.models ? { models: call.models } : {}),
      fromIndex: result.modelIndex,
      ledger: ctx.ledger,
      signal: ctx.signal,
      log: ctx.log,
      onAttempt: () => {
        parser = newParser(prior);
        splicer = new OverlapSplicer(prior, feed);
      },
      onText: (delta) => splicer.push(delta),
    });
    splicer.end();
    text = prior + splicer.accepted;
  }
  const output = resolveOutput(parser.end(), text, ctx.appType);
  if (output.unterminated !== null) {
    throw new SpawnError('GENERATION_FAILED', `the model's answer stopped in the middle of ${output.unterminated}; nothing was deployed`, {
      details: { usage: ctx.ledger.usage() },
    });
  }
  return { output, text, model: result.model, modelIndex: result.modelIndex };
}

function cutOffReason(finishReason: string, parser: FileStreamParser, text: string, appType: AppType): string | null {
  if (finishReason === 'length') return 'output token limit reached';
  if (parser.openPath !== null) return `${parser.openPath} was never closed`;
  if (!parser.sawProtocol) {
    const unterminated = parseFallbackShapes(text, appType).unterminated;
    if (unterminated !== null) return `${unterminated} was never closed`;
  }
  return null;
}

/**
 * Splices a continuation onto the text before it. Models asked to continue sometimes start by
 * repeating the last lines; a repeat of at least MIN_TRIMMED_OVERLAP characters is dropped.
 */
class OverlapSplicer {
  accepted = '';
  #head = '';
  #decided = false;

  constructor(
    readonly prior: string,
    readonly forward: (delta: string) => void,
  ) {}

  push(delta: string): void {
    if (this.#decided) return this.#accept(delta);
    this.#head += delta;
    if (this.#head.length >= OVERLAP_WINDOW) this.#decide();
  }

  end(): void {
    if (!this.#decided) this.#decide();
  }

  #decide(): void {
    this.#decided = true;
    const head = this.#head;
    const tail = this.prior.slice(-OVERLAP_WINDOW);
    let overlap = 0;
    for (let length = Math.min(head.length, tail.length); length >= MIN_TRIMMED_OVERLAP; length--) {
      if (tail.endsWith(head.slice(0, length))) {
        overlap = length;
        break;
      }
    }
    this.#accept(head.slice(overlap));
  }

  #accept(delta: string): void {
    this.accepted += delta;
    this.forward(delta);
  }
}
