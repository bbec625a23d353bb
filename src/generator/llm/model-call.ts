import { streamText, type LanguageModel, type ModelMessage } from 'ai';
import { StreamStallError } from './retry-policy.ts';

export interface ModelCallInput {
  model: LanguageModel;
  system: string;
  messages: ModelMessage[];
  maxOutputTokens: number;
  stallTimeoutMs: number;
  signal: AbortSignal;
  /** Each text delta as it streams; may throw (e.g. a size limit) to abort the call. */
  onText: (delta: string) => void;
}

export interface ModelCallResult {
  text: string;
  /** The AI SDK's unified reason: `stop`, `length`, … */
  finishReason: string;
  inputTokens: number;
  outputTokens: number;
}

/**
 * One streamed model call with no retries of its own (`maxRetries: 0`: the chain runner owns them).
 * A stall watchdog aborts the call when no stream part arrives for `stallTimeoutMs`, including
 * before the first one.
 */
export async function callModel(input: ModelCallInput): Promise<ModelCallResult> {
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(input.signal.reason);
  if (input.signal.aborted) throw input.signal.reason;
  input.signal.addEventListener('abort', onOuterAbort, { once: true });
  let stalled = false;
  let watchdog: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      controller.abort(new StreamStallError(input.stallTimeoutMs));
    }, input.stallTimeoutMs);
  };
  let text = '';
  let callbackError: unknown;
  try {
    arm();
    const result = streamText({
      model: input.model,
      system: input.system,
      messages: input.messages,
      maxOutputTokens: input.maxOutputTokens,
      maxRetries: 0,
      abortSignal: controller.signal,
      // Errors surface as `error` parts below; the default handler would print them to the console.
      onError: () => {},
    });
    for await (const part of result.fullStream) {
      arm();
      switch (part.type) {
        case 'text-delta':
          text += part.text;
          try {
            input.onText(part.text);
          } catch (error) {
            callbackError = error;
            controller.abort(error);
          }
          break;
        case 'error':
          throw part.error;
        case 'finish':
          return {
            text,
            finishReason: part.finishReason,
            inputTokens: part.totalUsage.inputTokens ?? 0,
            outputTokens: part.totalUsage.outputTokens ?? 0,
          };
        default:
          break;
      }
    }
    throw new Error('the model stream ended without a finish event');
  } catch (error) {
    throw abortReason(error, { stalled, callbackError, controller, outer: input.signal });
  } finally {
    clearTimeout(watchdog);
    input.signal.removeEventListener('abort', onOuterAbort);
  }
}

/** After an abort, report why we aborted rather than the SDK's generic AbortError. */
function abortReason(
  error: unknown,
  state: { stalled: boolean; callbackError: unknown; controller: AbortController; outer: AbortSignal },
): unknown {
  if (state.callbackError !== undefined) return state.callbackError;
  if (state.outer.aborted) return state.outer.reason;
  if (state.stalled) return state.controller.signal.reason;
  return error;
}
