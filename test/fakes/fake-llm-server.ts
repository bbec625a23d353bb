import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A streamed answer. `stopReason` accepts either provider's names; `max_tokens` ≡ `length`. */
export interface ScriptedText {
  text: string;
  /** Characters per streamed delta (default 40). */
  chunkSize?: number;
  /** Pause before each delta. */
  delayMs?: number;
  stopReason?: 'end_turn' | 'max_tokens' | 'stop' | 'length';
  /** Defaults: input ≈ request characters / 4, output ≈ text characters / 4. */
  usage?: { inputTokens: number; outputTokens: number };
}

/** An HTTP error in the provider's own JSON shape. */
export interface ScriptedError {
  status: number;
  error: { type?: string; message: string };
}

/** Streams `text` (default empty) up to `stallAfterChars`, then sends nothing more until the client goes away. */
export interface ScriptedStall {
  stallAfterChars: number;
  text?: string;
}

/** Streams `text` up to `errorAfterChars`, then an error event inside the open stream (as overloads arrive). */
export interface ScriptedStreamError {
  errorAfterChars: number;
  text?: string;
  streamError: { type: string; message: string };
}

export type ScriptedResponse = ScriptedText | ScriptedError | ScriptedStall | ScriptedStreamError;
export type ScriptedStream = ScriptedText | ScriptedStall | ScriptedStreamError;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface StreamWriter {
  /** Writes the whole streamed success response (headers included). */
  stream(res: ServerResponse, script: ScriptedStream, request: RecordedRequest, signal: AbortSignal): Promise<void>;
  error(res: ServerResponse, script: ScriptedError): void;
}

/**
 * A real HTTP server on 127.0.0.1 answering one scripted response per request. Requests are
 * recorded; a request with nothing scripted for it (or on the wrong route) gets a 500 and is kept
 * in `unexpected`, which `assertNoUnexpected()` turns into a test failure.
 */
export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: string[] = [];
  readonly #queue: ScriptedResponse[] = [];
  readonly #routed: { match: (request: RecordedRequest) => boolean; responses: ScriptedResponse[] }[] = [];
  readonly #server: Server;
  readonly #route: string;
  readonly #writer: StreamWriter;
  readonly #aborts = new Set<AbortController>();

  protected constructor(route: string, writer: StreamWriter) {
    this.#route = route;
    this.#writer = writer;
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  protected async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }

  /** `http://127.0.0.1:PORT` (providers' base URLs add `/v1`). */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The providers' base URL (`createAnthropic/createOpenAI({ baseURL })`, *_BASE_URL): both put `/v1` in it. */
  get baseURL(): string {
    return `${this.url}/v1`;
  }

  /** Queues responses for the next requests, in order. */
  script(...responses: ScriptedResponse[]): this {
    this.#queue.push(...responses);
    return this;
  }

  /**
   * Queues responses for requests that `match` (e.g. by app type in the system prompt), for tests
   * whose requests arrive in no fixed order. Matched queues are tried before the plain one.
   */
  scriptWhen(match: (request: RecordedRequest) => boolean, ...responses: ScriptedResponse[]): this {
    this.#routed.push({ match, responses });
    return this;
  }

  get pending(): number {
    return this.#queue.length + this.#routed.reduce((n, r) => n + r.responses.length, 0);
  }

  assertNoUnexpected(): void {
    if (this.unexpected.length > 0) throw new Error(`unexpected requests to the fake: ${this.unexpected.join('; ')}`);
  }

  async close(): Promise<void> {
    for (const controller of this.#aborts) controller.abort();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      // recorded as-is below; the route check reports it
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    const recorded: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, body };
    this.requests.push(recorded);
    const routed = this.#routed.find((r) => r.responses.length > 0 && r.match(recorded));
    const next = routed ? routed.responses.shift() : this.#queue.shift();
    const problem =
      req.method !== 'POST' || path !== this.#route
        ? `${req.method} ${path} is not ${this.#route}`
        : body.stream !== true
          ? `${path} without stream: true`
          : next === undefined
            ? `request #${this.requests.length} to ${path} with nothing scripted`
            : null;
    if (problem !== null) {
      this.unexpected.push(problem);
      return this.#writer.error(res, { status: 500, error: { type: 'api_error', message: `fake: ${problem}` } });
    }
    const script = next as ScriptedResponse;
    if ('status' in script) return this.#writer.error(res, script);
    const controller = new AbortController();
    this.#aborts.add(controller);
    res.on('close', () => controller.abort());
    try {
      await this.#writer.stream(res, script, recorded, controller.signal);
    } finally {
      this.#aborts.delete(controller);
    }
  }
}

/** Splits a scripted answer into deltas, and what should be sent of it before stalling. */
export function scriptedDeltas(script: ScriptedStream): { deltas: string[]; stall: boolean; streamError: ScriptedStreamError['streamError'] | null } {
  const stall = 'stallAfterChars' in script;
  const streamError = 'errorAfterChars' in script ? script.streamError : null;
  const cutAt = 'stallAfterChars' in script ? script.stallAfterChars : 'errorAfterChars' in script ? script.errorAfterChars : Infinity;
  const text = (script.text ?? '').slice(0, cutAt);
  const size = Math.max(1, ('chunkSize' in script ? script.chunkSize : undefined) ?? 40);
  const deltas: string[] = [];
  for (let i = 0; i < text.length; i += size) deltas.push(text.slice(i, i + size));
  return { deltas, stall, streamError };
}

export function isCompleteAnswer(script: ScriptedStream): script is ScriptedText {
  return !('stallAfterChars' in script) && !('errorAfterChars' in script);
}

export function isTruncated(script: ScriptedText): boolean {
  return script.stopReason === 'max_tokens' || script.stopReason === 'length';
}

export function defaultUsage(script: ScriptedText, request: RecordedRequest): { inputTokens: number; outputTokens: number } {
  return script.usage ?? { inputTokens: Math.ceil(JSON.stringify(request.body).length / 4), outputTokens: Math.ceil(script.text.length / 4) };
}

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits until the client disconnects (or the fake closes). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}

/** Messages of a recorded request as role + plain text, whatever the provider's content shape. */
export function messageTexts(request: RecordedRequest): Array<{ role: string; text: string }> {
  const messages = (request.body.messages ?? []) as Array<{ role: string; content: unknown }>;
  return messages.map((message) => ({ role: message.role, text: contentText(message.content) }));
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('');
  return '';
}
