import type { SessionEvent } from '../../src/api-types.ts';
import { SpawnApiError } from './errors.ts';

export interface SessionEventsOptions {
  baseUrl: string;
  token?: string | undefined;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/**
 * `GET /api/sessions/:id/events` as an async iterator of events (Node has no EventSource, and a
 * browser's cannot send a bearer token). Ends when the server closes the stream (after `destroyed`
 * or `failed`), or on `signal`.
 */
export async function* sessionEvents(sessionId: string, options: SessionEventsOptions): AsyncGenerator<SessionEvent> {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/$/, '')}/api/sessions/${encodeURIComponent(sessionId)}/events`;
  const res = await doFetch(url, { headers: { accept: 'text/event-stream', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) }, signal: options.signal });
  if (!res.ok || !res.body) throw new SpawnApiError(res.status, `HTTP_${res.status}`, `event stream refused (${res.status})`);
  yield* parseEventStream(res.body);
}

/** The SSE framing: `data:` lines (joined), one event per blank line; comments and other fields ignored. */
export async function* parseEventStream(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncGenerator<SessionEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) yield JSON.parse(data) as SessionEvent;
    }
  }
}
