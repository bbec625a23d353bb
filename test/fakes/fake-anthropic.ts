import type { ServerResponse } from 'node:http';
import {
  FakeLlmServer,
  defaultUsage,
  isCompleteAnswer,
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
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * Anthropic's Messages API (`POST /v1/messages`, `stream: true`) as server-sent events:
 * message_start (input usage) → content_block_start → ping → content_block_delta (text_delta)… →
 * content_block_stop → message_delta (stop_reason, output usage) → message_stop. Errors use
 * Anthropic's `{"type":"error","error":{"type","message"}}` body.
 */
export class FakeAnthropic extends FakeLlmServer {
  static async start(): Promise<FakeAnthropic> {
    const fake = new FakeAnthropic('/v1/messages', { stream: writeStream, error: writeError });
    await fake.listen();
    return fake;
  }
}

async function writeStream(res: ServerResponse, script: ScriptedStream, request: RecordedRequest, signal: AbortSignal): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': 'req_fake' });
  const event = (type: string, data: Record<string, unknown>): void => {
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  };
  const model = String(request.body.model ?? 'claude');

  const usage = isCompleteAnswer(script) ? defaultUsage(script, request) : { inputTokens: 1, outputTokens: 1 };
  event('message_start', {
    message: { id: 'msg_fake', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.inputTokens, output_tokens: 1 } },
  });
  event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  event('ping', {});
  const { deltas, stall, streamError } = scriptedDeltas(script);
  for (const delta of deltas) {
    await delay('delayMs' in script ? (script.delayMs ?? 0) : 0, signal);
    if (signal.aborted) return;
    event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: delta } });
  }
  if (stall) return untilAborted(signal);
  if (streamError !== null) {
    event('error', { error: streamError });
    return void res.end();
  }
  event('content_block_stop', { index: 0 });
  const stopReason = isTruncated(script as ScriptedText) ? 'max_tokens' : 'end_turn';
  event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.outputTokens } });
  event('message_stop', {});
  res.end();

}

function writeError(res: ServerResponse, script: ScriptedError): void {
  const type = script.error.type ?? ERROR_TYPES[script.status] ?? 'api_error';
  res.writeHead(script.status, { 'content-type': 'application/json', 'request-id': 'req_fake' });
  res.end(JSON.stringify({ type: 'error', error: { type, message: script.error.message } }));
}
