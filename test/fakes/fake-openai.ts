import type { ServerResponse } from 'node:http';
import {
  FakeLlmServer,
  defaultUsage,
  delay,
  isTruncated,
  scriptedDeltas,
  untilAborted,
  type RecordedRequest,
  type ScriptedError,
  type ScriptedStream,
  type ScriptedText,
} from './fake-llm-server.ts';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

/**
 * OpenAI's Chat Completions API (`POST /v1/chat/completions`, `stream: true`): `data:` chunks with
 * `choices[0].delta.content`, a last choice chunk with `finish_reason` (`stop` | `length`), a usage
 * chunk with empty `choices` when `stream_options.include_usage` is set, then `data: [DONE]`.
 * Errors use OpenAI's `{"error":{"message","type","param","code"}}` body.
 */
export class FakeOpenAI extends FakeLlmServer {
  static async start(): Promise<FakeOpenAI> {
    const fake = new FakeOpenAI('/v1/chat/completions', { stream: writeStream, error: writeError });
    await fake.listen();
    return fake;
  }
}

async function writeStream(res: ServerResponse, script: ScriptedStream, request: RecordedRequest, signal: AbortSignal): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const model = String(request.body.model ?? 'gpt');
  const chunk = (data: Record<string, unknown>): void => {
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model, ...data })}\n\n`);
  };
  chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
  const { deltas, stall, streamError } = scriptedDeltas(script);
  for (const delta of deltas) {
    await delay('delayMs' in script ? (script.delayMs ?? 0) : 0, signal);
    if (signal.aborted) return;
    chunk({ choices: [{ index: 0, delta: { content: delta }, finish_reason: null }] });
  }
  if (stall) return untilAborted(signal);
  if (streamError !== null) {
    res.write(`data: ${JSON.stringify({ error: { ...streamError, param: null, code: null } })}\n\n`);
    return void res.end();
  }
  const text = script as ScriptedText;
  chunk({ choices: [{ index: 0, delta: {}, finish_reason: isTruncated(text) ? 'length' : 'stop' }] });
  const options = request.body.stream_options as { include_usage?: boolean } | undefined;
  if (options?.include_usage === true) {
    const usage = defaultUsage(text, request);
    chunk({ choices: [], usage: { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens } });
  }
  res.write('data: [DONE]\n\n');
  res.end();
}

function writeError(res: ServerResponse, script: ScriptedError): void {
  const type = script.error.type ?? ERROR_TYPES[script.status] ?? 'server_error';
  res.writeHead(script.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: script.error.message, type, param: null, code: null } }));
}
