import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, PostedMessage, SessionView } from '../../../src/api-types.ts';
import { createRunning, editAnswer, eventsOf, fileAnswer, page, startLlmHarness, waitForChange, type LlmHarness } from './revision-harness.ts';

async function cacheCount(t: LlmHarness, result: 'hit' | 'miss'): Promise<number> {
  const text = await (await fetch(`${t.h.base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`spawnai_prompt_cache_requests_total{result="${result}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('prompt cache of LLM generations (database backend, real AI SDK against the fake)', () => {
  let t: LlmHarness;
  beforeAll(async () => {
    t = await startLlmHarness({ SPAWN_CACHE_TTL_SECONDS: '2' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the same prompt (any case and spacing) from the cache: zero model calls, cached: true, $0 generation', async () => {
    const { h, openai } = t;
    const prompt = `a cached counter ${Date.now()}`;
    openai.script({ text: fileAnswer({ 'index.html': page('Cached') }), usage: { inputTokens: 1_000, outputTokens: 500 } });
    const [hits0, misses0] = [await cacheCount(t, 'hit'), await cacheCount(t, 'miss')];
    const first = await createRunning(h, { prompt, appType: 'webapp' });
    expect(openai.requests).toHaveLength(1);
    expect((await h.api<SessionView>('GET', `/api/sessions/${first.id}`)).body.cached).toBe(false);

    const before = openai.requests.length;
    const second = await createRunning(h, { prompt: `  ${prompt.toUpperCase().replace(/ /g, '   ')} `, appType: 'webapp' });
    expect(openai.requests.length - before).toBe(0);
    const view = (await h.api<SessionView>('GET', `/api/sessions/${second.id}`)).body;
    expect(view).toMatchObject({ cached: true, model: 'openai:gpt-4.1', generator: 'llm' });
    expect((await h.app(second.id)).text).toContain('Cached');
    const logs = (await eventsOf(h, second.id)).filter((e) => e.type === 'log').map((e) => String(e.data.message));
    expect(logs.some((m) => m.startsWith('served from the prompt cache'))).toBe(true);
    const costs = await h.platform.store.costs.listBySession(second.id);
    expect(costs.filter((c) => c.kind === 'generation')).toEqual([]);
    expect(await cacheCount(t, 'miss')).toBe(misses0 + 1);
    expect(await cacheCount(t, 'hit')).toBe(hits0 + 1);
    // Another app type is another request.
    openai.script({ text: fileAnswer({ 'main.js': "console.log('<h1>report</h1>');" }) });
    await createRunning(h, { prompt, appType: 'script' });
    expect(openai.requests.length - before).toBe(1);
  });

  it('cache: false bypasses the cache; entries expire after SPAWN_CACHE_TTL_SECONDS', async () => {
    const { h, openai } = t;
    const prompt = `a bypassed page ${Date.now()}`;
    openai.script({ text: fileAnswer({ 'index.html': page('First') }) }, { text: fileAnswer({ 'index.html': page('Fresh') }) }, { text: fileAnswer({ 'index.html': page('After expiry') }) });
    await createRunning(h, { prompt, appType: 'webapp' });
    const before = openai.requests.length;
    const bypass = await createRunning(h, { prompt, appType: 'webapp', cache: false });
    expect(openai.requests.length - before).toBe(1);
    expect((await h.api<SessionView>('GET', `/api/sessions/${bypass.id}`)).body.cached).toBe(false);
    expect((await h.app(bypass.id)).text).toContain('Fresh');

    await new Promise((r) => setTimeout(r, 2_100));
    const expired = await createRunning(h, { prompt, appType: 'webapp' });
    expect(openai.requests.length - before).toBe(2);
    expect((await h.app(expired.id)).text).toContain('After expiry');
    const bad = await h.api<{ error: { code: string } }>('POST', '/api/sessions', { prompt, cache: 'no' });
    expect(bad.body.error.code).toBe('INVALID_REQUEST');
  });

  it('never serves edits from the cache: the same edit on two cached apps calls the model twice', async () => {
    const { h, openai } = t;
    const prompt = `an editable page ${Date.now()}`;
    openai.script({ text: fileAnswer({ 'index.html': page('Base') }) });
    const a = await createRunning(h, { prompt, appType: 'webapp' });
    const b = await createRunning(h, { prompt, appType: 'webapp' });
    expect((await h.api<SessionView>('GET', `/api/sessions/${b.id}`)).body.cached).toBe(true);
    const before = openai.requests.length;
    for (const s of [a, b]) {
      openai.script({ text: editAnswer('index.html', '<h1>Base</h1>', '<h1>Edited</h1>') });
      const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'say edited' });
      await waitForChange(h, s.id, posted.body.messageId);
      expect((await h.app(s.id)).text).toContain('Edited');
    }
    expect(openai.requests.length - before).toBe(2);
  });
});

describe('prompt cache disabled', () => {
  it('SPAWN_CACHE=off always generates', async () => {
    const t = await startLlmHarness({ SPAWN_CACHE: 'off' });
    try {
      const prompt = `an uncached page ${Date.now()}`;
      t.openai.script({ text: fileAnswer({ 'index.html': page('One') }) }, { text: fileAnswer({ 'index.html': page('Two') }) });
      await createRunning(t.h, { prompt, appType: 'webapp' });
      const second: CreatedSession = await createRunning(t.h, { prompt, appType: 'webapp' });
      expect(t.openai.requests).toHaveLength(2);
      expect((await t.h.app(second.id)).text).toContain('Two');
      expect(t.h.platform.promptCache).toBeNull();
    } finally {
      await t.close();
    }
  });
});
