import { describe, expect, it } from 'vitest';
import { ANSWER, harnessPerTest } from './harness.ts';

const h = harnessPerTest();

const logs = (): string[] => h.events.flatMap((e) => (e.type === 'log' ? [e.message] : []));

describe('retries and fallback down the model chain', () => {
  it('retries the same model after a 429 and a 500, then succeeds', async () => {
    h.anthropic.script(
      { status: 429, error: { message: 'Number of request tokens has exceeded your rate limit' } },
      { status: 500, error: { message: 'Internal server error' } },
      { text: ANSWER },
    );
    const app = await h.generator().generate(h.request());
    expect(app.model).toBe('anthropic:claude-sonnet-4-5');
    expect(h.anthropic.requests).toHaveLength(3);
    expect(h.openai.requests).toHaveLength(0);
    expect(logs()).toEqual([expect.stringMatching(/HTTP 429.*retrying in \d+ ms/), expect.stringMatching(/HTTP 500.*retrying in \d+ ms/)]);
    expect(app.usage.calls).toHaveLength(1);
  });

  it('retries an overloaded (529) Anthropic', async () => {
    h.anthropic.script({ status: 529, error: { message: 'Overloaded' } }, { text: ANSWER });
    expect((await h.generator().generate(h.request())).model).toBe('anthropic:claude-sonnet-4-5');
  });

  it('falls back from Anthropic to OpenAI when Anthropic keeps failing', async () => {
    h.anthropic.script(...Array.from({ length: 3 }, () => ({ status: 500, error: { message: 'Internal server error' } })));
    h.openai.script({ text: ANSWER });
    const app = await h.generator({ maxRetries: 2 }).generate(h.request());
    expect(app.model).toBe('openai:gpt-4.1');
    expect(h.anthropic.requests).toHaveLength(3);
    expect(h.openai.requests).toHaveLength(1);
    expect(logs().at(-1)).toMatch(/anthropic:claude-sonnet-4-5 failed .*falling back to openai:gpt-4\.1/);
  });

  it('moves on at once after a non-retryable 401', async () => {
    h.anthropic.script({ status: 401, error: { message: 'invalid x-api-key' } });
    h.openai.script({ text: ANSWER });
    const app = await h.generator().generate(h.request());
    expect(app.model).toBe('openai:gpt-4.1');
    expect(h.anthropic.requests).toHaveLength(1);
  });

  it('skips a model whose key is missing without calling it', async () => {
    h.openai.script({ text: ANSWER });
    const generator = h.generator({ env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: h.openai.baseURL } });
    expect((await generator.generate(h.request())).model).toBe('openai:gpt-4.1');
    expect(logs()[0]).toMatch(/ANTHROPIC_API_KEY is not set/);
  });

  it('aborts a stalled stream, retries, and succeeds', async () => {
    h.anthropic.script({ stallAfterChars: 30, text: ANSWER }, { text: ANSWER });
    const started = Date.now();
    const app = await h.generator({ stallTimeoutMs: 300 }).generate(h.request());
    expect(app.files.map((f) => f.path)).toEqual(['index.html', 'app.js']);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(logs()[0]).toMatch(/stalled: no data for 300 ms\); retrying in/);
    // The failed attempt's file events restart; the final ones describe the finished files.
    expect(h.events.filter((e) => e.type === 'file' && e.status === 'done')).toHaveLength(2);
  });

  it('falls back to the next model when the stream stalls before any data, every time', async () => {
    h.anthropic.script({ stallAfterChars: 0 }, { stallAfterChars: 0 });
    h.openai.script({ text: ANSWER });
    const app = await h.generator({ stallTimeoutMs: 200, maxRetries: 1 }).generate(h.request());
    expect(app.model).toBe('openai:gpt-4.1');
    expect(h.anthropic.requests).toHaveLength(2);
  });

  it('throws GENERATION_FAILED naming the last error when every model fails', async () => {
    h.anthropic.script({ status: 400, error: { message: 'prompt is too long' } });
    h.openai.script({ status: 503, error: { message: 'The engine is currently overloaded' } }, { status: 503, error: { message: 'The engine is currently overloaded' } });
    const error = await h.generator({ maxRetries: 1 }).generate(h.request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GENERATION_FAILED', message: 'every model failed; last error: HTTP 503: The engine is currently overloaded' });
  });

  it('stops at once when the session is cancelled', async () => {
    h.anthropic.script({ stallAfterChars: 10, text: ANSWER });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('session cancelled')), 100);
    await expect(h.generator().generate(h.request({ signal: controller.signal }))).rejects.toThrow('session cancelled');
    expect(h.openai.requests).toHaveLength(0);
  });
});

describe('errors inside an open stream', () => {
  it('retries when Anthropic reports overloaded_error mid-stream', async () => {
    h.anthropic.script({ text: ANSWER, errorAfterChars: 60, streamError: { type: 'overloaded_error', message: 'Overloaded' } }, { text: ANSWER });
    const app = await h.generator().generate(h.request());
    expect(app.files.map((f) => f.path)).toEqual(['index.html', 'app.js']);
    expect(logs()[0]).toMatch(/overloaded_error: Overloaded\); retrying in/);
  });

  it('falls back when OpenAI reports an invalid request mid-stream', async () => {
    h.openai.script({ text: ANSWER, errorAfterChars: 60, streamError: { type: 'invalid_request_error', message: 'bad' } });
    h.anthropic.script({ text: ANSWER });
    const app = await h.generator({}, 'openai:gpt-4.1,anthropic:claude-sonnet-4-5').generate(h.request());
    expect(app.model).toBe('anthropic:claude-sonnet-4-5');
    expect(h.openai.requests).toHaveLength(1);
  });
});
