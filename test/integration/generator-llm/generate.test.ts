import { describe, expect, it } from 'vitest';
import { messageTexts } from '../../fakes/fake-llm-server.ts';
import { ANSWER, APP_JS, PAGE, harnessPerTest } from './harness.ts';

const h = harnessPerTest();

describe('LlmGenerator.generate through the real AI SDK and fake providers', () => {
  it('streams an Anthropic answer into files, events, message and usage', async () => {
    h.anthropic.script({ text: ANSWER, chunkSize: 7, usage: { inputTokens: 1_200, outputTokens: 300 } });
    const app = await h.generator().generate(h.request());
    expect(app.files).toEqual([
      { path: 'index.html', content: PAGE },
      { path: 'app.js', content: APP_JS },
    ]);
    expect(app).toMatchObject({ generator: 'llm', model: 'anthropic:claude-sonnet-4-5', command: null, message: 'Here is a counter.\n\n\nClick the button.' });
    expect(app.usage).toMatchObject({ inputTokens: 1_200, outputTokens: 300 });
    // 1200 × $3/M + 300 × $15/M
    expect(app.usage.costUsd).toBeCloseTo(0.0081, 12);
    const request = h.anthropic.requests[0];
    expect(request?.headers['x-api-key']).toBe('test-anthropic');
    expect(request?.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
    expect(JSON.stringify(request?.body.system)).toContain('<file path=');
    expect(messageTexts(request!)[0]?.text).toContain('a counter with a button');
    const statuses = h.events.flatMap((e) => (e.type === 'file' && e.path === 'index.html' ? [e.status] : []));
    expect(statuses[0]).toBe('started');
    expect(statuses.at(-1)).toBe('done');
    expect(h.events.at(-1)).toEqual({ type: 'progress', fraction: 1 });
    expect(h.openai.requests).toHaveLength(0);
  });

  it('speaks Chat Completions to OpenAI and computes the command of an api app', async () => {
    const server = "const http = require('http');\nhttp.createServer((q, s) => s.end('ok')).listen(process.env.PORT);";
    h.openai.script({ text: `<file path="server.js">\n${server}\n</file>`, usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } });
    const app = await h.generator({}, 'openai:gpt-4.1').generate(h.request({ appType: 'api' }));
    expect(app).toMatchObject({ model: 'openai:gpt-4.1', command: ['node', 'server.js'], files: [{ path: 'server.js', content: server }] });
    expect(app.usage.costUsd).toBeCloseTo(10, 10);
    expect(h.openai.requests[0]?.headers.authorization).toBe('Bearer test-openai');
    expect(h.openai.requests[0]?.body).toMatchObject({ model: 'gpt-4.1', stream: true, stream_options: { include_usage: true } });
    expect(messageTexts(h.openai.requests[0]!)[0]).toMatchObject({ role: 'system' });
  });

  it('reads a fallback shape when the model ignores the protocol', async () => {
    h.anthropic.script({ text: 'Sure:\n```python main.py\nprint("<!DOCTYPE html><html></html>")\n```\nRun it.' });
    const app = await h.generator().generate(h.request({ appType: 'script' }));
    expect(app.files).toEqual([{ path: 'main.py', content: 'print("<!DOCTYPE html><html></html>")' }]);
    expect(app.command).toEqual(['python3', 'main.py']);
    expect(app.message).toBe('Sure:\nRun it.');
  });

  it('continues an answer cut off by the token limit and splices it', async () => {
    const cut = ANSWER.indexOf('getElementById');
    h.anthropic.script(
      { text: ANSWER.slice(0, cut), stopReason: 'max_tokens', usage: { inputTokens: 100, outputTokens: 50 } },
      { text: ANSWER.slice(cut), usage: { inputTokens: 150, outputTokens: 40 } },
    );
    const app = await h.generator().generate(h.request());
    expect(app.files.find((f) => f.path === 'app.js')?.content).toBe(APP_JS);
    const continuation = messageTexts(h.anthropic.requests[1]!);
    expect(continuation.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(continuation[1]?.text).toBe(ANSWER.slice(0, cut));
    expect(continuation[2]?.text).toMatch(/Continue exactly where it stopped/);
    expect(app.usage.calls?.map((c) => [c.purpose, c.finishReason])).toEqual([
      ['generate', 'length'],
      ['continue', 'stop'],
    ]);
    expect(app.usage).toMatchObject({ inputTokens: 250, outputTokens: 90 });
  });

  it('drops a long repeat at the start of a continuation', async () => {
    const cut = ANSWER.indexOf('b.onclick');
    h.anthropic.script({ text: ANSWER.slice(0, cut), stopReason: 'max_tokens' }, { text: ANSWER.slice(cut - 45) });
    const app = await h.generator().generate(h.request());
    expect(app.files.find((f) => f.path === 'app.js')?.content).toBe(APP_JS);
  });

  it('continues a file left unterminated even when the model said it was done', async () => {
    const cut = ANSWER.indexOf('</file>\nClick');
    h.anthropic.script({ text: ANSWER.slice(0, cut) }, { text: ANSWER.slice(cut) });
    const app = await h.generator().generate(h.request());
    expect(app.files.map((f) => f.path)).toEqual(['index.html', 'app.js']);
    expect(h.anthropic.requests).toHaveLength(2);
  });

  it('fails clearly, deploying nothing, when the answer is still cut off after the continuations', async () => {
    h.anthropic.script({ text: '<file path="index.html">\n<html>', stopReason: 'max_tokens' }, { text: '<body>', stopReason: 'max_tokens' });
    const error = await h.generator({ maxContinuations: 1 }).generate(h.request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GENERATION_FAILED', message: expect.stringMatching(/cut off .* after 1 continuation.*nothing was deployed/) });
    expect((error as { details: { usage: { calls: unknown[] } } }).details.usage.calls).toHaveLength(2);
  });

  it('refuses an unsafe path written by the model', async () => {
    h.anthropic.script({ text: '<file path="../../etc/cron.d/x">\n* * * * * root sh\n</file>' });
    await expect(h.generator().generate(h.request())).rejects.toMatchObject({ code: 'UNSAFE_FILE_PATH' });
  });

  it('aborts a stream that grows past the app size limit', async () => {
    h.anthropic.script({ text: `<file path="index.html">\n${'x'.repeat(5_000)}\n</file>`, chunkSize: 500, delayMs: 5 });
    const error = await h.generator({ limits: { maxAppBytes: 2_000 } }).generate(h.request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'APP_TOO_LARGE' });
  });

  it('stops with GENERATION_BUDGET_EXCEEDED instead of paying for a continuation over budget', async () => {
    h.anthropic.script({ text: '<file path="index.html">\n<html>', stopReason: 'max_tokens', usage: { inputTokens: 900, outputTokens: 200 } });
    const error = await h.generator({ budget: { maxGenerationTokens: 1_000 } }).generate(h.request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GENERATION_BUDGET_EXCEEDED' });
    expect(h.anthropic.requests).toHaveLength(1);
  });
});
